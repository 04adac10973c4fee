#pragma once

namespace tapedeck::cli {

// Turns SIGINT and SIGTERM into a flag the command loops poll, so a take interrupted with
// Ctrl+C is still finalized. Main thread.
class StopSignal {
public:
    static void install();
    static bool received();
};

} // namespace tapedeck::cli
