#pragma once

#include "core/engine/EngineEvent.h"

#include <array>

namespace tapedeck {

// Levels of every block since the last frame, per channel: the highest peak and the RMS of
// all the blocks together. Linear, 0..1.
struct MeterReading {
    int input = 0; // which input of a take with two (0: the main one, 1: the second)
    int channels = 0;
    std::array<float, kMaxMeteredChannels> peak{};
    std::array<float, kMaxMeteredChannels> rms{};
};

} // namespace tapedeck
