#pragma once

#include "core/base/Error.h"

#include <cstdint>
#include <type_traits>

namespace tapedeck {

// Meters show at most this many channels; levels of further channels are not reported.
inline constexpr int kMaxMeteredChannels = 8;

enum class EngineEventType : std::uint8_t {
    Levels,    // per-block peak and RMS per channel
    Xrun,      // PortAudio set an input overflow / output underflow status flag
    Overflow,  // the sample ring was full: the callback dropped a block (recording)
    Underflow, // the sample ring was empty: the callback played silence (playback)
    Error,     // the callback failed; the stream aborts
    Finished,  // playback reached the end of the file
    InputLost, // a two-input take lost one input (`input`) and goes on with the other
};

// A message from the audio thread to the control thread. Trivially copyable, fixed size:
// the callback fills one on its stack and enqueues it without allocating.
struct EngineEvent {
    EngineEventType type = EngineEventType::Levels;
    ErrorCode error = ErrorCode::StreamFailed; // for Error
    std::int32_t channels = 0;                 // for Levels
    std::int32_t input = 0; // which input of a take sent it: 0, or 1 for a second input
    std::int64_t frame = 0; // stream frame where the event happened
    std::int64_t count = 0; // frames dropped / running xrun count
    float peak[kMaxMeteredChannels] = {}; // linear, 0..1 (may exceed 1 for float input)
    float rms[kMaxMeteredChannels] = {};
};
static_assert(std::is_trivially_copyable_v<EngineEvent>);

} // namespace tapedeck
