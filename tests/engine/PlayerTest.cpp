#include "core/playback/Player.h"
#include "core/devices/AudioSystem.h"

#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <sndfile.h>
#include <thread>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kServerRate = 48000;

// Polls the player every 10 ms for `milliseconds` of wall time (a loaded machine wakes the
// loop late: the deadline, not a count of naps, ends it).
void pollFor(Player& player, int milliseconds) {
    EngineEvent event;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
    while (std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        QVERIFY(!player.poll().has_value());
        while (player.nextEvent(event)) {
        }
    }
}
} // namespace

// The player in-process against the test server: resampling, transport and position.
class PlayerTest : public QObject {
    Q_OBJECT

    std::unique_ptr<AudioSystem> system_;
    QTemporaryDir dir_;
    QString tone_;

private slots:
    void initTestCase() {
        auto system = AudioSystem::start();
        QVERIFY(system.ok());
        system_ = std::move(*system);
        tone_ = dir_.filePath("tone.wav");
        const auto sine = SignalGenerator::sine(440, 0.5, 3 * kServerRate, 2, kServerRate);
        QVERIFY(writeSoundFile(tone_.toStdString(), sine, 2, kServerRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
    }

    // Forces the device to 48 kHz for a 44.1 kHz file, so Tapedeck's own resampler (libsoxr)
    // does the conversion, and checks what reaches the sink.
    void ownResamplingSoundsRight() {
        constexpr int kFileRate = 44100;
        const auto chirp = SignalGenerator::chirp(100, 4000, 0.5, 2 * kFileRate, 1, kFileRate);
        const QString file = dir_.filePath("chirp44.wav");
        QVERIFY(
            writeSoundFile(file.toStdString(), chirp, 1, kFileRate, SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                .ok());
        PlaySettings settings;
        settings.path = file.toStdString();
        settings.deviceSampleRate = kServerRate;
        auto player = Player::open(*system_, settings);
        QVERIFY2(player.ok(), player.ok() ? "" : player.error().message.c_str());
        Player& p = **player;
        QCOMPARE(p.deviceSampleRate(), kServerRate);
        QCOMPARE(p.fileSampleRate(), kFileRate);
        QCOMPARE(p.deviceChannels(), 2);
        PulseClient monitor;
        QVERIFY2(monitor.startRecording(2, kServerRate), qPrintable(monitor.errorString()));
        p.play();
        for (int i = 0; i < 400 && !p.isFinished(); ++i) {
            pollFor(p, 10);
        }
        QVERIFY(p.isFinished());
        QCOMPARE(p.position(), p.frames());
        p.stop();
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());
        const auto reference =
            SignalGenerator::chirp(100, 4000, 0.5, 2 * kServerRate, 1, kServerRate);
        const auto heard = SignalComparison::channel(recorded->samples, 2, 1);
        const Comparison c =
            SignalComparison::compare(reference, heard, static_cast<std::int64_t>(heard.size()));
        qInfo("libsoxr 44.1 → 48 kHz: correlation %.5f, residual %.1f dB", c.correlation,
              c.residualDb);
        QVERIFY(c.correlation > 0.995);
        QVERIFY(std::abs(c.gain - 1.0) < 0.02);
    }

    // The callback runs every 50 ms; the playhead must still glide: between two looks, it moves
    // by about the time that passed (never a whole block at once), and never visibly back.
    void positionMovesSmoothlyBetweenCallbacks() {
        PlaySettings settings;
        settings.path = tone_.toStdString();
        auto player = Player::open(*system_, settings);
        QVERIFY(player.ok());
        Player& p = **player;
        QVERIFY(p.play().ok());
        pollFor(p, 300);
        constexpr double kSlackSeconds = 0.025; // scheduling, and the delay estimate's drift
        auto before = std::chrono::steady_clock::now();
        std::int64_t last = p.position();
        std::int64_t largestStep = 0;
        for (int i = 0; i < 100; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            const auto now = std::chrono::steady_clock::now();
            const std::int64_t position = p.position();
            const double elapsed = std::chrono::duration<double>(now - before).count();
            const std::int64_t step = position - last;
            QVERIFY2(
                step <= static_cast<std::int64_t>((elapsed + kSlackSeconds) * kServerRate),
                qPrintable(
                    QStringLiteral("jumped %1 frames in %2 ms").arg(step).arg(elapsed * 1000.0)));
            QVERIFY2(step >= -static_cast<std::int64_t>(kSlackSeconds * kServerRate),
                     qPrintable(QStringLiteral("went back %1 frames").arg(-step)));
            largestStep = std::max(largestStep, step);
            last = position;
            before = now;
            QVERIFY(!p.poll().has_value());
        }
        qInfo("largest playhead step between looks 10 ms apart: %.1f ms",
              largestStep * 1000.0 / kServerRate);
        QVERIFY(last > kServerRate / 2); // it did move
        QVERIFY(p.stop().ok());
    }

    void positionAdvancesInRealTimeAndStopsWhenPaused() {
        PlaySettings settings;
        settings.path = tone_.toStdString();
        auto player = Player::open(*system_, settings);
        QVERIFY(player.ok());
        Player& p = **player;
        QCOMPARE(p.position(), 0);
        QVERIFY(!p.isPlaying());
        const auto started = std::chrono::steady_clock::now();
        p.play();
        QVERIFY(p.isPlaying());
        pollFor(p, 1000);
        const std::int64_t afterOneSecond = p.position();
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        // The time that passed (a second, or more on a loaded machine) minus the output
        // latency, give or take scheduling: not faster than real time, and moving.
        QVERIFY2(afterOneSecond > kServerRate * 0.6 &&
                     afterOneSecond < kServerRate * (elapsed + 0.1),
                 qPrintable(QStringLiteral("%1 frames in %2 s").arg(afterOneSecond).arg(elapsed)));
        p.pause();
        pollFor(p, 200);
        const std::int64_t paused = p.position();
        pollFor(p, 300);
        QVERIFY(std::abs(p.position() - paused) < 2048);
        QVERIFY(p.stop().ok());
    }

    void seekJumpsThePosition() {
        PlaySettings settings;
        settings.path = tone_.toStdString();
        auto player = Player::open(*system_, settings);
        QVERIFY(player.ok());
        Player& p = **player;
        p.play();
        pollFor(p, 200);
        p.seek(2 * kServerRate);
        QVERIFY(p.position() >= 2 * kServerRate); // at once, even before the reader caught up
        pollFor(p, 300);
        QVERIFY(p.position() >= 2 * kServerRate);
        QVERIFY(p.position() < 2 * kServerRate + kServerRate / 2);
        // Past the end clamps to the end, and playback finishes.
        p.seek(100 * kServerRate);
        for (int i = 0; i < 200 && !p.isFinished(); ++i) {
            pollFor(p, 10);
        }
        QVERIFY(p.isFinished());
        // Play at the end starts again from the beginning.
        p.play();
        pollFor(p, 300);
        QVERIFY(p.position() < kServerRate);
        QVERIFY(p.stop().ok());
    }

    // Idle is free: a stream exists on the server only while the player plays.
    void aStreamIsOpenOnlyWhilePlaying() {
        PlaySettings settings;
        settings.path = tone_.toStdString();
        auto player = Player::open(*system_, settings);
        QVERIFY(player.ok());
        Player& p = **player;
        QVERIFY(!p.isStreaming());
        QCOMPARE(PulseClient::playbackStreams(), 0);
        QVERIFY(p.play().ok());
        QVERIFY(p.isStreaming());
        QCOMPARE(PulseClient::playbackStreams(), 1);
        pollFor(p, 600);
        p.pause();
        QVERIFY(!p.isStreaming());
        QCOMPARE(PulseClient::playbackStreams(), 0);
        // The position heard when paused stays, and playing goes on from there.
        const std::int64_t paused = p.position();
        QVERIFY2(paused > kServerRate / 4, qPrintable(QString::number(paused)));
        pollFor(p, 200);
        QCOMPARE(p.position(), paused);
        QVERIFY(p.play().ok());
        pollFor(p, 50);
        QVERIFY(p.position() >= paused);
        QVERIFY2(p.position() < paused + kServerRate / 4,
                 qPrintable(QString::number(p.position())));
        // At the end of the file the stream goes too.
        p.seek(3 * kServerRate - kServerRate / 10);
        for (int i = 0; i < 200 && p.isStreaming(); ++i) {
            pollFor(p, 10);
        }
        QVERIFY(p.isFinished());
        QVERIFY(!p.isStreaming());
        QCOMPARE(PulseClient::playbackStreams(), 0);
        QCOMPARE(p.stats().dropouts, 0);
        QVERIFY(p.stop().ok());
    }

    void aFinishedEventArrives() {
        PlaySettings settings;
        settings.path = tone_.toStdString();
        auto player = Player::open(*system_, settings);
        QVERIFY(player.ok());
        Player& p = **player;
        p.seek(3 * kServerRate - kServerRate / 4);
        QVERIFY(p.play().ok());
        bool finished = false;
        bool levels = false;
        EngineEvent event;
        for (int i = 0; i < 300 && !finished; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            while (p.nextEvent(event)) {
                finished = finished || event.type == EngineEventType::Finished;
                levels = levels || (event.type == EngineEventType::Levels && event.peak[0] > 0.4f);
            }
        }
        QVERIFY(finished);
        QVERIFY(levels);
        QCOMPARE(p.stats().dropouts, 0);
    }
};

QTEST_GUILESS_MAIN(PlayerTest)
#include "PlayerTest.moc"
