#include "engine/CliProcess.h"
#include "export/ReferenceLoudness.h"
#include "export/SpeechLikeSignal.h"

#include "support/SoundFileIo.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>

#include <csignal>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {

constexpr int kRate = 44100; // not Opus's rate: the Opus export must convert it
constexpr double kSeconds = 14.0;
constexpr double kTolerance = 0.5;

// What ffmpeg's ebur128 filter says, when ffmpeg is installed (it is not in CI): a second
// opinion printed next to the test's own meter.
QString ffmpegOpinion(const QString& path) {
    const QString ffmpeg = QStandardPaths::findExecutable("ffmpeg");
    if (ffmpeg.isEmpty()) {
        return "ffmpeg not installed";
    }
    QProcess process;
    process.start(ffmpeg, {"-nostats", "-hide_banner", "-i", path, "-af", "ebur128=peak=true", "-f",
                           "null", "-"});
    process.waitForFinished(60000);
    const QString log = QString::fromUtf8(process.readAllStandardError());
    const auto integrated = QRegularExpression(R"(I:\s+(-?[\d.]+) LUFS)").globalMatch(log);
    const auto peak = QRegularExpression(R"(Peak:\s+(-?[\d.]+) dBFS)").globalMatch(log);
    QString lastIntegrated;
    QString lastPeak;
    for (auto it = integrated; it.hasNext();) {
        lastIntegrated = it.next().captured(1);
    }
    for (auto it = peak; it.hasNext();) {
        lastPeak = it.next().captured(1);
    }
    return "ffmpeg ebur128: " + lastIntegrated + " LUFS, true peak " + lastPeak + " dBTP";
}

} // namespace

