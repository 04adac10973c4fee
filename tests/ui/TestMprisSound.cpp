// MPRIS on the private sound server's own session bus (tests/audio/with-sound-server.sh
// starts a dbus-daemon for it): a second connection, as a media widget would be, reads what
// the real window shows and drives it; `gdbus call` (libglib2.0-bin) does the same from the
// command line, as a person checking the issue would.
#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/mpris/MprisService.h"
#include "ui/session/Session.h"
#include "ui/transport/SpeedControl.h"
#include "ui/transport/TransportActions.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sndfile.h>

using namespace tapedeck;
using tapedeck::testing::PulseClient;

namespace {

constexpr int kRate = 48000;
constexpr int kFileSeconds = 6;
constexpr qint64 kFileUs = kFileSeconds * 1000000LL;
constexpr int kTimeoutMs = 10000;
// One frame at 48 kHz, rounded up: positions go through frames and back.
constexpr qint64 kFrameUs = 21;

const QString kService = QString::fromLatin1(MprisService::kServiceName);
const QString kPath = QString::fromLatin1(MprisService::kObjectPath);
const QString kRoot = QStringLiteral("org.mpris.MediaPlayer2");
const QString kPlayer = QStringLiteral("org.mpris.MediaPlayer2.Player");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");

// A value read over D-Bus: a{sv} arrives as a QDBusArgument.
QVariantMap toMap(const QVariant& value) {
    if (value.canConvert<QDBusArgument>())
        return qdbus_cast<QVariantMap>(value.value<QDBusArgument>());
    return value.toMap();
}

} // namespace

// What a media widget hears: PropertiesChanged and Seeked.
class BusListener : public QObject {
    Q_OBJECT
public:
    QList<QVariantMap> changes;
    QList<qlonglong> seeks;

    // The last value announced for `name`, or nothing.
    QVariant lastAnnounced(const QString& name) const {
        for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
            if (it->contains(name))
                return it->value(name);
        }
        return {};
    }

public slots:
    void propertiesChanged(const QString& interface, const QVariantMap& changed,
                           const QStringList&) {
        if (interface == kPlayer)
            changes.append(changed);
    }
    void seeked(qlonglong position) { seeks.append(position); }
};

class TestMprisSound : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;
    QString file_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;
    QDBusConnection client_{QString()};
    BusListener listener_;

    QDBusMessage call(const QString& interface, const QString& method,
                      const QVariantList& args = {}) {
        QDBusMessage message = QDBusMessage::createMethodCall(kService, kPath, interface, method);
        message.setArguments(args);
        // The window answers on this same thread: keep its event loop running meanwhile.
        return client_.call(message, QDBus::BlockWithGui, kTimeoutMs);
    }
    QVariant property(const QString& interface, const QString& name) {
        const QDBusMessage reply = call(kProperties, QStringLiteral("Get"), {interface, name});
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
            return {};
        return reply.arguments().at(0).value<QDBusVariant>().variant();
    }
    bool setProperty(const QString& name, const QVariant& value) {
        const QDBusMessage reply = call(kProperties, QStringLiteral("Set"),
                                        {kPlayer, name, QVariant::fromValue(QDBusVariant(value))});
        return reply.type() == QDBusMessage::ReplyMessage;
    }
    QString status() { return property(kPlayer, QStringLiteral("PlaybackStatus")).toString(); }
    qlonglong position() { return property(kPlayer, QStringLiteral("Position")).toLongLong(); }
    QVariantMap metadata() { return toMap(property(kPlayer, QStringLiteral("Metadata"))); }
    bool callPlayer(const QString& method, const QVariantList& args = {}) {
        return call(kPlayer, method, args).type() == QDBusMessage::ReplyMessage;
    }
    QAction* action(TransportAction which) const { return window_->transport()->action(which); }

    // Runs `gdbus call` on the session bus; its output, or a failure.
    void gdbus(const QStringList& method, QString* output = nullptr) {
        QProcess process;
        process.start(QStringLiteral("gdbus"),
                      QStringList{QStringLiteral("call"), QStringLiteral("--session"),
                                  QStringLiteral("--dest"), kService,
                                  QStringLiteral("--object-path"), kPath,
                                  QStringLiteral("--method")} +
                          method);
        QVERIFY2(process.waitForStarted(kTimeoutMs), "gdbus is needed (package libglib2.0-bin)");
        // Not waitForFinished(): the window must answer gdbus on this thread meanwhile.
        QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, kTimeoutMs);
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));
        if (output)
            *output = QString::fromUtf8(process.readAllStandardOutput());
    }

