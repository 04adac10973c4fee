#include "support/LoopbackTrace.h"
#include "support/NamedSource.h"
#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/devices/DevicePicker.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <sndfile.h>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {

constexpr int kServerRate = 48000;
constexpr int kTakeMs = 2000;
constexpr int kStateTimeoutMs = 15000;
constexpr int kHotplugMs = 1000;
// What Tapedeck played last is still in the server's pipeline when playback ends: the
// monitor keeps recording this long after.
// What was played last is still in the server's pipeline when a stream stops: the monitor
// records this much more before its recording is compared.
constexpr int kTailFrames = kServerRate / 2;
// 24-bit takes of a float signal; float files played to the monitor are bit-exact.
constexpr double kTwentyFourBitDb = -120.0;
using Kind = tapedeck::testing::LoopbackGlitch::Kind;

// Tapedeck's own dropout and xrun counts during a take or a playback, as the window hears of
// them; checked apart from the signal, so a glitch of its own is never blamed on the helper.
qint64 countedGlitches(const QSignalSpy& counts) {
    qint64 total = 0;
    for (const auto& arguments : counts) {
        total = std::max(total, arguments.at(0).toLongLong() + arguments.at(1).toLongLong());
    }
    return total;
}

// The helper's kind of glitch is reported and allowed; any other fails the test.
void verifyLoopback(const std::vector<float>& reference, const std::vector<float>& heard,
                    Kind helperKind, double worstAllowedDb, const char* what, int channel) {
    const auto t = tapedeck::testing::LoopbackTrace::follow(reference, heard);
    qInfo("%s, channel %d: %s", what, channel, t.describe(kServerRate).c_str());
    const std::string faults = t.faultsBeyond(helperKind, worstAllowedDb);
    QVERIFY2(faults.empty(), (faults + t.describe(kServerRate)).c_str());
}

} // namespace

