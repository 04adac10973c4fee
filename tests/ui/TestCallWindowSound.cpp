#include "support/NamedSource.h"
#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/devices/AlsoRecordPicker.h"
#include "ui/devices/DevicePicker.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/markers/MarkerList.h"
#include "ui/meters/InputMeters.h"
#include "ui/meters/LevelMeter.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/session/Session.h"
#include "ui/transport/RecorderControls.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;
constexpr int kTimeoutMs = 15000;
constexpr double kMicHz = 440;       // played into the microphone
constexpr double kComputerHz = 1000; // played by the computer (into the default sink)
const QString kMonitor = QStringLiteral("testsink.monitor");

// How much of a channel's energy is one frequency (0..1): the power the Goertzel filter finds
// at `hz`, against the channel's own power.
double toneShare(const std::vector<float>& channel, double hz) {
    if (channel.empty())
        return 0;
    const double w = 2 * std::numbers::pi * hz / kRate;
    double cosine = 0;
    double sine = 0;
    double power = 0;
    for (std::size_t n = 0; n < channel.size(); ++n) {
        cosine += channel[n] * std::cos(w * static_cast<double>(n));
        sine += channel[n] * std::sin(w * static_cast<double>(n));
        power += static_cast<double>(channel[n]) * channel[n];
    }
    if (power <= 0)
        return 0;
    // A sine of amplitude A over N samples: cos² + sin² sums to (A·N/2)², its power is A²·N/2.
    return (cosine * cosine + sine * sine) * 2 / static_cast<double>(channel.size()) / power;
}
} // namespace

