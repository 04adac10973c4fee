#pragma once

#include <string>

namespace tapedeck::awake {

// Keeps the computer from suspending while `tapedeck --record` waits for its start time and
// records: a laptop that sleeps stops the take, or sleeps through the time it was to start.
//
// It takes logind's sleep inhibitor (org.freedesktop.login1.Manager.Inhibit, "sleep",
// mode "block"), the one the window falls back to, over sd-bus (libsystemd): the command line
// links no Qt, and exec'ing systemd-inhibit would put another process in front of the take,
// so that the PID a script saved would no longer be the recorder's. logind keeps the
// inhibitor while any copy of the descriptor it hands back is open; this class holds that
// descriptor, not the bus connection, which it closes at once. The desktop portal the window
// asks first is not asked: a terminal process is not sandboxed, and logind is what the
// portal itself asks outside a sandbox. Main thread.
class LogindSleepLock {
public:
    // Asks logind (on the system bus, DBUS_SYSTEM_BUS_ADDRESS when set) to block sleep, with
    // `reason` shown by `systemd-inhibit --list` and the desktop. Waits at most a few seconds
    // for the answer. When nothing is granted, problem() says why.
    explicit LogindSleepLock(const std::string& reason);
    ~LogindSleepLock(); // lets the computer sleep again
    LogindSleepLock(const LogindSleepLock&) = delete;
    LogindSleepLock& operator=(const LogindSleepLock&) = delete;

    bool isHeld() const { return descriptor_ >= 0; }
    // Why nothing keeps the computer awake ("no system bus: No such file or directory");
    // empty when held.
    const std::string& problem() const { return problem_; }

private:
    int descriptor_ = -1;
    std::string problem_;
};

} // namespace tapedeck::awake