// The window end to end against the private sound server (tests/audio): what another client
// plays is in the take after Record and Stop are clicked, what Tapedeck plays reaches the
// sink, a paused file resumes where it was after Refresh Devices, and a nearly full disk
// warns while recording.
class TestWindowLoopback : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    // Clicks the toolbar button of a transport action, as a person would.
    void click(TransportAction which) {
        QAction* action = window_->transport()->action(which);
        QVERIFY2(action->isEnabled(), qPrintable(action->text()));
        QToolBar* bar = window_->findChild<QToolBar*>(QStringLiteral("TransportToolBar"));
        QVERIFY(bar);
        QWidget* button = bar->widgetForAction(action);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    QString writeChirp(const QString& name, double seconds) {
        const auto chirp = SignalGenerator::chirp(
            100, 8000, 0.5, static_cast<int64_t>(seconds * kServerRate), 2, kServerRate);
        const QString path = temp_.filePath(name);
        if (!writeSoundFile(path.toStdString(), chirp, 2, kServerRate,
                            SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                 .ok())
            return {};
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        DeviceChoice choice;
        choice.sampleRate = kServerRate; // the server's rate: a bit-exact loopback
        choice.channels = 2;
        settings_->setDeviceChoice(choice);
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_->startAudio();
        QVERIFY2(session_->hasAudio(), "PortAudio did not start");
    }

    void recordCapturesWhatAnotherClientPlays() {
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        QSignalSpy counts(session_.get(), &Session::countsChanged);
        click(TransportAction::Record);
        QCOMPARE(session_->state(), TransportState::Recording);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto chirp = SignalGenerator::chirp(200, 6000, 0.5, kServerRate, 2, kServerRate);
        PulseClient player;
        QVERIFY2(player.startPlayback(chirp, 2, kServerRate), qPrintable(player.errorString()));
        while (player.isPlaying() || elapsed.elapsed() < kTakeMs)
            QTest::qWait(20);
        // The helper's last samples are still on their way through the server.
        QTest::qWait(2 * kTailFrames * 1000 / kServerRate);
        click(TransportAction::Stop);
        QCOMPARE(saved.count(), 1);

        const QString path = saved.first().first().toString();
        QVERIFY(QFileInfo(path).isFile());
        QCOMPARE(session_->currentPath(), path);
        const auto take = readSoundFile(path.toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->sampleRate, kServerRate);
        QVERIFY(take->frames() >= kServerRate * kTakeMs / 1000 - kServerRate / 10);
        QCOMPARE(countedGlitches(counts), 0);
        for (int channel = 0; channel < 2; ++channel) {
            verifyLoopback(SignalComparison::channel(chirp, 2, channel),
                           SignalComparison::channel(take->samples, 2, channel), Kind::Inserted,
                           kTwentyFourBitDb, "record", channel);
        }
    }

    void playMovesThePlayheadAndReachesTheSink() {
        const QString file = writeChirp(QStringLiteral("chirp.wav"), 1.5);
        QVERIFY(!file.isEmpty());
        QVERIFY(session_->openFile(file));
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformView()->summary() != nullptr, kStateTimeoutMs);
        QCOMPARE(window_->waveformView()->playhead(), qint64(0));

        PulseClient monitor;
        QVERIFY2(monitor.startRecording(2, kServerRate), qPrintable(monitor.errorString()));
        QSignalSpy counts(session_.get(), &Session::countsChanged);
        click(TransportAction::Play);
        QCOMPARE(session_->state(), TransportState::Playing);
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformView()->playhead() > kServerRate / 4,
                                 kStateTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        QVERIFY2(monitor.waitForFurtherFrames(kTailFrames), qPrintable(monitor.errorString()));
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());

        const auto chirp = readSoundFile(file.toStdString());
        QVERIFY(chirp.ok());
        QCOMPARE(countedGlitches(counts), 0);
        for (int channel = 0; channel < 2; ++channel) {
            // The monitor's recorder may fall behind (lost); tapedeck may not (inserted).
            verifyLoopback(SignalComparison::channel(chirp->samples, 2, channel),
                           SignalComparison::channel(recorded->samples, 2, channel), Kind::Lost,
                           SignalComparison::kResidualFloorDb, "play → monitor", channel);
        }
    }

    void aPausedFileResumesWhereItWasAfterRefreshDevices() {
        const QString file = writeChirp(QStringLiteral("long.wav"), 4.0);
        QVERIFY(session_->openFile(file));
        click(TransportAction::Play);
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformView()->playhead() > kServerRate,
                                 kStateTimeoutMs);
        click(TransportAction::Pause);
        QCOMPARE(session_->state(), TransportState::Paused);
        QTest::qWait(100);
        const qint64 pausedAt = window_->waveformView()->playhead();
        QVERIFY(pausedAt > kServerRate);

        session_->refreshDevices();
        QVERIFY(session_->hasAudio());
        QCOMPARE(session_->state(), TransportState::Paused);

        qint64 firstAfter = -1;
        auto once = connect(session_.get(), &Session::positionChanged, this,
                            [&firstAfter](qint64 frame, qint64 length) {
                                if (firstAfter < 0 && length > 0)
                                    firstAfter = frame;
                            });
        click(TransportAction::Play);
        QCOMPARE(session_->state(), TransportState::Playing);
        QTRY_VERIFY_WITH_TIMEOUT(firstAfter >= 0, kStateTimeoutMs);
        disconnect(once);
        qInfo("paused at %lld, resumed at %lld", static_cast<long long>(pausedAt),
              static_cast<long long>(firstAfter));
        QVERIFY(firstAfter >= pausedAt - kServerRate / 10);
        click(TransportAction::Stop);
        QCOMPARE(session_->state(), TransportState::Stopped);
    }

    // Hot-plug: no Refresh needed, within a second of the server listing the new microphone.
    void aMicPluggedInShowsUpInThePickerAndGoesWhenUnplugged() {
        QComboBox* inputs = window_->devicePicker()->inputBox();
        const QString id = QStringLiteral("usb_mic");
        tapedeck::testing::NamedSource mic(id, QStringLiteral("USB Mic"), 1);
        QVERIFY(inputs->findData(id) < 0);
        QElapsedTimer elapsed;
        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        elapsed.start();
        QTRY_VERIFY_WITH_TIMEOUT(inputs->findData(id) >= 0, kHotplugMs);
        qInfo("plugged in: in the picker %lld ms after the server listed it",
              static_cast<long long>(elapsed.elapsed()));
        QCOMPARE(inputs->itemText(inputs->findData(id)), QStringLiteral("USB Mic"));
        QVERIFY2(mic.unplug(), qPrintable(mic.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(inputs->findData(id) < 0, kHotplugMs);
        QVERIFY(inputs->currentIndex() >= 0); // something is still selected
    }

    void unpluggingTheMicEndsTheTakeSavedAndNamesIt() {
        QComboBox* inputs = window_->devicePicker()->inputBox();
        const QString id = QStringLiteral("lapel_mic");
        tapedeck::testing::NamedSource mic(id, QStringLiteral("Lapel Mic"), 1);
        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(inputs->findData(id) >= 0, kHotplugMs);
        inputs->setCurrentIndex(inputs->findData(id));
        QCOMPARE(session_->deviceChoice().inputDevice, id);
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        click(TransportAction::Record);
        QCOMPARE(session_->state(), TransportState::Recording);
        QTest::qWait(kTakeMs / 2);
        QVERIFY2(mic.unplug(), qPrintable(mic.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(session_->state() != TransportState::Recording, kStateTimeoutMs);
        ErrorBanner* banner = window_->errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(window_.get()), kHotplugMs);
        QVERIFY2(banner->message().startsWith(QStringLiteral("Lapel Mic was unplugged")),
                 qPrintable(banner->message()));
        QCOMPARE(saved.count(), 1);
        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->channels, 1); // the mic's own channel count
        QVERIFY(take->frames() > kServerRate / 4);
        // The picker goes back to a device that is there, in that device's own format.
        QTRY_VERIFY_WITH_TIMEOUT(inputs->findData(id) < 0, kHotplugMs);
        QCOMPARE(session_->deviceChoice().inputDevice, QStringLiteral("testsink.monitor"));
        QCOMPARE(session_->deviceChoice().channels, 2);
        banner->hide();
    }

    void aNearlyFullDiskWarnsOnceWhileRecording() {
        const double bytesPerSecond = kServerRate * 2 * 3.0; // WAV 24-bit stereo
        session_->setDiskSpaceMeasure([bytesPerSecond](const QString&) {
            return DiskSpace{static_cast<qint64>(bytesPerSecond * (5 * 60 + 20)),
                             QStringLiteral("Test Disk")};
        });
        QSignalSpy warnings(session_.get(), &Session::warningOccurred);
        session_->updateDiskTimeLeft();
        QCOMPARE(warnings.count(), 0); // not recording: the status shows it, no banner

        click(TransportAction::Record);
        QCOMPARE(session_->state(), TransportState::Recording);
        session_->updateDiskTimeLeft();
        session_->updateDiskTimeLeft();
        QCOMPARE(warnings.count(), 1);
        ErrorBanner* banner = window_->errorBanner();
        QVERIFY(banner->isVisibleTo(window_.get()));
        QVERIFY(banner->isWarning());
        QCOMPARE(banner->message(),
                 QStringLiteral("Only 5 minutes of recording space left on Test Disk."));

        // A dropout during the take is marked on the live waveform.
        emit session_->dropoutMarked(kServerRate / 2);
        QCOMPARE(window_->waveformView()->markers(), std::vector<std::int64_t>{kServerRate / 2});

        click(TransportAction::Stop);
        QCOMPARE(session_->state(), TransportState::Stopped);
        session_->setDiskSpaceMeasure({});
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
    }
};

QTEST_MAIN(TestWindowLoopback)
#include "TestWindowLoopback.moc"
