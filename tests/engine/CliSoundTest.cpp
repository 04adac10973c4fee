#include "CliProcess.h"

#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <sndfile.h>

using namespace tapedeck::testing;

namespace {
constexpr int kServerRate = 48000;
// What tapedeck played last is still in the server's pipeline when it exits: the monitor
// keeps recording this long after.
constexpr int kMonitorTailMs = 500;

// The signal may sit anywhere in a recording: how long a process takes to start its stream
// depends on the machine's load (seen: 0.1 s idle, over 1 s on a busy CI machine).
std::int64_t anywhereIn(const std::vector<float>& recording) {
    return static_cast<std::int64_t>(recording.size());
}

// RMS over the loud part only, so the silence around a recording does not count.
double rmsDb(const std::vector<float>& samples) {
    double sum = 0;
    std::int64_t count = 0;
    for (float x : samples) {
        if (std::abs(x) > 1e-4f) {
            sum += static_cast<double>(x) * x;
            ++count;
        }
    }
    return count > 0 ? 10 * std::log10(sum / count) : -200.0;
}

// Waits until the sound server has a capture stream (tapedeck's), so a signal played after
// this is captured from its start however long tapedeck took to start. File sizes cannot
// tell: FLAC and Ogg compress silence to almost nothing.
bool waitUntilRecording() {
    constexpr int kStartMarginMs = 100; // the stream exists just before it runs
    for (int waited = 0; waited < 10000; waited += 20) {
        QProcess pactl;
        pactl.start("pactl", {"list", "short", "source-outputs"});
        pactl.waitForFinished();
        if (!pactl.readAllStandardOutput().trimmed().isEmpty()) {
            QTest::qWait(kStartMarginMs);
            return true;
        }
        QTest::qWait(20);
    }
    return false;
}

QString describe(const CliRun& run) {
    return QStringLiteral("exit %1, stderr: %2").arg(run.exitCode).arg(run.err);
}
} // namespace

