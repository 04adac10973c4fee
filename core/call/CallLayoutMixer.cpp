#include "core/call/CallLayoutMixer.h"

#include <algorithm>
#include <cmath>

namespace tapedeck {

CallLayoutMixer::CallLayoutMixer(InputLayout layout, int firstChannels, int secondChannels,
                                 int sampleRate)
    : layout_(layout), channels_{firstChannels, secondChannels},
      release_(static_cast<float>(1.0 - std::exp(-1.0 / (kReleaseSeconds * sampleRate)))) {}

float CallLayoutMixer::toMono(const float* frame, int channels) noexcept {
    float sum = 0;
    for (int c = 0; c < channels; ++c) {
        sum += frame[c];
    }
    return sum / static_cast<float>(channels);
}

void CallLayoutMixer::toStereo(const float* frame, int channels, float& left,
                               float& right) noexcept {
    if (channels == 1) {
        left = right = frame[0];
        return;
    }
    if (channels == 2) {
        left = frame[0];
        right = frame[1];
        return;
    }
    float l = 0;
    float r = 0;
    for (int c = 0; c < channels; ++c) {
        (c % 2 == 0 ? l : r) += frame[c];
    }
    left = l / static_cast<float>((channels + 1) / 2);
    right = r / static_cast<float>(channels / 2);
}

void CallLayoutMixer::combine(const float* first, const float* second, float* out,
                              std::int64_t frames) noexcept {
    const int a = channels_[0];
    const int b = channels_[1];
    if (layout_ == InputLayout::Split) {
        for (std::int64_t i = 0; i < frames; ++i) {
            out[2 * i] = first != nullptr ? toMono(first + i * a, a) : 0.0f;
            out[2 * i + 1] = second != nullptr ? toMono(second + i * b, b) : 0.0f;
        }
        return;
    }
    for (std::int64_t i = 0; i < frames; ++i) {
        float l = 0;
        float r = 0;
        if (first != nullptr) {
            toStereo(first + i * a, a, l, r);
        }
        if (second != nullptr) {
            float l2 = 0;
            float r2 = 0;
            toStereo(second + i * b, b, l2, r2);
            l += l2;
            r += r2;
        }
        const float peak = std::max(std::fabs(l), std::fabs(r));
        gain_ += (1.0f - gain_) * release_;
        if (peak * gain_ > kCeiling) {
            gain_ = kCeiling / peak; // at once: the sum never passes the ceiling
        }
        // The clamp only catches float rounding: the gain alone keeps the sum in range.
        out[2 * i] = std::clamp(l * gain_, -kCeiling, kCeiling);
        out[2 * i + 1] = std::clamp(r * gain_, -kCeiling, kCeiling);
    }
}

} // namespace tapedeck
