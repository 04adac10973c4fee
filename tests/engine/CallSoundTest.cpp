#include "CliProcess.h"

#include "core/devices/AudioSystem.h"
#include "core/markers/TakeMarkers.h"
#include "core/recording/Recorder.h"
#include "support/MonitorCopy.h"
#include "support/NamedSource.h"
#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SoundFileIo.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numbers>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;

std::vector<float> sine(double hz, double amplitude, double seconds, int channels) {
    const auto frames = static_cast<std::size_t>(seconds * kRate);
    std::vector<float> out(frames * static_cast<std::size_t>(channels));
    for (std::size_t f = 0; f < frames; ++f) {
        const auto v = static_cast<float>(
            amplitude * std::sin(2 * std::numbers::pi * hz * static_cast<double>(f) / kRate));
        for (int c = 0; c < channels; ++c) {
            out[f * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] = v;
        }
    }
    return out;
}

// The absolute correlation of a channel with a sine of `hz` at its best phase, in [0, 1].
double sineCorrelation(const std::vector<float>& mono, double hz) {
    double c = 0;
    double s = 0;
    double energy = 0;
    for (std::size_t i = 0; i < mono.size(); ++i) {
        const double w = 2 * std::numbers::pi * hz * static_cast<double>(i) / kRate;
        c += mono[i] * std::cos(w);
        s += mono[i] * std::sin(w);
        energy += static_cast<double>(mono[i]) * mono[i];
    }
    if (energy <= 0) {
        return 0;
    }
    // A pure sine of that frequency gives 1: its projection holds all its energy.
    return std::sqrt((c * c + s * s) * 2.0 / static_cast<double>(mono.size()) / energy);
}

std::vector<float> middle(const AudioBuffer& take, int channel, double fromSeconds,
                          double toSeconds) {
    const auto all = SignalComparison::channel(take.samples, take.channels, channel);
    const auto from = std::min(all.size(), static_cast<std::size_t>(fromSeconds * kRate));
    const auto to = std::min(all.size(), static_cast<std::size_t>(toSeconds * kRate));
    return {all.begin() + static_cast<std::ptrdiff_t>(from),
            all.begin() + static_cast<std::ptrdiff_t>(to)};
}

} // namespace

