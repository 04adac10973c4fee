#pragma once

#include <QStringList>

namespace tapedeck {

// Runs the Tapedeck window until it closes and returns the exit code. Creates the
// QApplication, so call it at most once, from main(), on the main thread. `files`: paths
// given on the command line; the last one is opened and the others are put at the top of
// File > Open Recent, in the order given. When a Tapedeck window is already running, they go to
// that one instead and this returns at once. `toggleRecord`: start a take in the running
// window, or stop its take (a new window is started when none runs).
int runGui(int& argc, char** argv, const QStringList& files, bool toggleRecord = false);

} // namespace tapedeck
