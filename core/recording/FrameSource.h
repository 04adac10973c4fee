#pragma once

#include <cstdint>

namespace tapedeck {

// Where a take's disk writer takes its frames from: the capture stream's sample ring, or the
// combiner of a two-input take. Disk-writer thread only.
class FrameSource {
public:
    virtual ~FrameSource() = default;
    virtual int channels() const = 0;
    // Up to `count` interleaved frames into `frames`; returns how many (0: none yet).
    virtual std::int64_t read(float* frames, std::int64_t count) = 0;
};

} // namespace tapedeck
