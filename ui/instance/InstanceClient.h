#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace tapedeck {

// A launch that finds a Tapedeck window already running hands its request to it over the
// session bus: files to open (Open), a plain launch (Activate), or the record key
// (ActivateAction "toggle-record"). Sends the launcher's activation token along so the
// desktop lets the window take the focus. Main thread, before this process shows a window.
class InstanceClient {
public:
    // Long enough for a window still starting (its sound system scan) to answer.
    static constexpr int kAnswerTimeoutMs = 30000;

    explicit InstanceClient(const QDBusConnection& bus);

    // Whether a Tapedeck window owns the bus name now.
    bool windowIsRunning() const;
    // Opens `files` in the running window (the last one; the others go to Open Recent), or
    // raises it when there are none. Returns "" when done, else why not.
    QString open(const QStringList& files) const;
    // Starts or stops the take in the running window and prints what happened (stdout) or
    // why nothing did (stderr). Returns the exit code.
    int toggleRecord() const;
    // Starts `executable` (the window) on its own and waits until it owns the bus name.
    // Returns "" when it does, else why not.
    QString startWindow(const QString& executable) const;

private:
    QDBusMessage call(const char* interface, const QString& method,
                      const QVariantList& arguments) const;
    QVariant property(const QString& name) const;

    QDBusConnection bus_;
};

} // namespace tapedeck
