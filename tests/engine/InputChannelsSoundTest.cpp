#include "CliProcess.h"

#include "support/PulseClient.h"
#include "support/SoundFileIo.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

using namespace tapedeck::testing;

namespace {

constexpr int kServerRate = 48000;
constexpr int kSinkChannels = 4;
constexpr int kToneChannel = 2; // the sink's third channel (rear-left)
constexpr double kToneHz = 440.0;
constexpr double kToneAmplitude = 0.5;
constexpr double kTakeSeconds = 3.0;
constexpr double kToneSeconds = 8.0; // outlasts every take, however late pacat starts
constexpr int kTimeoutMs = 5000;
const QString kQuad = QStringLiteral("front-left,front-right,rear-left,rear-right");

// The amplitude of one frequency in a signal (a single DFT bin, any phase).
double amplitudeAt(const std::vector<float>& mono, double hz) {
    std::complex<double> sum;
    const double step = 2.0 * std::numbers::pi * hz / kServerRate;
    for (size_t i = 0; i < mono.size(); ++i) {
        sum += static_cast<double>(mono[i]) * std::polar(1.0, -step * static_cast<double>(i));
    }
    return mono.empty() ? 0.0 : 2.0 * std::abs(sum) / static_cast<double>(mono.size());
}

// One channel of the last `seconds` of a take.
std::vector<float> lastSeconds(const AudioBuffer& buffer, int channel, double seconds) {
    const auto frames = static_cast<int64_t>(seconds * kServerRate);
    std::vector<float> out;
    for (int64_t f = std::max<int64_t>(0, buffer.frames() - frames); f < buffer.frames(); ++f) {
        out.push_back(buffer.samples[static_cast<size_t>(f * buffer.channels + channel)]);
    }
    return out;
}

float peak(const AudioBuffer& buffer, int channel) {
    float p = 0;
    for (int64_t f = 0; f < buffer.frames(); ++f) {
        p = std::max(p,
                     std::fabs(buffer.samples[static_cast<size_t>(f * buffer.channels + channel)]));
    }
    return p;
}

QString pactl(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral("pactl"), arguments);
    process.waitForFinished(kTimeoutMs);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

bool sourceListed(const QString& name) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kTimeoutMs) {
        if (pactl({QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sources")})
                .contains(name)) {
            return true;
        }
        QThread::msleep(20);
    }
    return false;
}

} // namespace

// Takes from chosen inputs of a 4-channel device on the private sound server: a null sink
// "four" (front-left, front-right, rear-left, rear-right) whose monitor is the device, with a
// tone played into its third channel only.
class InputChannelsSoundTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString module_;

    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        module_ = pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                         QStringLiteral("sink_name=four"), QStringLiteral("channels=4"),
                         QStringLiteral("channel_map=") + kQuad, QStringLiteral("rate=48000")});
        QVERIFY2(!module_.isEmpty(), "pactl load-module module-null-sink failed");
        QVERIFY(sourceListed(QStringLiteral("four.monitor")));
    }

    void cleanupTestCase() {
        if (!module_.isEmpty()) {
            pactl({QStringLiteral("unload-module"), module_});
        }
    }

    // Three takes at once from the same device: input 3 alone, input 1 alone, inputs 3–4.
    void eachTakeHoldsOnlyItsChosenInputs() {
        const QString third = path("input3.wav");
        const QString first = path("input1.wav");
        const QString rear = path("inputs3-4.wav");
        const QString seconds = QString::number(kTakeSeconds);
        QProcess thirdRun;
        QProcess firstRun;
        QProcess rearRun;
        startTapedeck(thirdRun, {"--record", third, "--input-device", "four.monitor",
                                 "--input-channels", "3", "--duration", seconds});
        startTapedeck(firstRun, {"--record", first, "--input-device", "four.monitor",
                                 "--input-channels", "1", "--duration", seconds});
        startTapedeck(rearRun, {"--record", rear, "--input-device", "four.monitor",
                                "--input-channels", "3-4", "--duration", seconds});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(3, 10000));

        std::vector<float> tone(static_cast<size_t>(kToneSeconds * kServerRate) * kSinkChannels);
        const double step = 2.0 * std::numbers::pi * kToneHz / kServerRate;
        for (size_t f = 0; f < tone.size() / kSinkChannels; ++f) {
            tone[f * kSinkChannels + kToneChannel] =
                static_cast<float>(kToneAmplitude * std::sin(step * static_cast<double>(f)));
        }
        PulseClient feed;
        feed.setSink(QStringLiteral("four"));
        feed.setChannelMap(kQuad); // the sink's own: nothing is remixed on the way in
        QVERIFY2(feed.startPlayback(tone, kSinkChannels, kServerRate),
                 qPrintable(feed.errorString()));

        const CliRun thirdDone = finishTapedeck(thirdRun, 15000);
        const CliRun firstDone = finishTapedeck(firstRun, 15000);
        const CliRun rearDone = finishTapedeck(rearRun, 15000);
        QVERIFY2(thirdDone.exitCode == 0, qPrintable(describe(thirdDone)));
        QVERIFY2(firstDone.exitCode == 0, qPrintable(describe(firstDone)));
        QVERIFY2(rearDone.exitCode == 0, qPrintable(describe(rearDone)));

        const auto fromThird = readSoundFile(third.toStdString());
        const auto fromFirst = readSoundFile(first.toStdString());
        const auto fromRear = readSoundFile(rear.toStdString());
        QVERIFY(fromThird.ok() && fromFirst.ok() && fromRear.ok());
        QCOMPARE(fromThird->channels, 1);
        QCOMPARE(fromFirst->channels, 1);
        QCOMPARE(fromRear->channels, 2);
        QCOMPARE(fromThird->frames(), qint64(kTakeSeconds * kServerRate));
        // The tone began within a second of the takes: their last two seconds are all tone.
        const double thirdTone = amplitudeAt(lastSeconds(*fromThird, 0, 2.0), kToneHz);
        const double rearTone = amplitudeAt(lastSeconds(*fromRear, 0, 2.0), kToneHz);
        qInfo("input 3: %.4f at %g Hz; inputs 3-4: %.4f; peaks: input 1 %.6f, input 4 %.6f",
              thirdTone, kToneHz, rearTone, double(peak(*fromFirst, 0)),
              double(peak(*fromRear, 1)));
        QVERIFY(std::fabs(thirdTone - kToneAmplitude) < 0.01);
        QVERIFY(std::fabs(rearTone - kToneAmplitude) < 0.01);
        // The other inputs hold silence: nothing of the tone leaks or is mixed in.
        QCOMPARE(peak(*fromFirst, 0), 0.0f);
        QCOMPARE(peak(*fromRear, 1), 0.0f);
    }

    void inputsTheDeviceDoesNotHaveAreRefused() {
        const QString take = path("input5.wav");
        const CliRun run = runTapedeck({"--record", take, "--input-device", "four.monitor",
                                        "--input-channels", "5", "--duration", "1"});
        QVERIFY2(run.exitCode != 0 && !run.crashed, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("has 4 inputs") && run.err.contains("input 5"),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(take));
    }
};

QTEST_GUILESS_MAIN(InputChannelsSoundTest)
#include "InputChannelsSoundTest.moc"
