#pragma once

namespace tapedeck {

// Replaces this process with the Tapedeck window (the `tapedeck-window` executable), passing
// the same arguments. The window lives in its own executable so that the command-line modes
// never load Qt Widgets and Qt Gui: `tapedeck --play` stays a small process. Returns only if
// the window could not be started, with the exit code to use (the reason is on stderr).
// Main thread, before any other thread exists.
int launchWindow(char** argv);

} // namespace tapedeck
