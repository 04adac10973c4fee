#include "CliProcess.h"
#include "core/devices/AudioSystem.h"
#include "core/io/BroadcastInfo.h"
#include "core/markers/TakeMarkers.h"
#include "core/recording/Recorder.h"
#include "core/recovery/RecordingJournal.h"

#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <ctime>
#include <thread>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;
constexpr double kStartDbfs = -20;

// The level the recorder compares samples with, computed as it does.
float startLevel() {
    return static_cast<float>(std::pow(10.0, kStartDbfs / 20));
}

// The first frame with a sample at or above the start level on any channel; -1 if none.
std::int64_t firstLoudFrame(const AudioBuffer& b) {
    for (std::int64_t f = 0; f < b.frames(); ++f) {
        for (int c = 0; c < b.channels; ++c) {
            if (std::fabs(b.samples[f * b.channels + c]) >= startLevel()) {
                return f;
            }
        }
    }
    return -1;
}

std::int64_t lastLoudFrame(const AudioBuffer& b) {
    for (std::int64_t f = b.frames() - 1; f >= 0; --f) {
        for (int c = 0; c < b.channels; ++c) {
            if (std::fabs(b.samples[f * b.channels + c]) >= startLevel()) {
                return f;
            }
        }
    }
    return -1;
}

float peakOf(const AudioBuffer& b) {
    float peak = 0;
    for (float x : b.samples) {
        peak = std::max(peak, std::fabs(x));
    }
    return peak;
}