// Recording a call from the window on the private sound server: a microphone and what the
// computer plays, chosen in the "Also record" picker, into one two-channel take with the
// microphone on the left; a meter per input; losing the microphone keeps the take going.
class TestCallWindowSound : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;
    NamedSource mic_{QStringLiteral("call_mic"), QStringLiteral("Call Mic"), 1};
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    QAction* action(TransportAction which) { return window_->transport()->action(which); }
    AlsoRecordPicker* also() { return window_->devicePicker()->alsoRecord(); }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(mic_.plug(), qPrintable(mic_.errorString()));
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("t.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        DeviceChoice choice;
        choice.hostApi = QString::fromLatin1(DeviceInfo::kSoundServer);
        choice.inputDevice = mic_.id();
        choice.channels = 1;
        choice.sampleRate = kRate;
        choice.format = FileFormat::WavFloat;
        settings_->setDeviceChoice(choice);
        settings_->setSecondInput({kMonitor, InputLayout::Split});
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_->startAudio();
        QVERIFY(session_->hasAudio());
    }

    // The remembered second input is selected, and the idle meters show both, by name.
    void theRememberedCallShowsTwoLabelledMeters() {
        QTRY_COMPARE_WITH_TIMEOUT(also()->choice().device, kMonitor, kTimeoutMs);
        QCOMPARE(session_->secondInput().device, kMonitor);
        InputMeters* meters = window_->inputMeters();
        QTRY_COMPARE(meters->inputCount(), 2);
        QCOMPARE(meters->inputName(0), QStringLiteral("Call Mic"));
        QVERIFY2(meters->inputName(1).contains(QStringLiteral("what the computer plays")),
                 qPrintable(meters->inputName(1)));
        QVERIFY(meters->meter(1)->isVisible());
    }

    // A tone into the microphone and another from the computer at once: the take has two
    // channels, the microphone's tone on the left and the computer's on the right.
    void aCallTakeHasTheMicLeftAndTheComputerRight() {
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(!also()->deviceBox()->isEnabled());
        QVERIFY(
            window_->recordingScreen()->inputText().startsWith(QStringLiteral("Left: Call Mic")));
        QVERIFY(PulseClient::waitForRunningCaptureStreams(2, kTimeoutMs));
        PulseClient mic;
        mic.setSink(mic_.feedSink());
        PulseClient computer;
        const auto micTone = SignalGenerator::sine(kMicHz, 0.4, 2 * kRate, 1, kRate);
        const auto computerTone = SignalGenerator::sine(kComputerHz, 0.4, 2 * kRate, 2, kRate);
        QVERIFY2(mic.startPlayback(micTone, 1, kRate), qPrintable(mic.errorString()));
        QVERIFY2(computer.startPlayback(computerTone, 2, kRate),
                 qPrintable(computer.errorString()));
        // Both meters move, each with its own input.
        for (int input : {0, 1}) {
            QTRY_VERIFY_WITH_TIMEOUT(
                window_->inputMeters()->meter(input)->ballistics().channel(0).holdDb > -20,
                kTimeoutMs);
        }
        QVERIFY(mic.waitForPlaybackFinished());
        QVERIFY(computer.waitForPlaybackFinished());
        QTest::qWait(300); // the tones' ends reach the take
        action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);
        QVERIFY(also()->deviceBox()->isEnabled());

        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->channels, 2);
        const auto left = SignalComparison::channel(take->samples, 2, 0);
        const auto right = SignalComparison::channel(take->samples, 2, 1);
        const double leftMic = toneShare(left, kMicHz);
        const double rightComputer = toneShare(right, kComputerHz);
        qInfo("left: %.2f of its energy at %.0f Hz; right: %.2f at %.0f Hz", leftMic, kMicHz,
              rightComputer, kComputerHz);
        QVERIFY(leftMic > 0.5);
        QVERIFY(rightComputer > 0.5);
        QVERIFY(toneShare(left, kComputerHz) < 0.1);
        QVERIFY(toneShare(right, kMicHz) < 0.1);
    }

    // Monitor Input with a call chosen: both inputs stream before any take, a labelled meter
    // each, and each input's sound moves its own meter.
    void monitoringACallOpensBothInputs() {
        session_->setMonitoring(true);
        QVERIFY(session_->isMonitoring());
        QVERIFY(PulseClient::waitForRunningCaptureStreams(2, kTimeoutMs));
        InputMeters* meters = window_->inputMeters();
        QCOMPARE(meters->inputCount(), 2);
        QCOMPARE(meters->inputName(0), QStringLiteral("Call Mic"));
        PulseClient mic;
        mic.setSink(mic_.feedSink());
        const auto tone = SignalGenerator::sine(kMicHz, 0.4, 2 * kRate, 1, kRate);
        QVERIFY2(mic.startPlayback(tone, 1, kRate), qPrintable(mic.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(meters->meter(0)->ballistics().channel(0).holdDb > -20,
                                 kTimeoutMs);
        QVERIFY(mic.waitForPlaybackFinished());
        // The saved take's waveform, read meanwhile, leaves the inputs' meters as they are.
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformDocument()->isComplete(), kTimeoutMs);
        QCOMPARE(meters->inputCount(), 2);
        PulseClient computer;
        const auto music = SignalGenerator::sine(kComputerHz, 0.4, 2 * kRate, 2, kRate);
        QVERIFY2(computer.startPlayback(music, 2, kRate), qPrintable(computer.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(meters->meter(1)->ballistics().channel(0).holdDb > -20,
                                 kTimeoutMs);
        QVERIFY(computer.waitForPlaybackFinished());
        session_->setMonitoring(false);
        QVERIFY(!session_->isMonitoring());
    }

    // The microphone is pulled out mid-take: the window says so in plain words, its meter is
    // marked lost, and the take goes on with the computer's sound until Stop.
    void losingTheMicKeepsTheTakeGoing() {
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(PulseClient::waitForRunningCaptureStreams(2, kTimeoutMs));
        QTest::qWait(2000);
        const std::int64_t beforeLoss = session_->engine().position();
        qInfo("before the loss: %lld frames", static_cast<long long>(beforeLoss));
        QVERIFY2(mic_.unplug(), qPrintable(mic_.errorString()));
        ErrorBanner* banner = window_->errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(window_.get()), kTimeoutMs);
        QCOMPARE(banner->message(),
                 QStringLiteral("Lost Call Mic: the take goes on with the computer's sound only."));
        QCOMPARE(session_->state(), TransportState::Recording);
        QCOMPARE(saved.count(), 0);
        QCOMPARE(window_->inputMeters()->inputName(0), QStringLiteral("Call Mic (lost)"));
        const std::vector<Marker>& marked = window_->recorderControls()->markers()->markers();
        QVERIFY(std::any_of(marked.begin(), marked.end(),
                            [](const Marker& m) { return m.name == "Lost: Call Mic"; }));
        // A second more of the take after the loss, with the computer's sound alone.
        const std::int64_t atLoss = session_->engine().position();
        qInfo("at the loss: %lld frames", static_cast<long long>(atLoss));
        QTRY_VERIFY_WITH_TIMEOUT(session_->engine().position() >= atLoss + kRate, kTimeoutMs);
        QCOMPARE(session_->state(), TransportState::Recording);
        action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);
        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->channels, 2);
        QVERIFY2(take->frames() >= atLoss + kRate, qPrintable(QString::number(take->frames())));
        QVERIFY2(mic_.plug(), qPrintable(mic_.errorString()));
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
    }
};

QTEST_MAIN(TestCallWindowSound)
#include "TestCallWindowSound.moc"
