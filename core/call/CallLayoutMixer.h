#pragma once

#include "core/recording/InputLayout.h"

#include <cstdint>

namespace tapedeck {

// Lays two inputs out as the take's two channels (disk-writer thread):
// - Split: left is the first input folded to mono by the mean of its channels, right the
//   second; a full-scale stereo source stays in range.
// - Mix: each input as stereo (mono on both sides; of more channels, the even-numbered ones
//   make the left, the odd-numbered the right), summed, through a limiter that never lets a
//   sample pass kCeiling: the gain drops at once where the sum would pass it and recovers
//   smoothly (kReleaseSeconds), so loud overlaps are turned down, never clipped.
class CallLayoutMixer {
public:
    static constexpr float kCeiling = 0.989f; // -0.1 dBFS
    static constexpr double kReleaseSeconds = 0.1;

    CallLayoutMixer(InputLayout layout, int firstChannels, int secondChannels, int sampleRate);

    // Disk thread: `frames` frames into `out` (2 channels, interleaved). `first` and `second`
    // hold the inputs' frames, each with its own channel count; nullptr is silence.
    void combine(const float* first, const float* second, float* out, std::int64_t frames) noexcept;

    static constexpr int kChannels = 2;

private:
    // One input's frame as (left, right) for the mix; its mean for the split.
    static void toStereo(const float* frame, int channels, float& left, float& right) noexcept;
    static float toMono(const float* frame, int channels) noexcept;

    const InputLayout layout_;
    const int channels_[2];
    const float release_; // per frame: how much of the way back to unity the gain goes
    float gain_ = 1.0f;   // the limiter's, Mix only
};

} // namespace tapedeck