// Two-input takes (a call) on the private sound server: a microphone of its own ("Call Mic",
// a pw-loopback source) and what the computer plays (testsink.monitor).
class CallSoundTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(PulseClient::insideTestServer()); }

    // A different tone into each input at once: each lands in its own channel.
    void eachInputHasItsOwnChannel() {
        NamedSource mic(QStringLiteral("callmic"), QStringLiteral("Call Mic"), 1);
        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        const QString take = path("tones.wav");
        QProcess run;
        startTapedeck(run, {"--record", take, "--input-device", "Call Mic", "--input-device",
                            "testsink.monitor", "--duration", "4"});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(2, 10000));
        PulseClient voice;
        voice.setSink(mic.feedSink());
        PulseClient computer; // the default sink: testsink
        const auto low = sine(440, 0.4, 8, 1);
        const auto high = sine(1000, 0.4, 8, 2);
        QVERIFY2(voice.startPlayback(low, 1, kRate), qPrintable(voice.errorString()));
        QVERIFY2(computer.startPlayback(high, 2, kRate), qPrintable(computer.errorString()));
        const CliRun result = finishTapedeck(run, 20000);
        QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
        QCOMPARE(reportedDropoutsAndXruns(result), 0);

        auto file = readSoundFile(take.toStdString());
        QVERIFY(file.ok());
        QCOMPARE(file->channels, 2);
        const auto left = middle(*file, 0, 2.5, 3.8);
        const auto right = middle(*file, 1, 2.5, 3.8);
        QVERIFY2(sineCorrelation(left, 440) > 0.95,
                 qPrintable(QString::number(sineCorrelation(left, 440))));
        QVERIFY2(sineCorrelation(right, 1000) > 0.95,
                 qPrintable(QString::number(sineCorrelation(right, 1000))));
        QVERIFY(sineCorrelation(left, 1000) < 0.1);
        QVERIFY(sineCorrelation(right, 440) < 0.1);

        // The file says where each channel came from.
        const CliRun info = runTapedeck({"--info", take});
        QVERIFY2(info.out.contains("Channel 1:   from Call Mic"), qPrintable(info.out));
        QVERIFY2(info.out.contains("Channel 2:   from "), qPrintable(info.out));
        const CliRun json = runTapedeck({"--info", take, "--json"});
        QVERIFY2(json.out.contains("\"source\": \"Call Mic\""), qPrintable(json.out));
    }

    // The same clicks reach both inputs at once (the second is a copy of the first made in the
    // server's graph): they land within 10 ms of each other in the file.
    void theSameSoundLandsTogether() {
        MonitorCopy copy(QStringLiteral("callcopy"));
        QVERIFY2(copy.loaded(), "pactl load-module module-remap-source failed");
        const QString take = path("clicks.wav");
        QProcess run;
        startTapedeck(run, {"--record", take, "--input-device", "testsink.monitor",
                            "--input-device", "callcopy", "--duration", "6"});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(2, 10000));
        PulseClient computer;
        std::vector<float> clickTrain(static_cast<std::size_t>(10 * kRate) * 2, 0.0f);
        for (std::size_t f = kRate / 4; f < clickTrain.size() / 2; f += kRate / 2) {
            clickTrain[2 * f] = clickTrain[2 * f + 1] = 0.9f;
        }
        QVERIFY2(computer.startPlayback(clickTrain, 2, kRate), qPrintable(computer.errorString()));
        const CliRun result = finishTapedeck(run, 20000);
        QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
        QCOMPARE(reportedDropoutsAndXruns(result), 0);
        auto file = readSoundFile(take.toStdString());
        QVERIFY(file.ok());
        const auto left = SignalComparison::clicks(file->samples, file->channels, 0, kRate / 5);
        const auto right = SignalComparison::clicks(file->samples, file->channels, 1, kRate / 5);
        QVERIFY2(left.size() >= 6, qPrintable(QString::number(left.size())));
        QCOMPARE(right.size(), left.size());
        for (std::size_t i = 0; i < left.size(); ++i) {
            QVERIFY2(
                std::abs(right[i] - left[i]) <= kRate / 100,
                qPrintable(
                    QStringLiteral("click %1: %2 frames apart").arg(i).arg(right[i] - left[i])));
        }
    }

    // A pause stops both inputs at their own block; after it, each is anchored anew, so the
    // clicks still land together.
    void aPauseKeepsTheInputsTogether() {
        MonitorCopy copy(QStringLiteral("pausecopy"));
        QVERIFY2(copy.loaded(), "pactl load-module module-remap-source failed");
        auto system = tapedeck::AudioSystem::start();
        QVERIFY(system.ok());
        tapedeck::RecordSettings settings;
        settings.path = path("paused.wav").toStdString();
        settings.deviceName = "testsink.monitor";
        settings.secondDeviceName = "pausecopy";
        settings.sampleRate = kRate;
        auto recorder = tapedeck::Recorder::start(**system, settings);
        QVERIFY2(recorder.ok(), recorder.ok() ? "" : recorder.error().message.c_str());
        tapedeck::Recorder& take = **recorder;
        PulseClient computer;
        std::vector<float> clickTrain(static_cast<std::size_t>(12 * kRate) * 2, 0.0f);
        for (std::size_t f = kRate / 4; f < clickTrain.size() / 2; f += kRate / 2) {
            clickTrain[2 * f] = clickTrain[2 * f + 1] = 0.9f;
        }
        QVERIFY2(computer.startPlayback(clickTrain, 2, kRate), qPrintable(computer.errorString()));
        const auto runFor = [&take](int ms) {
            tapedeck::EngineEvent event;
            for (int waited = 0; waited < ms; waited += 50) {
                QTest::qWait(50);
                QVERIFY(!take.poll().has_value());
                while (take.nextEvent(event)) {
                }
            }
        };
        runFor(3000);
        take.pause();
        runFor(1200);
        take.resume();
        runFor(3500);
        QVERIFY(take.stop().ok());
        QCOMPARE(take.stats().dropouts + take.stats().xruns, 0);
        auto file = readSoundFile(settings.path);
        QVERIFY(file.ok());
        const auto left = SignalComparison::clicks(file->samples, file->channels, 0, kRate / 5);
        const auto right = SignalComparison::clicks(file->samples, file->channels, 1, kRate / 5);
        // A click right at the pause may fall before it in one input and after it in the
        // other (each stream pauses at its own block): every other click pairs up.
        QVERIFY2(left.size() >= 9, qPrintable(QString::number(left.size())));
        QVERIFY(std::abs(static_cast<long>(right.size()) - static_cast<long>(left.size())) <= 1);
        std::size_t paired = 0;
        for (const std::int64_t l : left) {
            paired += std::any_of(right.begin(), right.end(),
                                  [l](std::int64_t r) { return std::abs(r - l) <= kRate / 100; });
        }
        QVERIFY2(
            paired + 1 >= left.size(),
            qPrintable(QStringLiteral("%1 of %2 clicks together").arg(paired).arg(left.size())));
    }

    // Unplugging one input mid-take: the take goes on with the other to its full length, the
    // lost channel is silent, a marker names the lost input, and the command exits 0.
    void losingOneInputKeepsTheTake() {
        NamedSource mic(QStringLiteral("callgone"), QStringLiteral("Gone Mic"), 1);
        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        const QString take = path("lost.wav");
        QProcess run;
        startTapedeck(run, {"--record", take, "--input-device", "testsink.monitor",
                            "--input-device", "Gone Mic", "--duration", "6"});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(2, 10000));
        PulseClient voice;
        voice.setSink(mic.feedSink());
        QVERIFY(voice.startPlayback(sine(440, 0.4, 10, 1), 1, kRate));
        QTest::qWait(2500);
        QVERIFY2(mic.unplug(), qPrintable(mic.errorString()));
        const CliRun result = finishTapedeck(run, 20000);
        QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
        QVERIFY2(result.err.contains("Gone Mic stopped sending audio"), qPrintable(result.err));
        auto file = readSoundFile(take.toStdString());
        QVERIFY(file.ok());
        QCOMPARE(file->frames(), static_cast<std::int64_t>(6 * kRate));
        const auto markers = tapedeck::take_markers::load(take.toStdString());
        const auto lost = std::find_if(markers.begin(), markers.end(),
                                       [](const auto& m) { return m.name == "Lost: Gone Mic"; });
        QVERIFY2(lost != markers.end(), "no Lost marker");
        QVERIFY(lost->frame > 1 * kRate && lost->frame < 5 * kRate);
        // The mic's tone before the loss, silence in its channel after.
        QVERIFY(sineCorrelation(middle(*file, 1, 0.5, lost->frame / double(kRate) - 0.5), 440) >
                0.9);
        const auto after = middle(*file, 1, lost->frame / double(kRate) + 0.5, 6.0);
        QVERIFY(!after.empty());
        QVERIFY(*std::max_element(after.begin(), after.end()) == 0.0f);
    }
};

QTEST_GUILESS_MAIN(CallSoundTest)
#include "CallSoundTest.moc"
