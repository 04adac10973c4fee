#pragma once

#include <cstdio>

namespace tapedeck::cli {

// Where the command line writes what the user should read. PortAudio's ALSA back end prints
// its own diagnostics to stderr from its threads (e.g. when a sound server dies), and
// PortAudio offers no public switch for that; the command line promises one clear line per
// error, so library output on file descriptor 2 goes to /dev/null and our messages go to the
// original stderr through this stream. TAPEDECK_DEBUG_AUDIO=1 keeps the library output.
// Main thread.
class UserMessages {
public:
    // Call once, first thing in a command-line mode.
    static void separateFromLibraryOutput();
    // The user's stderr (stderr itself until separateFromLibraryOutput()).
    static std::FILE* stream();
    // Whether the user's stderr is a terminal.
    static bool isTerminal();
};

} // namespace tapedeck::cli