private slots:
    void initTestCase() {
        if (!PulseClient::insideTestServer())
            QSKIP("not run inside tests/audio/with-sound-server.sh");
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        file_ = temp_.filePath(QStringLiteral("tone.wav"));
        const auto samples = tapedeck::testing::SignalGenerator::sine(
            440, 0.2, static_cast<std::int64_t>(kFileSeconds) * kRate, 2, kRate);
        QVERIFY(tapedeck::testing::writeSoundFile(file_.toStdString(), samples, 2, kRate,
                                                  SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        session_->startAudio();
        QVERIFY2(session_->hasAudio(), "PortAudio did not start");
        QVERIFY(session_->openFile(file_));

        // The window goes on the bus as the application does it (the private session bus).
        MprisService* service = MprisService::publish(*window_, *session_);
        QVERIFY2(service != nullptr, "no session bus, or the name was taken");
        QCOMPARE(service->serviceName(), kService);

        client_ = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                QStringLiteral("media-widget"));
        QVERIFY(client_.isConnected());
        QVERIFY(client_.connect(kService, kPath, kProperties, QStringLiteral("PropertiesChanged"),
                                &listener_,
                                SLOT(propertiesChanged(QString, QVariantMap, QStringList))));
        QVERIFY(client_.connect(kService, kPath, kPlayer, QStringLiteral("Seeked"), &listener_,
                                SLOT(seeked(qlonglong))));
    }

    void init() {
        if (session_->state() == TransportState::Playing ||
            session_->state() == TransportState::Paused)
            action(TransportAction::Stop)->trigger();
        window_->speedControl()->setSpeed(1.0);
        listener_.changes.clear();
        listener_.seeks.clear();
    }

    void describesThePlayerAndTheOpenFile() {
        QCOMPARE(property(kRoot, QStringLiteral("Identity")).toString(),
                 QStringLiteral("Tapedeck"));
        QCOMPARE(property(kRoot, QStringLiteral("DesktopEntry")).toString(),
                 QStringLiteral("io.github.tapedeck.Tapedeck"));
        QCOMPARE(property(kRoot, QStringLiteral("CanRaise")).toBool(), true);
        QCOMPARE(property(kRoot, QStringLiteral("CanQuit")).toBool(), true);
        QVERIFY(property(kRoot, QStringLiteral("SupportedMimeTypes"))
                    .toStringList()
                    .contains(QStringLiteral("audio/x-wav")));

        QCOMPARE(status(), QStringLiteral("Stopped"));
        const QVariantMap meta = metadata();
        const QString trackId =
            meta.value(QStringLiteral("mpris:trackid")).value<QDBusObjectPath>().path();
        QVERIFY2(trackId.startsWith(QStringLiteral("/io/github/tapedeck/")), qPrintable(trackId));
        QCOMPARE(meta.value(QStringLiteral("xesam:url")).toString(),
                 QUrl::fromLocalFile(file_).toString(QUrl::FullyEncoded));
        QCOMPARE(meta.value(QStringLiteral("xesam:title")).toString(), QStringLiteral("tone"));
        QCOMPARE(meta.value(QStringLiteral("mpris:length")).toLongLong(), kFileUs);

        QCOMPARE(property(kPlayer, QStringLiteral("MinimumRate")).toDouble(), 0.5);
        QCOMPARE(property(kPlayer, QStringLiteral("MaximumRate")).toDouble(), 2.0);
        QCOMPARE(property(kPlayer, QStringLiteral("Volume")).toDouble(), 1.0);
        QCOMPARE(property(kPlayer, QStringLiteral("CanGoNext")).toBool(), false);
        QCOMPARE(property(kPlayer, QStringLiteral("CanPlay")).toBool(), true);
        QCOMPARE(property(kPlayer, QStringLiteral("CanPause")).toBool(), true);
        QCOMPARE(property(kPlayer, QStringLiteral("CanSeek")).toBool(), true);
        QCOMPARE(property(kPlayer, QStringLiteral("CanControl")).toBool(), true);
    }

    void playsPausesAndStops() {
        QVERIFY(callPlayer(QStringLiteral("Play")));
        QCOMPARE(session_->state(), TransportState::Playing);
        QCOMPARE(status(), QStringLiteral("Playing"));
        QTRY_COMPARE_WITH_TIMEOUT(listener_.lastAnnounced(QStringLiteral("PlaybackStatus")),
                                  QVariant(QStringLiteral("Playing")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(position() > 0, kTimeoutMs); // read while it plays

        QVERIFY(callPlayer(QStringLiteral("Pause")));
        QCOMPARE(session_->state(), TransportState::Paused);
        QCOMPARE(status(), QStringLiteral("Paused"));
        QTRY_COMPARE_WITH_TIMEOUT(listener_.lastAnnounced(QStringLiteral("PlaybackStatus")),
                                  QVariant(QStringLiteral("Paused")), kTimeoutMs);
        QVERIFY(callPlayer(QStringLiteral("PlayPause")));
        QCOMPARE(session_->state(), TransportState::Playing);
        QVERIFY(callPlayer(QStringLiteral("PlayPause")));
        QCOMPARE(session_->state(), TransportState::Paused);

        QVERIFY(callPlayer(QStringLiteral("Stop")));
        QCOMPARE(session_->state(), TransportState::Stopped);
        QCOMPARE(status(), QStringLiteral("Stopped"));
        QVERIFY(callPlayer(QStringLiteral("Next"))); // no track list: nothing happens
        QCOMPARE(session_->state(), TransportState::Stopped);
    }

    void seeksAndSetsThePosition() {
        const QVariant trackId = metadata().value(QStringLiteral("mpris:trackid"));
        QVERIFY(callPlayer(QStringLiteral("SetPosition"), {trackId, qlonglong(1000000)}));
        QVERIFY(qAbs(position() - 1000000) <= kFrameUs);
        QTRY_VERIFY_WITH_TIMEOUT(!listener_.seeks.isEmpty(), kTimeoutMs);
        QVERIFY(qAbs(listener_.seeks.last() - 1000000) <= kFrameUs);

        QVERIFY(callPlayer(QStringLiteral("Seek"), {qlonglong(500000)}));
        QVERIFY(qAbs(position() - 1500000) <= kFrameUs);
        QVERIFY(callPlayer(QStringLiteral("Seek"), {qlonglong(-10000000)}));
        QCOMPARE(position(), 0);

        // Another track's id, or a place past the end: ignored, as MPRIS asks.
        const QVariant other = QVariant::fromValue(QDBusObjectPath(QStringLiteral("/other/1")));
        QVERIFY(callPlayer(QStringLiteral("SetPosition"), {other, qlonglong(2000000)}));
        QCOMPARE(position(), 0);
        QVERIFY(callPlayer(QStringLiteral("SetPosition"), {trackId, kFileUs + 1000000}));
        QCOMPARE(position(), 0);

        // While it plays, a jump (well beyond playback's own progress, however slow the
        // machine) is announced and playback goes on from there.
        QVERIFY(callPlayer(QStringLiteral("Play")));
        listener_.seeks.clear();
        constexpr qint64 kTarget = 4000000;
        QVERIFY(callPlayer(QStringLiteral("SetPosition"), {trackId, kTarget}));
        QCOMPARE(session_->state(), TransportState::Playing);
        QVERIFY(position() >= kTarget - kFrameUs);
        QTRY_VERIFY_WITH_TIMEOUT(!listener_.seeks.isEmpty(), kTimeoutMs);
        QVERIFY(qAbs(listener_.seeks.first() - kTarget) <= kFrameUs);
    }

    void rateIsTheSpeedControl() {
        QVERIFY(setProperty(QStringLiteral("Rate"), 1.5));
        QCOMPARE(window_->speedControl()->speed(), 1.5);
        QCOMPARE(session_->playbackSpeed(), 1.5);
        QTRY_COMPARE_WITH_TIMEOUT(listener_.lastAnnounced(QStringLiteral("Rate")), QVariant(1.5),
                                  kTimeoutMs);

        window_->speedControl()->setSpeed(0.8); // as the spin box or Ctrl+Down would
        QCOMPARE(property(kPlayer, QStringLiteral("Rate")).toDouble(), 0.8);
        QTRY_COMPARE_WITH_TIMEOUT(listener_.lastAnnounced(QStringLiteral("Rate")), QVariant(0.8),
                                  kTimeoutMs);

        QVERIFY(setProperty(QStringLiteral("Rate"), 3.0)); // beyond MaximumRate: the maximum
        QCOMPARE(window_->speedControl()->speed(), 2.0);

        QVERIFY(callPlayer(QStringLiteral("Play")));
        QVERIFY(setProperty(QStringLiteral("Rate"), 0.0)); // MPRIS: rate 0 pauses
        QCOMPARE(session_->state(), TransportState::Paused);
        QCOMPARE(window_->speedControl()->speed(), 2.0);
    }

    void loopStatusIsTheLoopButton() {
        QVERIFY(setProperty(QStringLiteral("LoopStatus"), QStringLiteral("Track")));
        QVERIFY(window_->transport()->loopEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(listener_.lastAnnounced(QStringLiteral("LoopStatus")),
                                  QVariant(QStringLiteral("Track")), kTimeoutMs);
        action(TransportAction::Loop)->trigger();
        QCOMPARE(property(kPlayer, QStringLiteral("LoopStatus")).toString(),
                 QStringLiteral("None"));
    }

    // The issue's own check: gdbus call plays, pauses, seeks and changes the rate.
    void gdbusCallPlaysPausesSeeksAndChangesTheRate() {
        gdbus({kPlayer + QStringLiteral(".Play")});
        QCOMPARE(session_->state(), TransportState::Playing);
        gdbus({kPlayer + QStringLiteral(".Pause")});
        QCOMPARE(session_->state(), TransportState::Paused);

        const qlonglong before = position();
        gdbus({kPlayer + QStringLiteral(".Seek"), QStringLiteral("500000")});
        QVERIFY(qAbs(position() - (before + 500000)) <= kFrameUs);

        gdbus({kProperties + QStringLiteral(".Set"), kPlayer, QStringLiteral("Rate"),
               QStringLiteral("<1.25>")});
        QCOMPARE(window_->speedControl()->speed(), 1.25);

        QString answer;
        gdbus({kProperties + QStringLiteral(".Get"), kPlayer, QStringLiteral("PlaybackStatus")},
              &answer);
        QVERIFY2(answer.contains(QStringLiteral("'Paused'")), qPrintable(answer));
        gdbus({kProperties + QStringLiteral(".Get"), kPlayer, QStringLiteral("Metadata")}, &answer);
        QVERIFY2(answer.contains(QStringLiteral("'xesam:title': <'tone'>")), qPrintable(answer));
        QVERIFY2(answer.contains(QStringLiteral("'mpris:length': <int64 6000000>")),
                 qPrintable(answer));
    }

    // A take is a track that plays: the title says Recording, Pause and Play pause and resume
    // it, and Stop ends it, saved.
    void aTakeIsPlayingAndStopEndsIt() {
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QCOMPARE(status(), QStringLiteral("Playing"));
        QVariantMap meta = metadata();
        QVERIFY2(meta.value(QStringLiteral("xesam:title"))
                     .toString()
                     .startsWith(QStringLiteral("Recording")),
                 qPrintable(meta.value(QStringLiteral("xesam:title")).toString()));
        QCOMPARE(meta.value(QStringLiteral("xesam:url")).toString(),
                 QUrl::fromLocalFile(session_->currentPath()).toString(QUrl::FullyEncoded));
        QTRY_VERIFY_WITH_TIMEOUT(toMap(listener_.lastAnnounced(QStringLiteral("Metadata")))
                                     .value(QStringLiteral("xesam:title"))
                                     .toString()
                                     .startsWith(QStringLiteral("Recording")),
                                 kTimeoutMs);
        QCOMPARE(property(kPlayer, QStringLiteral("CanSeek")).toBool(), false);

        QVERIFY(callPlayer(QStringLiteral("Pause")));
        QVERIFY(session_->isTakePaused());
        QCOMPARE(status(), QStringLiteral("Paused"));
        QVERIFY(callPlayer(QStringLiteral("Play")));
        QVERIFY(!session_->isTakePaused());
        QCOMPARE(status(), QStringLiteral("Playing"));

        const QString take = session_->currentPath();
        QVERIFY(callPlayer(QStringLiteral("Stop")));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().at(0).toString(), take);
        QVERIFY(session_->state() != TransportState::Recording);
        QCOMPARE(status(), QStringLiteral("Stopped"));
        QVERIFY(!metadata()
                     .value(QStringLiteral("xesam:title"))
                     .toString()
                     .startsWith(QStringLiteral("Recording")));
    }

    void raiseShowsTheWindow() {
        window_->hide();
        QVERIFY(call(kRoot, QStringLiteral("Raise")).type() == QDBusMessage::ReplyMessage);
        QVERIFY(window_->isVisible());
    }

    void cleanupTestCase() {
        if (session_ && session_->state() != TransportState::NoFile &&
            session_->state() != TransportState::Stopped)
            action(TransportAction::Stop)->trigger();
    }
};

QTEST_MAIN(TestMprisSound)
#include "TestMprisSound.moc"
