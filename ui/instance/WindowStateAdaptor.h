#pragma once

#include <QDBusAbstractAdaptor>
#include <QStringList>

namespace tapedeck {

class RunningWindow;

// io.github.tapedeck.Tapedeck.Window: what the running window is doing, read-only.
// `tapedeck --toggle-record` reads it to say what it did ("saved …"), and a script or test
// can ask which file is open without looking at the screen. GUI thread only.
class WindowStateAdaptor : public QDBusAbstractAdaptor {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "io.github.tapedeck.Tapedeck.Window")
    // A take is being recorded (or waits for sound to start).
    Q_PROPERTY(bool Recording READ recording)
    // The open file, or the take being recorded; "" when nothing is open.
    Q_PROPERTY(QString CurrentFile READ currentFile)
    // File › Open Recent, most recent first.
    Q_PROPERTY(QStringList RecentFiles READ recentFiles)

public:
    explicit WindowStateAdaptor(RunningWindow& window);

    bool recording() const;
    QString currentFile() const;
    QStringList recentFiles() const;

private:
    RunningWindow& window_;
};

} // namespace tapedeck