// `tapedeck --export IN OUT --loudness L [--true-peak P]` through the real binary, judged by
// an independent meter (ReferenceLoudness): within ±0.5 LU of the target, true peak at or
// under the ceiling, for MP3, Opus and WAV.
class ExportLoudnessTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString speech_;

    // Exports, decodes the result and measures it. Returns the reading; fails the test on a
    // failed export.
    ReferenceReading exportAndMeasure(const QStringList& extra, const QString& name,
                                      int expectedRate, int expectedChannels) {
        const QString out = dir_.filePath(name);
        const CliRun run = runTapedeck(QStringList{"--export", speech_, out} + extra, 120000);
        if (run.exitCode != 0) {
            qWarning() << run.err;
        }
        [&] {
            QCOMPARE(run.exitCode, 0);
            QVERIFY(QFile::exists(out));
        }();
        const Result<AudioBuffer> decoded = readSoundFile(out.toStdString());
        [&] {
            QVERIFY(decoded.ok());
            QCOMPARE(decoded->sampleRate, expectedRate);
            QCOMPARE(decoded->channels, expectedChannels);
        }();
        if (!decoded) {
            return {};
        }
        const ReferenceReading reading =
            measureReference(decoded->samples, decoded->channels, decoded->sampleRate);
        qInfo().noquote() << name << ":" << run.out.trimmed();
        qInfo().noquote() << name << ": reference meter"
                          << QString::number(reading.integratedLufs.value_or(0), 'f', 2)
                          << "LUFS, true peak" << QString::number(reading.truePeakDbtp, 'f', 2)
                          << "dBTP;" << ffmpegOpinion(out);
        return reading;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        speech_ = dir_.filePath("interview.wav");
        QVERIFY(writeSoundFile(speech_.toStdString(), speechLikeSignal(kSeconds, 2, kRate, 0.2, 7),
                               2, kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_24)
                    .ok());
        const Result<AudioBuffer> source = readSoundFile(speech_.toStdString());
        QVERIFY(source.ok());
        const ReferenceReading before = measureReference(source->samples, 2, kRate);
        // The source must need the limiter: its peaks stand more than 15 dB over its loudness.
        QVERIFY(before.integratedLufs);
        QVERIFY2(before.truePeakDbtp - *before.integratedLufs > 16.0,
                 qPrintable(QString("peak to loudness only %1 dB")
                                .arg(before.truePeakDbtp - *before.integratedLufs)));
    }

    void mp3ReachesThePodcastTargetUnderTheCeiling() {
        const ReferenceReading r = exportAndMeasure({"--loudness", "-16"}, "podcast.mp3", kRate, 2);
        QVERIFY(r.integratedLufs);
        QVERIFY2(std::abs(*r.integratedLufs + 16.0) <= kTolerance,
                 qPrintable(QString::number(*r.integratedLufs)));
        QVERIFY2(r.truePeakDbtp <= -1.0, qPrintable(QString::number(r.truePeakDbtp)));
    }

    void opusFoldedToMonoReachesTheMonoPodcastTarget() {
        const ReferenceReading r = exportAndMeasure(
            {"--loudness", "-19", "--true-peak", "-1", "--channels", "1"}, "mono.opus", 48000, 1);
        QVERIFY(r.integratedLufs);
        QVERIFY2(std::abs(*r.integratedLufs + 19.0) <= kTolerance,
                 qPrintable(QString::number(*r.integratedLufs)));
        QVERIFY2(r.truePeakDbtp <= -1.0, qPrintable(QString::number(r.truePeakDbtp)));
    }

    void wavReachesTheBroadcastTargetUnderItsCeiling() {
        const ReferenceReading r =
            exportAndMeasure({"--loudness", "-23", "--true-peak", "-2"}, "broadcast.wav", kRate, 2);
        QVERIFY(r.integratedLufs);
        QVERIFY2(std::abs(*r.integratedLufs + 23.0) <= kTolerance,
                 qPrintable(QString::number(*r.integratedLufs)));
        QVERIFY2(r.truePeakDbtp <= -2.0, qPrintable(QString::number(r.truePeakDbtp)));
    }

    void aSelectionIsMeasuredAlone() {
        // 5 s quiet, then 10 s 8 dB louder: the whole file measures about 1.4 LU under its
        // loud part, so levelling the whole instead of the span would miss by that much.
        std::vector<float> quiet = speechLikeSignal(5.0, 2, kRate, 0.08, 11);
        const std::vector<float> loud = speechLikeSignal(10.0, 2, kRate, 0.2, 12);
        quiet.insert(quiet.end(), loud.begin(), loud.end());
        const QString source = dir_.filePath("two-levels.wav");
        QVERIFY(
            writeSoundFile(source.toStdString(), quiet, 2, kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_24)
                .ok());
        const QString out = dir_.filePath("loud-part.wav");
        const CliRun run = runTapedeck(
            {"--export", source, out, "--from", "5", "--to", "15", "--loudness", "-16"}, 120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Result<AudioBuffer> decoded = readSoundFile(out.toStdString());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->frames(), static_cast<std::int64_t>(10 * kRate));
        const ReferenceReading r = measureReference(decoded->samples, 2, kRate);
        QVERIFY(r.integratedLufs);
        QVERIFY2(std::abs(*r.integratedLufs + 16.0) <= kTolerance,
                 qPrintable(QString::number(*r.integratedLufs)));
        QVERIFY(r.truePeakDbtp <= -1.0);
    }

    void moreChannelsThanMp3HoldsAreRefusedWithAWayToFoldThem() {
        const QString source = dir_.filePath("four.wav");
        QVERIFY(writeSoundFile(source.toStdString(), speechLikeSignal(2.0, 4, kRate, 0.3, 5), 4,
                               kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        const QString out = dir_.filePath("four.mp3");
        const CliRun refused = runTapedeck({"--export", source, out});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("mono or stereo only") &&
                     refused.err.contains("--channels 1") && refused.err.contains("--channels 2"),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(dir_.path()).entryList({".four*"}, QDir::Hidden | QDir::Files).size(), 0);

        const CliRun folded = runTapedeck({"--export", source, out, "--channels", "2"});
        QVERIFY2(folded.exitCode == 0, qPrintable(folded.err));
        const Result<AudioBuffer> decoded = readSoundFile(out.toStdString());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->channels, 2);
    }

    void aStoppedExportLeavesNothing() {
        // Long enough that Ctrl+C comes while it works: 10 minutes of mono at 16 kHz.
        const QString source = dir_.filePath("long.wav");
        QVERIFY(writeSoundFile(source.toStdString(), speechLikeSignal(600.0, 1, 16000, 0.2, 3), 1,
                               16000, SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        const QString out = dir_.filePath("long.mp3");
        QProcess process;
        startTapedeck(process, {"--export", source, out, "--loudness", "-16"});
        // The hidden file appears as soon as the export starts.
        QTRY_VERIFY_WITH_TIMEOUT(
            !QDir(dir_.path())
                 .entryList({".long.mp3.partial-*"}, QDir::Files | QDir::Hidden)
                 .isEmpty(),
            30000);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        const CliRun run = finishTapedeck(process, 60000);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("was not written"), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(dir_.path()).entryList({".long*"}, QDir::Hidden | QDir::Files).size(), 0);
    }
};

QTEST_GUILESS_MAIN(ExportLoudnessTest)
#include "ExportLoudnessTest.moc"
