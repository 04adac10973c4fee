#include "CliProcess.h"

#include "core/devices/AudioSystem.h"
#include "core/playback/Player.h"

#include "support/LoopbackTrace.h"
#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <chrono>
#include <sndfile.h>
#include <thread>
#include <vector>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kServerRate = 48000;
constexpr double kToneHz = 440;
constexpr double kToneSeconds = 3.0;
// What tapedeck played last is still in the server's pipeline when it exits.
constexpr int kTailFrames = kServerRate / 2;
// A sample counts as part of the tone above this (the tone's amplitude is 0.5).
constexpr float kLoud = 0.1f;

struct ToneMeasure {
    double seconds = 0; // from the first loud sample to the last
    double hz = 0;      // by upward zero crossings, in windows over the middle half
};

// Channel 0 of an interleaved recording: where the tone is, how long and at what pitch.
ToneMeasure measureTone(const AudioBuffer& recording) {
    const std::int64_t frames = recording.frames();
    const int channels = recording.channels;
    const auto at = [&](std::int64_t i) {
        return recording.samples[static_cast<std::size_t>(i * channels)];
    };
    std::int64_t first = -1;
    std::int64_t last = -1;
    for (std::int64_t i = 0; i < frames; ++i) {
        if (std::abs(at(i)) > kLoud) {
            first = first < 0 ? i : first;
            last = i;
        }
    }
    ToneMeasure m;
    if (first < 0) {
        return m;
    }
    m.seconds = static_cast<double>(last - first) / recording.sampleRate;
    // The pitch is the median of short windows' pitches: a glitch (the product's, which its
    // underrun counter reports, or the monitor's recorder falling behind) spoils the windows
    // it falls in, while a wrong pitch moves every window.
    const std::int64_t from = first + (last - first) / 4;
    const std::int64_t to = last - (last - first) / 4;
    const std::int64_t window = recording.sampleRate / 10;
    std::vector<double> pitches;
    for (std::int64_t start = from; start + window <= to; start += window) {
        std::int64_t firstCrossing = -1;
        std::int64_t lastCrossing = -1;
        int cycles = 0;
        for (std::int64_t i = start + 1; i < start + window; ++i) {
            if (at(i - 1) < 0 && at(i) >= 0) {
                if (firstCrossing < 0) {
                    firstCrossing = i;
                } else {
                    ++cycles;
                }
                lastCrossing = i;
            }
        }
        if (cycles > 0) {
            pitches.push_back(cycles * static_cast<double>(recording.sampleRate) /
                              static_cast<double>(lastCrossing - firstCrossing));
        }
    }
    if (!pitches.empty()) {
        const auto middle = pitches.begin() + static_cast<std::ptrdiff_t>(pitches.size() / 2);
        std::nth_element(pitches.begin(), middle, pitches.end());
        m.hz = *middle;
    }
    return m;
}

} // namespace

