#include "ErrorBanner.h"
#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"
#include "TransportActions.h"
#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "waveform/WaveformView.h"

#include <QAction>
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
// What Tapedeck played last is still in the server's pipeline when playback ends: the
// monitor keeps recording this long after.
constexpr int kMonitorTailMs = 500;
constexpr double kMinCorrelation = 0.99;

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
        click(TransportAction::Record);
        QCOMPARE(session_->state(), TransportState::Recording);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto chirp = SignalGenerator::chirp(200, 6000, 0.5, kServerRate, 2, kServerRate);
        PulseClient player;
        QVERIFY2(player.startPlayback(chirp, 2, kServerRate), qPrintable(player.errorString()));
        while (player.isPlaying() || elapsed.elapsed() < kTakeMs)
            QTest::qWait(20);
        click(TransportAction::Stop);
        QCOMPARE(saved.count(), 1);

        const QString path = saved.first().first().toString();
        QVERIFY(QFileInfo(path).isFile());
        QCOMPARE(session_->currentPath(), path);
        const auto take = readSoundFile(path.toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->sampleRate, kServerRate);
        QVERIFY(take->frames() >= kServerRate * kTakeMs / 1000 - kServerRate / 10);
        for (int channel = 0; channel < 2; ++channel) {
            const auto reference = SignalComparison::channel(chirp, 2, channel);
            const auto heard = SignalComparison::channel(take->samples, 2, channel);
            const Comparison c =
                SignalComparison::compare(reference, heard, static_cast<int64_t>(heard.size()));
            qInfo("record, channel %d: lag %lld frames, correlation %.5f, residual %.1f dB",
                  channel, static_cast<long long>(c.lagFrames), c.correlation, c.residualDb);
            QVERIFY(c.correlation > kMinCorrelation);
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
        click(TransportAction::Play);
        QCOMPARE(session_->state(), TransportState::Playing);
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformView()->playhead() > kServerRate / 4,
                                 kStateTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        QTest::qWait(kMonitorTailMs);
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());

        const auto chirp = readSoundFile(file.toStdString());
        QVERIFY(chirp.ok());
        for (int channel = 0; channel < 2; ++channel) {
            const auto reference = SignalComparison::channel(chirp->samples, 2, channel);
            const auto heard = SignalComparison::channel(recorded->samples, 2, channel);
            const Comparison c =
                SignalComparison::compare(reference, heard, static_cast<int64_t>(heard.size()));
            qInfo("play → monitor, channel %d: lag %lld frames, correlation %.5f", channel,
                  static_cast<long long>(c.lagFrames), c.correlation);
            QVERIFY(c.correlation > kMinCorrelation);
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