// The control thread's part while time passes: poll the take (watchdog, trigger, end) and
// empty its event queue, as the command line and the window do.
void keepPolling(Recorder& recorder, int milliseconds) {
    QElapsedTimer timer;
    timer.start();
    EngineEvent event;
    while (timer.elapsed() < milliseconds) {
        recorder.poll();
        while (recorder.nextEvent(event)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// Silence, then a loud 1 kHz tone, then silence: the sound that starts a take.
std::vector<float> silenceThenTone(double silenceSeconds, double toneSeconds, double tailSeconds) {
    auto signal = SignalGenerator::silence(std::llround(silenceSeconds * kRate), 2);
    const auto tone = SignalGenerator::sine(1000, 0.5, std::llround(toneSeconds * kRate), 2, kRate);
    signal.insert(signal.end(), tone.begin(), tone.end());
    const auto tail = SignalGenerator::silence(std::llround(tailSeconds * kRate), 2);
    signal.insert(signal.end(), tail.begin(), tail.end());
    return signal;
}

} // namespace

// Pause, markers, pre-roll and the sound-activated start, against the private sound server.
class TakeControlsTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<AudioSystem> system_;

    std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        auto system = AudioSystem::start();
        QVERIFY(system.ok());
        system_ = std::move(*system);
    }

    // A tone played only while the take is paused is not in the file; the take is as long
    // as the time it ran; the join carries a "Paused" marker, in the journal during the take
    // and in the file after it.
    void aPausedTakeLeavesThePauseOutAndMarksTheJoin_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("frameTolerance"); // FLAC chapters are to the millisecond
        QTest::newRow("wav") << static_cast<int>(FileFormat::WavFloat) << 0;
        QTest::newRow("flac") << static_cast<int>(FileFormat::Flac) << kRate / 2000 + 1;
    }
    void aPausedTakeLeavesThePauseOutAndMarksTheJoin() {
        QFETCH(int, format);
        QFETCH(int, frameTolerance);
        RecordSettings settings;
        settings.path =
            path(QStringLiteral("paused%1")
                     .arg(QString::fromStdString(fileExtension(static_cast<FileFormat>(format)))));
        settings.sampleRate = kRate;
        settings.channels = 2;
        settings.format = static_cast<FileFormat>(format);
        auto started = Recorder::start(*system_, settings);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
        Recorder& take = **started;
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, 10000));
        QElapsedTimer wall;
        wall.start();
        keepPolling(take, 1000);
        const auto verse = take.addMarker("Verse");
        QVERIFY(verse.has_value());
        QVERIFY(verse->frame > 0);
        keepPolling(take, 300);

        take.pause();
        QVERIFY(take.isPaused());
        keepPolling(take, 500); // the block under way when pause() came has arrived
        const std::int64_t atPause = take.takeFrames();
        QElapsedTimer paused;
        paused.start();
        PulseClient player;
        QVERIFY2(player.play(SignalGenerator::sine(1000, 0.5, kRate, 2, kRate), 2, kRate),
                 qPrintable(player.errorString()));
        keepPolling(take, 500);
        QCOMPARE(take.takeFrames(), atPause); // nothing reached the take while paused
        const qint64 pausedMs = paused.elapsed() + 500;
        take.resume();
        QVERIFY(!take.isPaused());
        QCOMPARE(take.markers().size(), std::size_t(2));
        QCOMPARE(take.markers().back(), (Marker{atPause, "Paused"}));

        // The disk thread journals the markers within a nap.
        const auto journalled = [&] {
            const auto journal = RecordingJournal::read(RecordingJournal::pathFor(settings.path));
            return journal.ok() ? journal->markers : std::vector<Marker>{};
        };
        QTRY_COMPARE_WITH_TIMEOUT(journalled(), take.markers(), 2000);

        keepPolling(take, 1000);
        QVERIFY(take.stop().ok());
        const qint64 wallMs = wall.elapsed();
        const std::vector<Marker> markers = take.markers();

        const auto file = readSoundFile(settings.path);
        QVERIFY(file.ok());
        QCOMPARE(file->frames(), take.stats().framesWritten);
        QCOMPARE(file->frames(), take.takeFrames());
        // Ran about wallMs - pausedMs; a capture block (about 0.2 s) either side.
        const double seconds = static_cast<double>(file->frames()) / kRate;
        const double ran = (wallMs - pausedMs) / 1000.0;
        qInfo("take %.3f s, ran %.3f s, paused %.3f s", seconds, ran, pausedMs / 1000.0);
        QVERIFY2(std::abs(seconds - ran) < 0.5, qPrintable(QString::number(seconds)));
        QVERIFY2(peakOf(*file) < 1e-3f, "the tone played during the pause is in the take");

        const auto saved = take_markers::load(settings.path);
        QCOMPARE(saved.size(), markers.size());
        for (std::size_t i = 0; i < markers.size(); ++i) {
            QCOMPARE(saved[i].name, markers[i].name);
            QVERIFY2(
                std::abs(saved[i].frame - markers[i].frame) <= frameTolerance,
                qPrintable(QStringLiteral("%1 vs %2").arg(saved[i].frame).arg(markers[i].frame)));
        }
        QVERIFY(!QFile::exists(QString::fromStdString(RecordingJournal::pathFor(settings.path))));
    }

    // Monitoring with a sound-activated start: no file until the tone; then the take begins
    // a pre-roll before the tone's first loud sample, to the frame; bext names the device.
    void soundStartsTheTakeWithItsPreRoll() {
        RecordSettings settings;
        settings.path = path("triggered.wav");
        settings.sampleRate = kRate;
        settings.channels = 2;
        settings.format = FileFormat::WavFloat;
        settings.preRollSeconds = 1.0;
        settings.startAboveDbfs = kStartDbfs;
        auto monitored = Recorder::monitor(*system_, settings);
        QVERIFY2(monitored.ok(), monitored.ok() ? "" : monitored.error().message.c_str());
        Recorder& take = **monitored;
        QVERIFY(take.isWaitingForSound());
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, 10000));
        keepPolling(take, 300);
        QVERIFY(!take.hasTake());
        QVERIFY(!QFile::exists(QString::fromStdString(settings.path)));
        take.pause(); // nothing to pause yet
        QVERIFY(!take.isPaused());
        QVERIFY(!take.addMarker("too early").has_value());

        PulseClient player;
        QVERIFY2(player.startPlayback(silenceThenTone(2.0, 1.0, 0.5), 2, kRate),
                 qPrintable(player.errorString()));
        QElapsedTimer timer;
        timer.start();
        while (!take.hasTake() && timer.elapsed() < 15000) {
            keepPolling(take, 50);
        }
        QVERIFY(take.hasTake());
        QVERIFY(!take.isWaitingForSound());
        while (player.isPlaying() && timer.elapsed() < 30000) {
            keepPolling(take, 50);
        }
        QVERIFY(player.waitForPlaybackFinished());
        keepPolling(take, 500);
        QVERIFY(take.stop().ok());

        const auto file = readSoundFile(settings.path);
        QVERIFY(file.ok());
        QCOMPARE(firstLoudFrame(*file), std::int64_t(kRate)); // the pre-roll, to the frame
        QVERIFY(file->frames() > 2 * kRate);
        const auto bext = readBroadcastInfo(settings.path);
        QVERIFY(bext.has_value());
        QCOMPARE(bext->description, take.device().name);
        QCOMPARE(bext->originator, std::string("Tapedeck"));
        // The time reference and the time of day name the same second (or the next one, if
        // the first sample fell just before a second's end).
        const auto reference = static_cast<long long>(bext->timeReference / kRate);
        int h = 0;
        int m = 0;
        int s = 0;
        QCOMPARE(std::sscanf(bext->originationTime.c_str(), "%d:%d:%d", &h, &m, &s), 3);
        QVERIFY2(std::llabs(reference - (h * 3600LL + m * 60 + s)) <= 1,
                 bext->originationTime.c_str());
    }

    // The command line: the tone after 2 s of silence starts the take; it sits at the
    // pre-roll time in the file; --duration counts the pre-roll.
    void startAboveWithPreRollOnTheCommandLine() {
        const QString file = QString::fromStdString(path("cli-triggered.wav"));
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", file, "--rate", "48000", "--format", "wav32f",
                                 "--start-above", "-20", "--pre-roll", "1", "--duration", "3"});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, 10000));
        PulseClient player;
        QVERIFY2(player.play(silenceThenTone(2.0, 2.5, 0.0), 2, kRate),
                 qPrintable(player.errorString()));
        const CliRun run = finishTapedeck(tapedeck, 15000);
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("Waiting for sound above -20.0 dBFS"), qPrintable(run.err));
        const auto take = readSoundFile(file.toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->frames(), std::int64_t(3 * kRate));
        QCOMPARE(firstLoudFrame(*take), std::int64_t(kRate));

        const CliRun info = runTapedeck({"--info", file, "--json"});
        QVERIFY2(info.exitCode == 0, qPrintable(describe(info)));
        const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8()).object();
        const QJsonObject bext = o["bext"].toObject();
        QCOMPARE(bext["originator"].toString(), QStringLiteral("Tapedeck"));
        QVERIFY(!bext["description"].toString().isEmpty());
        QVERIFY(bext["timeReference"].toInteger() > 0 ||
                bext["originationTime"].toString() == QStringLiteral("00:00:00"));
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        char today[16];
        std::strftime(today, sizeof today, "%Y-%m-%d", &local);
        QVERIFY(bext["originationDate"].toString() == QString::fromLatin1(today) ||
                local.tm_hour == 0); // just past midnight the take may be yesterday's
        QVERIFY(o["markers"].isArray());
        QVERIFY(o["markers"].toArray().isEmpty());
    }

    // --stop-after-silence: the take ends by itself, that long after the last loud sample.
    void silenceEndsTheTake() {
        const QString file = QString::fromStdString(path("cli-silence.wav"));
        QProcess tapedeck;
        startTapedeck(tapedeck,
                      {"--record", file, "--rate", "48000", "--format", "wav32f", "--start-above",
                       "-20", "--pre-roll", "0.5", "--stop-after-silence", "0.5"});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, 10000));
        PulseClient player;
        QVERIFY2(player.play(silenceThenTone(1.0, 1.0, 0.0), 2, kRate),
                 qPrintable(player.errorString()));
        const CliRun run = finishTapedeck(tapedeck, 15000);
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("Saved"), qPrintable(run.err));
        const auto take = readSoundFile(file.toStdString());
        QVERIFY(take.ok());
        QCOMPARE(firstLoudFrame(*take), std::int64_t(kRate / 2));
        QCOMPARE(take->frames(), lastLoudFrame(*take) + 1 + kRate / 2);
    }

    // Stopped while waiting for sound: a clean exit, and no file or journal left.
    void aSignalWhileWaitingLeavesNoFile() {
        const QString file = QString::fromStdString(path("never.wav"));
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", file, "--start-above", "-20", "--pre-roll", "2"});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, 10000));
        tapedeck.terminate(); // SIGTERM
        const CliRun run = finishTapedeck(tapedeck, 15000);
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("Waiting for sound"), qPrintable(run.err));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(file + QStringLiteral(".tapedeck-journal")));
        QCOMPARE(run.err.count('\n'), 2); // the waiting line and the closing one
    }
};

QTEST_GUILESS_MAIN(TakeControlsTest)
#include "TakeControlsTest.moc"
