#pragma once

#include <cstdint>
#include <vector>

namespace tapedeck::testing {

// Interleaved float samples with their layout, as read from a file or recorded from a stream.
struct AudioBuffer {
    std::vector<float> samples;
    int channels = 0;
    int sampleRate = 0;

    int64_t frames() const {
        return channels > 0 ? static_cast<int64_t>(samples.size()) / channels : 0;
    }
};

} // namespace tapedeck::testing
