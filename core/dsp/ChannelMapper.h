#pragma once

#include <cstdint>

namespace tapedeck {

// Maps interleaved frames from a file's channel layout to the device's: a mono file plays
// on every device channel; more channels than the device has are mixed down (5.1 with the
// usual ITU coefficients, others by folding even channels left and odd channels right).
// Pure function of its inputs; real-time safe.
class ChannelMapper {
public:
    ChannelMapper(int inputChannels, int outputChannels)
        : in_(inputChannels), out_(outputChannels) {}

    int inputChannels() const { return in_; }
    int outputChannels() const { return out_; }

    void map(const float* input, float* output, std::int64_t frames) const noexcept;

private:
    void downmixToStereo(const float* frame, float* out) const noexcept;

    int in_;
    int out_;
};

} // namespace tapedeck
