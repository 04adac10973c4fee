#pragma once

#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// A window of raw samples, for drawing at zooms finer than the finest summary blocks
// (WaveformSummary::kBlockFrames[0]).
struct SampleWindow {
    std::int64_t startFrame = 0;
    std::int64_t frames = 0; // may be fewer than asked for at the end of the file
    int channels = 0;
    std::vector<float> samples; // interleaved, frames × channels

    float sample(std::int64_t frame, int channel) const {
        return samples[static_cast<std::size_t>((frame - startFrame) * channels + channel)];
    }
};

// Reads frame windows from an audio file. File I/O: worker threads only, never the GUI
// thread. One thread at a time per instance.
class SampleReader {
public:
    // Largest window one read returns.
    static constexpr std::int64_t kMaxWindowFrames = std::int64_t{1} << 22;

    // Reads frames [startFrame, startFrame + frames) of `path`, clipped to the file.
    // Errors: those of SoundFile::open, InvalidArgument for a negative range.
    static Result<SampleWindow> read(const std::string& path, std::int64_t startFrame,
                                     std::int64_t frames);
};

} // namespace tapedeck
