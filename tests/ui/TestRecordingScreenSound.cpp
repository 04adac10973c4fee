#include "FakeSleepServices.h"
#include "support/PulseClient.h"
#include "support/SoundFileIo.h"
#include "ui/devices/DevicePicker.h"
#include "ui/meters/LoudnessReadout.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/session/Session.h"
#include "ui/transport/SpeedControl.h"
#include "ui/transport/TransportActions.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <numbers>

using namespace tapedeck;
using tapedeck::testing::PulseClient;
using tapedeck::testing::readSoundFile;

namespace {
constexpr int kRate = 48000;
constexpr int kTimeoutMs = 10000;
constexpr qint64 kTakeFrames = 4 * kRate;
} // namespace

// The window on the private sound server (tests/audio): while a take runs, the recording
// screen shows it and the desktop portal (a fake one on the server's private session bus) is
// asked to keep the computer awake; after it, the take plays at twice the speed, in file time.
class TestRecordingScreenSound : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;

private slots:
    void aTakeShowsTheScreenHoldsTheInhibitorAndPlaysFaster() {
        QStandardPaths::setTestModeEnabled(true);
        // The fake portal, on its own connection to the server's session bus.
        QDBusConnection service =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake"));
        QVERIFY2(service.isConnected(), "no session bus: run inside with-sound-server.sh");
        FakePortal portal(service);
        QVERIFY(portal.registerOn());

        Settings settings(std::make_unique<QSettings>(temp_.filePath(QStringLiteral("t.ini")),
                                                      QSettings::IniFormat));
        settings.setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        Session session(settings);
        MainWindow window(session, settings);
        window.show();
        session.startAudio();
        QVERIFY(session.hasAudio());
        RecordingScreen* screen = window.recordingScreen();
        QVERIFY(!screen->isVisible());

        qint64 recorded = 0;
        connect(&session, &Session::positionChanged, this,
                [&recorded](qint64 frame, qint64 length) {
                    if (length < 0)
                        recorded = frame;
                });
        QSignalSpy saved(&session, &Session::takeSaved);
        window.transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session.state(), TransportState::Recording);
        QVERIFY(screen->isVisible());
        QVERIFY(screen->recText().contains(QStringLiteral("REC")));
        // The test server's default source is a stereo monitor: both of its channels.
        QVERIFY2(screen->inputText().startsWith(QStringLiteral("Stereo from inputs 1–2 of 2")),
                 qPrintable(screen->inputText()));
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 1, kTimeoutMs);
        QCOMPARE(portal.calls.front().flags, uint(4));
        QTRY_VERIFY_WITH_TIMEOUT(recorded >= kTakeFrames, kTimeoutMs + 3000);
        // The take's loudness is read live (the monitor is silent: dashes, not numbers).
        QVERIFY(screen->loudness()->isRunning());
        QVERIFY2(screen->loudness()->integratedText().endsWith(QStringLiteral("LUFS")),
                 qPrintable(screen->loudness()->integratedText()));
        QVERIFY(screen->elapsedText().startsWith(QStringLiteral("0:0")));
        QVERIFY(screen->elapsedText() != QStringLiteral("0:00.0"));
        QVERIFY2(screen->sizeText().endsWith(QStringLiteral(" MB")),
                 qPrintable(screen->sizeText()));
        QVERIFY2(screen->diskText().contains(QStringLiteral("left on disk")),
                 qPrintable(screen->diskText()));

        window.transport()->action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);
        QVERIFY(!screen->isVisible());
        QVERIFY(!screen->loudness()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 0, kTimeoutMs);

        // Twice as fast: the whole take is heard in about half its length, and the playhead
        // reaches the file's end (file time, not time heard).
        for (int i = 0; i < 10; ++i)
            window.speedControl()->faster();
        QCOMPARE(session.playbackSpeed(), 2.0);
        qint64 lastFrame = 0;
        qint64 length = 0;
        connect(&session, &Session::positionChanged, this, [&](qint64 frame, qint64 total) {
            if (total >= 0) {
                lastFrame = frame;
                length = total;
            }
        });
        QElapsedTimer clock;
        clock.start();
        window.transport()->action(TransportAction::Play)->trigger();
        QCOMPARE(session.state(), TransportState::Playing);
        // The loudness readout follows what plays, with the whole file's integrated figure,
        // for as long as it plays.
        QVERIFY(window.loudnessReadout()->isRunning());
        QTest::qWait(300);
        QVERIFY(session.state() != TransportState::Playing ||
                window.loudnessReadout()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TransportState::Stopped, kTimeoutMs);
        QVERIFY(!window.loudnessReadout()->isRunning());
        const double seconds = clock.elapsed() / 1000.0;
        const double takeSeconds = static_cast<double>(length) / kRate;
        qInfo("a %.2f s take played at 2x in %.2f s", takeSeconds, seconds);
        QVERIFY(length >= kTakeFrames);
        QVERIFY2(seconds < 0.8 * takeSeconds, qPrintable(QString::number(seconds)));
        QVERIFY2(seconds > 0.45 * takeSeconds, qPrintable(QString::number(seconds)));
        service.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    }

    // "Input 2" of the default source (the test sink's stereo monitor) in the Devices panel:
    // the take is mono and holds the right channel only; the panel, the recording screen and
    // the settings all name that input.
    void aTakeFromInputTwoHoldsOnlyThatInput() {
        QStandardPaths::setTestModeEnabled(true);
        Settings settings(std::make_unique<QSettings>(temp_.filePath(QStringLiteral("inputs.ini")),
                                                      QSettings::IniFormat));
        settings.setRecordingFolder(temp_.filePath(QStringLiteral("input-takes")));
        Session session(settings);
        MainWindow window(session, settings);
        window.show();
        session.startAudio();
        QVERIFY(session.hasAudio());
        DevicePicker* picker = window.devicePicker();
        const int input2 = picker->channelsBox()->findText(QStringLiteral("Input 2"));
        QVERIFY(input2 >= 0);
        picker->channelsBox()->setCurrentIndex(input2);
        QCOMPARE(picker->routingText(), QStringLiteral("Mono from input 2 of 2"));
        QCOMPARE(session.deviceChoice().firstInput, 2);
        QCOMPARE(session.deviceChoice().channels, 1);

        QSignalSpy saved(&session, &Session::takeSaved);
        window.transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session.state(), TransportState::Recording);
        QVERIFY2(window.recordingScreen()->inputText().startsWith(
                     QStringLiteral("Mono from input 2 of 2")),
                 qPrintable(window.recordingScreen()->inputText()));
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
        // A tone on the right channel (input 2) only.
        std::vector<float> tone(static_cast<size_t>(2 * kRate) * 2);
        const double step = 2.0 * std::numbers::pi * 440.0 / kRate;
        for (size_t f = 0; f < tone.size() / 2; ++f)
            tone[f * 2 + 1] = static_cast<float>(0.5 * std::sin(step * static_cast<double>(f)));
        PulseClient feed;
        QVERIFY2(feed.play(tone, 2, kRate), qPrintable(feed.errorString()));
        window.transport()->action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);

        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->channels, 1);
        float peak = 0;
        for (const float x : take->samples)
            peak = std::max(peak, std::fabs(x));
        qInfo("input 2 take: %.2f s, peak %.4f", double(take->frames()) / kRate, double(peak));
        QVERIFY(std::fabs(peak - 0.5f) < 0.01f);
        QCOMPARE(settings.rememberedInputs().value(QStringLiteral("testsink.monitor")).firstInput,
                 2);
    }
};

QTEST_MAIN(TestRecordingScreenSound)
#include "TestRecordingScreenSound.moc"