// The command line against the project's private sound server: what tapedeck plays reaches
// the sink, what another client plays reaches tapedeck's file.
class CliSoundTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(PulseClient::insideTestServer()); }

    void listDevicesAsJsonNamesTheTestServer() {
        const CliRun run = runTapedeck({"--list-devices", "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonArray devices = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QVERIFY(!devices.isEmpty());
        bool defaultInput = false;
        bool defaultOutput = false;
        for (const auto& value : devices) {
            const QJsonObject d = value.toObject();
            for (const char* key : {"hostApi", "name", "maxInputChannels", "maxOutputChannels",
                                    "defaultSampleRate", "isDefaultInput", "isDefaultOutput"}) {
                QVERIFY2(d.contains(key), key);
            }
            defaultInput = defaultInput || d["isDefaultInput"].toBool();
            defaultOutput = defaultOutput || d["isDefaultOutput"].toBool();
        }
        QVERIFY(defaultInput && defaultOutput);
        QVERIFY(run.err.isEmpty()); // no back-end noise
    }

    // (1) --play of a generated signal is recorded back from the sink's monitor.
    void playReachesTheSinkUnchanged() {
        const auto chirp = SignalGenerator::chirp(100, 8000, 0.5, 2 * kServerRate, 2, kServerRate);
        const QString file = path("chirp.wav");
        QVERIFY(writeSoundFile(file.toStdString(), chirp, 2, kServerRate,
                               SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                    .ok());
        PulseClient monitor;
        QVERIFY2(monitor.startRecording(2, kServerRate), qPrintable(monitor.errorString()));
        const CliRun run = runTapedeck({"--play", file});
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        QTest::qWait(kMonitorTailMs);
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());
        for (int channel = 0; channel < 2; ++channel) {
            const auto reference = SignalComparison::channel(chirp, 2, channel);
            const auto heard = SignalComparison::channel(recorded->samples, 2, channel);
            const Comparison c = SignalComparison::compare(reference, heard, anywhereIn(heard));
            qInfo("play → monitor, channel %d: lag %lld, correlation %.5f, residual %.1f dB",
                  channel, static_cast<long long>(c.lagFrames), c.correlation, c.residualDb);
            // tapedeck reports dropouts on stderr: shown if the comparison fails.
            QVERIFY2(c.correlation > 0.999, qPrintable(describe(run)));
            QVERIFY2(c.residualDb < -60, qPrintable(describe(run)));
            QVERIFY(std::abs(c.gain - 1.0) < 0.01);
        }
    }

    // (2) --record for 3 s while another client plays a known signal.
    void recordCapturesWhatAnotherClientPlays() {
        const QString file = path("take.wav");
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", file, "--duration", "3", "--rate", "48000"});
        QVERIFY(waitUntilRecording());
        const auto chirp = SignalGenerator::chirp(200, 6000, 0.5, 2 * kServerRate, 2, kServerRate);
        PulseClient player;
        QVERIFY2(player.play(chirp, 2, kServerRate), qPrintable(player.errorString()));
        const CliRun run = finishTapedeck(tapedeck, 15000);
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        const auto take = readSoundFile(file.toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->sampleRate, kServerRate);
        QCOMPARE(take->channels, 2);
        QCOMPARE(take->frames(), qint64(3 * kServerRate)); // the stream stops on the frame
        const auto reference = SignalComparison::channel(chirp, 2, 0);
        const auto heard = SignalComparison::channel(take->samples, 2, 0);
        const Comparison c = SignalComparison::compare(reference, heard, anywhereIn(heard));
        qInfo("record: lag %lld, correlation %.5f, residual %.1f dB",
              static_cast<long long>(c.lagFrames), c.correlation, c.residualDb);
        QVERIFY2(c.correlation > 0.999, qPrintable(QString::number(c.correlation)));
        QVERIFY(c.residualDb < -60); // 24-bit WAV of a bit-exact loopback
    }

    // Every format a take can be written in, recorded for longer than the once-a-second header
    // update, reads back whole and holds what was played.
    void everyFormatRecordsAndReadsBack_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<double>("minCorrelation");
        QTest::newRow("wav16") << "wav16"
                               << "wav" << 0.999;
        QTest::newRow("wav24") << "wav"
                               << "wav" << 0.999;
        QTest::newRow("wav32f") << "wav32f"
                                << "wav" << 0.999;
        QTest::newRow("flac") << "flac"
                              << "flac" << 0.999;
        QTest::newRow("ogg") << "ogg"
                             << "ogg" << 0.95; // lossy
    }
    void everyFormatRecordsAndReadsBack() {
        QFETCH(QString, format);
        QFETCH(QString, extension);
        QFETCH(double, minCorrelation);
        const QString file = path("format-" + format + "." + extension);
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", file, "--duration", "2.5", "--rate", "48000",
                                 "--format", format});
        QVERIFY(waitUntilRecording());
        const auto chirp = SignalGenerator::chirp(200, 6000, 0.5, kServerRate, 2, kServerRate);
        PulseClient player;
        QVERIFY2(player.play(chirp, 2, kServerRate), qPrintable(player.errorString()));
        const CliRun run = finishTapedeck(tapedeck, 15000);
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(describe(run)));
        const auto take = readSoundFile(file.toStdString());
        QVERIFY2(take.ok(), take.ok() ? "" : take.error().message.c_str());
        QVERIFY(std::abs(take->frames() - qint64(2.5 * kServerRate)) <= 1024);
        const auto reference = SignalComparison::channel(chirp, 2, 0);
        const auto heard = SignalComparison::channel(take->samples, 2, 0);
        const Comparison c = SignalComparison::compare(reference, heard, anywhereIn(heard));
        QVERIFY2(c.correlation > minCorrelation, qPrintable(QString::number(c.correlation)));
    }

    // (3) a 44.1 kHz file plays correctly on the 48 kHz server.
    void a44kFilePlaysCorrectlyOnA48kServer() {
        constexpr int kFileRate = 44100;
        const auto chirp = SignalGenerator::chirp(100, 8000, 0.5, 2 * kFileRate, 1, kFileRate);
        const QString file = path("chirp44.wav");
        QVERIFY(writeSoundFile(file.toStdString(), chirp, 1, kFileRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        PulseClient monitor;
        QVERIFY2(monitor.startRecording(2, kServerRate), qPrintable(monitor.errorString()));
        const CliRun run = runTapedeck({"--play", file});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QTest::qWait(kMonitorTailMs);
        const auto recorded = monitor.stopRecording();
        QVERIFY(recorded.has_value());
        // The same sweep computed at 48 kHz is what a correct resampling sounds like.
        const auto reference =
            SignalGenerator::chirp(100, 8000, 0.5, 2 * kServerRate, 1, kServerRate);
        for (int channel = 0; channel < 2; ++channel) { // mono plays on both channels
            const auto heard = SignalComparison::channel(recorded->samples, 2, channel);
            const Comparison c = SignalComparison::compare(reference, heard, anywhereIn(heard));
            qInfo("44.1 kHz on 48 kHz, channel %d: correlation %.5f, residual %.1f dB", channel,
                  c.correlation, c.residualDb);
            // Played at the wrong rate, a sweep would not correlate at all. The residual is
            // not asserted: the server's resampler leaves a sub-sample offset that an integer
            // lag cannot remove (measured −18 to −27 dB). The level must be right, though.
            QVERIFY(c.correlation > 0.98);
            QVERIFY2(std::abs(rmsDb(heard) - rmsDb(reference)) < 0.5,
                     qPrintable(QString::number(rmsDb(heard) - rmsDb(reference))));
        }
    }

    void errorsAreOneClearLineAndANonZeroExit_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing file")
            << QStringList{"--play", "/nonexistent/x.wav"} << "does not exist";
        QTest::newRow("not audio")
            << QStringList{"--play", QStringLiteral(TAPEDECK_SOURCE_DIR "/README.md")}
            << "not audio";
        QTest::newRow("no such device")
            << QStringList{"--record", "/tmp/never.wav", "--input-device", "No Such Mic"}
            << "No input device";
        QTest::newRow("unwritable")
            << QStringList{"--record", "/nonexistent/dir/x.wav", "--duration", "1"}
            << "does not exist";
        QTest::newRow("unsupported format")
            << QStringList{"--record", "/tmp/x.mp4", "--format", "mp4"} << "Unknown format";
        QTest::newRow("unsupported rate")
            << QStringList{"--record", "/tmp/never.wav", "--rate", "2000000"}
            << "cannot record at 2000000 Hz";
    }
    void errorsAreOneClearLineAndANonZeroExit() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const CliRun run = runTapedeck(arguments);
        QVERIFY2(run.exitCode != 0 && !run.crashed, qPrintable(describe(run)));
        const QStringList lines = run.err.trimmed().split('\n');
        QVERIFY2(lines.size() == 1, qPrintable(run.err));
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QVERIFY(!QFile::exists("/tmp/never.wav"));
    }
};

QTEST_GUILESS_MAIN(CliSoundTest)
#include "CliSoundTest.moc"
