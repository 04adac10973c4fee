#include "core/dsp/ChannelMapper.h"

#include <algorithm>

namespace tapedeck {

namespace {
constexpr int kSurround51Channels = 6;     // FL FR C LFE SL SR
constexpr float kCentreGain = 0.70710678f; // -3 dB
constexpr float kSurroundGain = 0.70710678f;
// Keeps a full-scale 5.1 mix from clipping after folding.
constexpr float kSurround51Normalize = 1.0f / (1.0f + kCentreGain + kSurroundGain);
} // namespace

void ChannelMapper::map(const float* input, float* output, std::int64_t frames) const noexcept {
    for (std::int64_t f = 0; f < frames; ++f) {
        const float* src = input + f * in_;
        float* dst = output + f * out_;
        if (in_ == out_) {
            std::copy_n(src, in_, dst);
        } else if (in_ == 1) {
            std::fill_n(dst, out_, src[0]);
        } else if (out_ == 1) {
            float sum = 0.0f;
            for (int c = 0; c < in_; ++c) {
                sum += src[c];
            }
            dst[0] = sum / static_cast<float>(in_);
        } else if (in_ < out_) {
            std::copy_n(src, in_, dst);
            std::fill_n(dst + in_, out_ - in_, 0.0f);
        } else {
            downmixToStereo(src, dst);
            std::fill_n(dst + 2, out_ - 2, 0.0f);
        }
    }
}

void ChannelMapper::downmixToStereo(const float* frame, float* out) const noexcept {
    if (in_ == kSurround51Channels) {
        const float centre = kCentreGain * frame[2];
        out[0] = (frame[0] + centre + kSurroundGain * frame[4]) * kSurround51Normalize;
        out[1] = (frame[1] + centre + kSurroundGain * frame[5]) * kSurround51Normalize;
        return;
    }
    float left = 0.0f;
    float right = 0.0f;
    for (int c = 0; c < in_; ++c) {
        (c % 2 == 0 ? left : right) += frame[c];
    }
    const int leftCount = (in_ + 1) / 2;
    const int rightCount = in_ / 2;
    out[0] = left / static_cast<float>(leftCount);
    out[1] = right / static_cast<float>(rightCount);
}

} // namespace tapedeck
