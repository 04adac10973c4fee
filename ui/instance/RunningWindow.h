#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <vector>

namespace tapedeck {

class MainWindow;
class Session;
class Settings;

// The window as later launches and the desktop reach it: opens the files they hand over,
// raises itself, and starts or stops a take. What arrives before the window has finished
// starting (its own file opened, the sound system up) waits and is carried out then, in
// order, so a file handed over early never opens before the window's own. Exported on the
// session bus through ApplicationAdaptor and WindowStateAdaptor. GUI thread only.
class RunningWindow : public QObject {
    Q_OBJECT
public:
    // Called with "" when the request was carried out, or with why it was not.
    using Done = std::function<void(const QString& error)>;

    explicit RunningWindow(QObject* parent = nullptr);

    // The window to act on; requests wait until ready() as well.
    void attach(MainWindow& window, Session& session, Settings& settings);
    // The window has started: carries out what has waited, in the order it came.
    void ready();

    // Raises the window. `platformData`: the launcher's "activation-token" (Wayland), if any.
    void activate(const QVariantMap& platformData);
    // Opens the last of `files` (local paths) and puts the others in Open Recent, then raises
    // the window. While a take is recorded, all of them go to Open Recent instead, with a
    // status message: the take is never interrupted. `done` follows once that has happened
    // (a file that cannot be opened is the window's to report, not the caller's).
    void open(const QStringList& files, const QVariantMap& platformData, Done done);
    // Stops the take in progress, or starts one (ending playback first). Does not raise the
    // window: a record key works while the person is in another window.
    void toggleRecord(Done done);

    // What the window is doing now (the adaptor's properties).
    bool isRecording() const;
    QString currentFile() const; // the open file or the take being recorded; "" if none
    QStringList recentFiles() const;

private:
    void whenReady(std::function<void()> request);
    void raiseWindow(const QVariantMap& platformData);

    MainWindow* window_ = nullptr;
    Session* session_ = nullptr;
    Settings* settings_ = nullptr;
    bool ready_ = false;
    std::vector<std::function<void()>> waiting_;
};

} // namespace tapedeck
