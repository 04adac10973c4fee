#include "support/NamedSource.h"
#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/devices/DevicePicker.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/markers/MarkerList.h"
#include "ui/meters/LevelMeter.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/recording/SleepInhibitor.h"
#include "ui/session/Session.h"
#include "ui/transport/RecorderControls.h"
#include "ui/transport/TransportActions.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusLine.h"
#include "ui/window/StatusPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;
constexpr int kTimeoutMs = 15000;
} // namespace

// What the window shows of a take's states, on the private sound server (no desktop portal
// or logind there: the sleep inhibitor says it cannot keep the computer awake): waiting for
// the sound that starts a take, a take that clips, a take whose microphone is unplugged.
class TestTakeStatesSound : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    QAction* action(TransportAction which) { return window_->transport()->action(which); }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QStandardPaths::setTestModeEnabled(true);
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("t.ini")), QSettings::IniFormat));
        // Long, as a path inside a project folder can be: the banner has to shorten it.
        settings_->setRecordingFolder(temp_.filePath(
            QStringLiteral("Recordings of the spring concert series/Rehearsals in the small hall "
                           "with the full choir and the brass quartet")));
        DeviceChoice choice = settings_->deviceChoice();
        choice.sampleRate = kRate;
        choice.channels = 2;
        choice.format = FileFormat::WavFloat;
        settings_->setDeviceChoice(choice);
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_->startAudio();
        QVERIFY(session_->hasAudio());
    }

    // Waiting is not recording: the screen says what it waits for, in grey, with no REC and
    // no time; the devices stay locked (also when the device lists are refreshed); the
    // sleep notice does not cover the waiting message; Stop leaves no "Recording 0:00.0".
    void waitingForSoundIsAStateOfItsOwn() {
        TakeOptions options = session_->takeOptions();
        options.preRollSeconds = 0;
        options.startOnSound = true;
        options.startAboveDbfs = -30;
        session_->setTakeOptions(options);
        RecordingScreen* screen = window_->recordingScreen();
        DevicePicker* picker = window_->devicePicker();
        QSignalSpy notice(window_->sleepInhibitor(), &SleepInhibitor::unavailable);

        action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(session_->isWaitingForSound());
        QVERIFY(screen->isVisible());
        QVERIFY(screen->isWaiting());
        const QString waiting = QStringLiteral("Waiting for sound above −30 dBFS");
        QVERIFY2(screen->recText().contains(waiting), qPrintable(screen->recText()));
        QVERIFY2(!screen->recText().contains(QStringLiteral("REC")), qPrintable(screen->recText()));
        QVERIFY2(!screen->recText().contains(QStringLiteral("#d32f2f")), "waiting is not red");
        QVERIFY(window_->statusLine()->fullText().startsWith(waiting));

        QVERIFY(!picker->inputBox()->isEnabled());
        emit session_->devicesChanged(); // what a hot-plug refresh does
        QVERIFY(!picker->inputBox()->isEnabled());
        QVERIFY(!picker->rateBox()->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(notice.count(), 1, kTimeoutMs);
        QCoreApplication::processEvents();
        QVERIFY2(window_->statusLine()->fullText().startsWith(waiting),
                 qPrintable(window_->statusLine()->fullText()));
        QVERIFY(session_->isWaitingForSound());

        action(TransportAction::Stop)->trigger();
        QCOMPARE(session_->state(), TransportState::NoFile);
        QVERIFY(!screen->isVisible());
        QVERIFY2(!window_->statusPanel()->positionText().startsWith(QStringLiteral("Recording")),
                 qPrintable(window_->statusPanel()->positionText()));
        QVERIFY(picker->inputBox()->isEnabled());
    }

    // The sound comes: REC and the time are back.
    void theSoundStartsTheTakeAndTheScreenSaysREC() {
        RecordingScreen* screen = window_->recordingScreen();
        action(TransportAction::Record)->trigger();
        QVERIFY(session_->isWaitingForSound());
        QVERIFY(screen->isWaiting());
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
        PulseClient player;
        QVERIFY2(player.startPlayback(SignalGenerator::sine(1000, 0.5, kRate, 2, kRate), 2, kRate),
                 qPrintable(player.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isWaitingForSound(), kTimeoutMs);
        QVERIFY(!screen->isWaiting());
        QVERIFY(screen->recText().contains(QStringLiteral("REC")));
        QVERIFY(player.waitForPlaybackFinished());
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);
        TakeOptions options = session_->takeOptions();
        options.startOnSound = false;
        session_->setTakeOptions(options);
    }

    // A take that clips: the meter's clip light stays on after Stop until it is clicked, the
    // take has a "Clip" marker at its first clipped sample, and the status line says how
    // many samples reached full scale.
    void aClippedTakeIsMarkedCountedAndLatched() {
        constexpr int kClippedFrames = 1000;
        // Half a second of a quiet tone, then a full-scale square wave, then the tone again.
        auto signal = SignalGenerator::sine(440, 0.25, kRate / 2, 2, kRate);
        for (int i = 0; i < kClippedFrames; ++i) {
            const float v = (i / 20) % 2 == 0 ? 1.0f : -1.0f;
            signal.push_back(v);
            signal.push_back(v);
        }
        const auto tail = SignalGenerator::sine(440, 0.25, kRate / 2, 2, kRate);
        signal.insert(signal.end(), tail.begin(), tail.end());

        QSignalSpy saved(session_.get(), &Session::takeSaved);
        action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
        PulseClient player;
        QVERIFY2(player.startPlayback(signal, 2, kRate), qPrintable(player.errorString()));
        QVERIFY(player.waitForPlaybackFinished());
        LevelMeter* meter = window_->levelMeter();
        QTRY_VERIFY_WITH_TIMEOUT(meter->isClipped(0), kTimeoutMs);
        const MarkerList& markers = *window_->recorderControls()->markers();
        QTRY_VERIFY_WITH_TIMEOUT(!markers.markers().empty(), kTimeoutMs);
        QCOMPARE(markers.markers().front().name, std::string(kClipMarkerName));
        QTest::qWait(300); // the rest of the tone reaches the take
        action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);

        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        std::int64_t first = -1;
        qint64 clipped = 0;
        for (std::size_t i = 0; i < take->samples.size(); ++i) {
            if (std::fabs(take->samples[i]) >= 1.0f) {
                if (first < 0)
                    first = static_cast<std::int64_t>(i) / take->channels;
                ++clipped;
            }
        }
        QCOMPARE(clipped, qint64(2 * kClippedFrames)); // the server passes it bit for bit
        QTRY_VERIFY_WITH_TIMEOUT(!markers.markers().empty(), kTimeoutMs); // the saved take's
        QCOMPARE(markers.markers().front().frame, first);
        const QString line = window_->statusLine()->fullText();
        QVERIFY2(
            line.startsWith(
                QStringLiteral("The take clipped: %1 sample").arg(QLocale().toString(clipped))),
            qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("reached full scale")));
        // The latch outlived the take, and the file opened after it.
        QVERIFY(meter->isClipped(0));
        QTest::mouseClick(meter, Qt::LeftButton);
        QVERIFY(!meter->isClipped(0));
    }

    // The microphone of a running take is unplugged: the banner names the take's file once,
    // on one line shortened in the middle (the whole path in its tooltip); when the
    // microphone is back, the banner goes.
    void anUnpluggedMicsBannerShowsThePathOnceAndGoesWhenItIsBack() {
        QComboBox* inputs = window_->devicePicker()->inputBox();
        const QString id = QStringLiteral("banner_mic");
        NamedSource mic(id, QStringLiteral("Banner Mic"), 1);
        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(inputs->findData(id) >= 0, kTimeoutMs);
        inputs->setCurrentIndex(inputs->findData(id));
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
        PulseClient feed; // a tone into the mic until it is unplugged
        feed.setSink(mic.feedSink());
        QVERIFY2(
            feed.startPlayback(SignalGenerator::sine(440, 0.5, 20 * kRate, 1, kRate), 1, kRate),
            qPrintable(feed.errorString()));
        QTest::qWait(1000);
        QVERIFY2(mic.unplug(), qPrintable(mic.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeoutMs);
        // The take ends with the mic's last frame, the tone: no silence after it.
        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        auto last = static_cast<std::int64_t>(take->samples.size()) - 1;
        while (last >= 0 && std::fabs(take->samples[static_cast<std::size_t>(last)]) < 0.1f)
            --last;
        const std::int64_t trailing = static_cast<std::int64_t>(take->samples.size()) - 1 - last;
        qInfo("take: %.3f s, %lld frames after the tone", double(take->frames()) / kRate,
              static_cast<long long>(trailing));
        QVERIFY(last > kRate / 2);
        QVERIFY2(trailing < kRate / 1000, qPrintable(QString::number(trailing)));
        ErrorBanner* banner = window_->errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(window_.get()), kTimeoutMs);
        const QString path = QDir::toNativeSeparators(saved.first().first().toString());
        QVERIFY2(banner->message().startsWith(QStringLiteral("Banner Mic was unplugged")),
                 qPrintable(banner->message()));
        QVERIFY2(!banner->message().contains(path), qPrintable(banner->message()));
        QVERIFY(banner->message().contains(QFileInfo(path).fileName()));
        QCOMPARE(banner->path(), path);
        // Narrow: the shown path is shortened in the middle and keeps its file name.
        window_->resize(500, window_->height());
        QTRY_VERIFY_WITH_TIMEOUT(banner->shownPath() != path, kTimeoutMs);
        QVERIFY2(banner->shownPath().contains(QChar(0x2026)), qPrintable(banner->shownPath()));
        QVERIFY(banner->shownPath().endsWith(QFileInfo(path).fileName().right(8)));
        QVERIFY(!window_->statusLine()->fullText().contains(path));

        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisibleTo(window_.get()), kTimeoutMs);
        QVERIFY2(window_->statusLine()->fullText().contains(QStringLiteral("Banner Mic")),
                 qPrintable(window_->statusLine()->fullText()));
        window_->resize(1100, window_->height());
    }
};

QTEST_MAIN(TestTakeStatesSound)
#include "TestTakeStatesSound.moc"
