#pragma once

#include "core/engine/EngineEvent.h"

#include <cstdint>

namespace tapedeck {

// A sample at or above this magnitude reached full scale: a clip. Just under 1.0, so that an
// integer device's largest positive value (32767/32768 for 16 bits) counts too.
inline constexpr float kFullScaleLevel = 0.9999f;

// Fills event.peak/rms (linear) for the first kMaxMeteredChannels channels of an
// interleaved block, and sets event.channels. Real-time safe.
void measureLevels(const float* interleaved, std::int64_t frames, int channels,
                   EngineEvent& event) noexcept;
// The same for `channels` channels out of frames `stride` samples apart: `interleaved` points
// at the first channel measured (a take's inputs within a wider capture stream).
void measureLevels(const float* interleaved, std::int64_t frames, int stride, int channels,
                   EngineEvent& event) noexcept;

// 20·log10(linear), floored at -120 dB for silence.
double linearToDb(double linear) noexcept;

} // namespace tapedeck
