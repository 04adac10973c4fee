#pragma once

#include "ui/instance/RunningWindow.h"

#include <QStringList>

#include <optional>

namespace tapedeck {

class GlobalShortcutPortal;
class MainWindow;
class Session;
class Settings;

// One Tapedeck window at a time. The first window owns the bus name
// io.github.tapedeck.Tapedeck and answers org.freedesktop.Application there; a later launch
// (`tapedeck FILE`, the file manager's Open With, `tapedeck --toggle-record`) hands its files
// or its record key to that window and ends. Without a session bus each launch is a window of
// its own, as before, and says so once on stderr. Main thread (the GUI thread).
class InstanceLaunch {
public:
    // `files`: to open; `toggleRecord`: this launch is the record key.
    InstanceLaunch(QStringList files, bool toggleRecord);
    ~InstanceLaunch();
    InstanceLaunch(const InstanceLaunch&) = delete;
    InstanceLaunch& operator=(const InstanceLaunch&) = delete;

    // After the QApplication exists, before the window is built. Claims the bus name, or
    // hands this launch to the window that has it. Returns the exit code when this process
    // is done; nothing when it goes on to be the window.
    std::optional<int> handOver();
    // The window is built: requests from the bus go to it, once it has started.
    void serve(MainWindow& window, Session& session, Settings& settings);
    // The window has started (its own file opened, the sound system up): carries out the
    // requests that waited, in order.
    void started();

private:
    QStringList files_;
    bool toggleRecord_;
    RunningWindow running_;
    GlobalShortcutPortal* portal_ = nullptr;
};

} // namespace tapedeck
