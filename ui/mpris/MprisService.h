#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

namespace tapedeck {

class MainWindow;
class MprisPlayerAdaptor;
class MprisRootAdaptor;
class Session;

// Puts the window on the session bus as an MPRIS media player, so media keys, the desktop's
// media widget and `gdbus call` can drive it: the object /org/mpris/MediaPlayer2 with
// org.mpris.MediaPlayer2 and org.mpris.MediaPlayer2.Player, under the name
// org.mpris.MediaPlayer2.tapedeck (or, when another Tapedeck holds that name,
// org.mpris.MediaPlayer2.tapedeck.instance<pid>, as MPRIS suggests).
//
// Built on QDBusAbstractAdaptor: Qt then writes the introspection and answers
// org.freedesktop.DBus.Properties (Get, GetAll, Set) from the adaptors' Q_PROPERTYs, and
// calls the adaptors' slots; only PropertiesChanged is sent by hand. GUI thread only.
class MprisService : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kServiceName = "org.mpris.MediaPlayer2.tapedeck";
    static constexpr const char* kObjectPath = "/org/mpris/MediaPlayer2";

    // On the session bus, owned by `window`. Without a session bus (a bare console, a
    // container) nothing is done and nothing is said: the window works as before. Returns
    // the service, or null.
    static MprisService* publish(MainWindow& window, Session& session);

    // On `bus` (tests: a private bus). isRegistered() says whether it worked.
    MprisService(MainWindow& window, Session& session, QDBusConnection bus,
                 QObject* parent = nullptr);
    ~MprisService() override; // leaves the bus

    bool isRegistered() const { return !serviceName_.isEmpty(); }
    // The bus name held, or empty.
    const QString& serviceName() const { return serviceName_; }
    MprisPlayerAdaptor* player() const { return player_; }

private:
    QDBusConnection bus_;
    MprisRootAdaptor* root_ = nullptr;
    MprisPlayerAdaptor* player_ = nullptr;
    QString serviceName_;
    bool objectRegistered_ = false;
};

} // namespace tapedeck
