#pragma once

#include <cstdint>

namespace tapedeck {

// Tells a jump of the playback position (a seek, Go to start, a click on the waveform, a loop
// going round) from playback moving on by itself, so MPRIS can send Seeked only for jumps:
// while playing, the position is expected to move by the time passed times the speed, give
// or take kToleranceSeconds (the player's latency and the poll timer's jitter); while not
// playing, any move is a jump. A missed tiny jump only leaves a widget's bar a little off;
// a needless Seeked only makes it read the position again. GUI thread only (a value).
class PositionJumps {
public:
    static constexpr double kToleranceSeconds = 0.5;

    // A new position report at `nowMs` on a monotonic clock. True if it is a jump.
    bool isJump(std::int64_t frame, int sampleRate, bool playing, double speed, std::int64_t nowMs);
    // Playback started, stopped or changed speed at `nowMs`: time before it says nothing
    // about where the position should be now.
    void restartClock(std::int64_t nowMs) { lastMs_ = nowMs; }
    // Forget the last position (a new file, or a take: its length grows, it does not jump).
    void forget() { lastFrame_ = -1; }

private:
    std::int64_t lastFrame_ = -1;
    std::int64_t lastMs_ = 0;
};

} // namespace tapedeck
