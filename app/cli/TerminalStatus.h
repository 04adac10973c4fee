#pragma once

#include "core/engine/EngineEvent.h"

#include <cstdint>

namespace tapedeck::cli {

// One status line on stderr, redrawn in place: elapsed time and per-channel level. Shown
// only when stderr is a terminal. Main thread.
class TerminalStatus {
public:
    TerminalStatus();
    ~TerminalStatus(); // ends the line

    void noteLevels(const EngineEvent& levels); // keeps the loudest since the last show()
    void show(double seconds, std::int64_t dropouts);

private:
    bool enabled_;
    bool shown_ = false;
    EngineEvent loudest_{};
};

} // namespace tapedeck::cli
