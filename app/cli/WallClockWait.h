#pragma once

#include <chrono>

namespace tapedeck::cli {

// Sleeps until a wall-clock moment, such as the start of a scheduled take, or until SIGINT or
// SIGTERM (StopSignal must be installed). A CLOCK_REALTIME timer armed for an absolute time
// wakes the process once, at that moment, even when the clock is set or the machine was
// suspended meanwhile; the stop signals stay blocked except inside ppoll(), so one arriving
// just before the sleep still ends it. Main thread.
class WallClockWait {
public:
    // True when the moment came (at once when it is past); false when a stop signal came
    // first, or the timer could not be set up (then errno tells why).
    static bool until(std::chrono::system_clock::time_point moment);
};

} // namespace tapedeck::cli
