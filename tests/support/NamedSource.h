#pragma once

#include <QString>

namespace tapedeck::testing {

// A microphone of the test sound server with a name, as a desktop's sound settings would show
// it ("Headset Mic"): a null sink "feed_<id>" whose monitor is remapped into the source "<id>"
// (pulse modules, loaded with pactl). A helper client plays a signal into feedSink(), and whatever
// records from the source hears it. unplug() removes the source, as pulling out a USB microphone
// would.
//
// Only inside tests/audio/with-sound-server.sh (PulseClient::insideTestServer()). Test main
// thread.
class NamedSource {
public:
    NamedSource(QString id, QString description, int channels);
    ~NamedSource();
    NamedSource(const NamedSource&) = delete;
    NamedSource& operator=(const NamedSource&) = delete;

    // Starts the source and waits until the server lists it.
    bool plug();
    // Removes the source and waits until the server no longer lists it.
    bool unplug();

    QString id() const { return id_; }
    QString description() const { return description_; }
    QString feedSink() const { return QStringLiteral("feed_") + id_; }
    QString errorString() const { return error_; }

private:
    bool waitUntilListed(bool listed);
    void unloadModules();

    QString id_;
    QString description_;
    int channels_;
    QString feedModule_; // pactl's module indexes; empty while not loaded
    QString sourceModule_;
    QString error_;
};

} // namespace tapedeck::testing
