#pragma once

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QObject>
#include <QVariantMap>

namespace tapedeck {

// Registers "Start or stop recording" (id "toggle-record") with the desktop's
// org.freedesktop.portal.GlobalShortcuts, where the desktop offers that portal, so the person
// can give it a key in the desktop's settings that works in every window. Where the portal is
// missing, or refuses, nothing happens and nothing is said: the record key then works through
// `tapedeck --toggle-record` bound in the desktop's keyboard settings. Every call is
// asynchronous, so a slow portal never holds up the window. GUI thread only.
class GlobalShortcutPortal : public QObject {
    Q_OBJECT
public:
    explicit GlobalShortcutPortal(const QDBusConnection& bus, QObject* parent = nullptr);

    // Asks the portal for a session and binds the shortcut in it.
    void start();

signals:
    // The person pressed the shortcut.
    void toggleRecordPressed();

private slots:
    void onSessionCreated(uint response, const QVariantMap& results);
    void onActivated(const QDBusObjectPath& session, const QString& shortcut, qulonglong timestamp,
                     const QVariantMap& options);

private:
    // Calls `method` with `arguments` plus options holding a new handle_token, and sends the
    // portal's answer (its Request's Response signal) to `slot` unless that is null.
    void request(const QString& method, QVariantList arguments, QVariantMap options,
                 const char* slot);

    QDBusConnection bus_;
    QString session_;
    int tokens_ = 0;
};

} // namespace tapedeck
