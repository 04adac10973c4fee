#pragma once

namespace tapedeck {

// Installs the accessible interfaces of Tapedeck's painted widgets (the level meter and the
// waveform) with QAccessible::installFactory, once per process; later calls do nothing.
// Call before the widgets are first queried (the window does, as it is built). GUI thread.
class AccessibleInterfaces {
public:
    static void install();
};

} // namespace tapedeck