// Playback speed against the project's private sound server, measured from the sink's
// monitor: the tone lasts 1/speed as long and keeps its pitch; the playhead stays in file
// time when the speed changes while playing.
class PlaybackSpeedSoundTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString tone_;

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        tone_ = dir_.filePath("tone.wav");
        const auto sine = SignalGenerator::sine(
            kToneHz, 0.5, static_cast<std::int64_t>(kToneSeconds * kServerRate), 2, kServerRate);
        QVERIFY(writeSoundFile(tone_.toStdString(), sine, 2, kServerRate,
                               SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                    .ok());
    }

    void cliSpeedScalesLengthAtTheSamePitch_data() {
        QTest::addColumn<QString>("speed");
        QTest::addColumn<double>("factor");
        QTest::newRow("1.5") << "1.5" << 1.5;
        QTest::newRow("0.5") << "0.5" << 0.5;
    }
    void cliSpeedScalesLengthAtTheSamePitch() {
        QFETCH(QString, speed);
        QFETCH(double, factor);
        PulseClient monitor;
        QVERIFY2(monitor.startRecording(2, kServerRate), qPrintable(monitor.errorString()));
        const CliRun run = runTapedeck({"--play", tone_, "--speed", speed});
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        QVERIFY2(monitor.waitForFurtherFrames(kTailFrames), qPrintable(monitor.errorString()));
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());
        const ToneMeasure m = measureTone(*recorded);
        const double expected = kToneSeconds / factor;
        qInfo("--speed %s: %.3f s (expected %.3f s), %.2f Hz", qPrintable(speed), m.seconds,
              expected, m.hz);
        // Bounds: the stretcher's first and last window may fade by a few milliseconds, and
        // the monitor's own recorder may lose a few; a wrong speed is off by a third or more.
        QVERIFY2(std::abs(m.seconds - expected) < 0.01 * expected + 0.03,
                 qPrintable(QString("%1 s").arg(m.seconds)));
        QVERIFY2(std::abs(m.hz - kToneHz) < 0.01 * kToneHz, qPrintable(QString("%1 Hz").arg(m.hz)));
    }

    // A span (a selection) played at 2x: it ends at its end frame, heard for half its length,
    // and the playhead stops there, in file time.
    void aSpanAtTwiceTheSpeedEndsAtItsEnd() {
        auto system = AudioSystem::start();
        QVERIFY(system.ok());
        PlaySettings settings;
        settings.path = tone_.toStdString();
        settings.speed = 2.0;
        auto opened = Player::open(**system, settings);
        QVERIFY(opened.ok());
        Player& player = **opened;
        QCOMPARE(player.speed(), 2.0);
        constexpr std::int64_t kFrom = kServerRate / 2;
        constexpr std::int64_t kTo = 2 * kServerRate; // 1.5 s of file: 0.75 s heard
        player.setEndFrame(kTo);
        player.seek(kFrom);
        PulseClient monitor;
        QVERIFY2(monitor.startRecording(2, kServerRate), qPrintable(monitor.errorString()));
        QVERIFY(player.play().ok());
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        EngineEvent event;
        while (!player.isFinished() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            QVERIFY(!player.poll().has_value());
            while (player.nextEvent(event)) {
            }
        }
        QVERIFY(player.isFinished());
        QCOMPARE(player.position(), kTo);
        QVERIFY(player.stop().ok());
        QVERIFY2(monitor.waitForFurtherFrames(kTailFrames), qPrintable(monitor.errorString()));
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());
        const ToneMeasure m = measureTone(*recorded);
        const double expected = static_cast<double>(kTo - kFrom) / kServerRate / 2.0;
        qInfo("a 1.5 s span at 2x: %.3f s (expected %.3f s), %.2f Hz", m.seconds, expected, m.hz);
        QVERIFY2(std::abs(m.seconds - expected) < 0.01 * expected + 0.03,
                 qPrintable(QString("%1 s").arg(m.seconds)));
        QVERIFY2(std::abs(m.hz - kToneHz) < 0.01 * kToneHz, qPrintable(QString("%1 Hz").arg(m.hz)));
    }

    // Speed 1 bypasses the stretcher: the file's samples reach the sink unchanged.
    void speedOneIsBitExact() {
        const auto chirp = SignalGenerator::chirp(100, 8000, 0.5, 2 * kServerRate, 2, kServerRate);
        const QString file = dir_.filePath("chirp.wav");
        QVERIFY(writeSoundFile(file.toStdString(), chirp, 2, kServerRate,
                               SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                    .ok());
        PulseClient monitor;
        QVERIFY2(monitor.startRecording(2, kServerRate), qPrintable(monitor.errorString()));
        const CliRun run = runTapedeck({"--play", file, "--speed", "1.0"});
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        QVERIFY2(monitor.waitForFurtherFrames(kTailFrames), qPrintable(monitor.errorString()));
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());
        QCOMPARE(reportedDropoutsAndXruns(run), 0);
        for (int channel = 0; channel < 2; ++channel) {
            const auto reference = SignalComparison::channel(chirp, 2, channel);
            const auto heard = SignalComparison::channel(recorded->samples, 2, channel);
            const LoopbackTrace t = LoopbackTrace::follow(reference, heard);
            // The monitor's own recorder may lose samples; nothing else may differ.
            const std::string faults =
                t.faultsBeyond(LoopbackGlitch::Kind::Lost, SignalComparison::kResidualFloorDb);
            QVERIFY2(faults.empty(), (faults + t.describe(kServerRate)).c_str());
        }
    }

    // In process: the speed changes while playing; position() stays in file time and moves
    // at the new speed.
    void speedChangeWhilePlayingKeepsFileTime() {
        auto system = AudioSystem::start();
        QVERIFY(system.ok());
        PlaySettings settings;
        settings.path = tone_.toStdString();
        auto opened = Player::open(**system, settings);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        Player& player = **opened;
        QVERIFY(player.play().ok());
        const auto waitForPosition = [&player](std::int64_t frame) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            EngineEvent event;
            while (player.position() < frame && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                if (player.poll()) {
                    return false;
                }
                while (player.nextEvent(event)) {
                }
            }
            return player.position() >= frame;
        };
        QVERIFY(waitForPosition(kServerRate / 2));
        const std::int64_t before = player.position();
        player.setSpeed(2.0);
        QCOMPARE(player.speed(), 2.0);
        // The change re-buffers from the frame heard: the playhead neither jumps nor goes back.
        const std::int64_t after = player.position();
        QVERIFY2(after >= before && after - before < kServerRate / 10,
                 qPrintable(QString("%1 → %2").arg(before).arg(after)));
        // One second of file at speed 2 is heard in about half a second of wall-clock time.
        const auto started = std::chrono::steady_clock::now();
        const std::int64_t from = player.position();
        QVERIFY(waitForPosition(from + kServerRate));
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        qInfo("one file second at speed 2 took %.3f s", wall);
        QVERIFY2(wall > 0.4 && wall < 0.7, qPrintable(QString("%1 s").arg(wall)));
        // Back to 1: exact bypass again; play to the end, which is the file's end.
        player.setSpeed(0.9 + 0.1);
        QCOMPARE(player.speed(), 1.0);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!player.isFinished() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            QVERIFY(!player.poll().has_value());
        }
        QVERIFY(player.isFinished());
        QCOMPARE(player.position(), player.frames());
        QVERIFY(player.stop().ok());
        QCOMPARE(player.stats().dropouts, std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(PlaybackSpeedSoundTest)
#include "PlaybackSpeedSoundTest.moc"
