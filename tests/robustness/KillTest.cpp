#include "engine/CliProcess.h"

#include "core/recovery/RecordingJournal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sndfile.h>

namespace {

constexpr int kRate = 48000;
constexpr int kTrials = 10;
constexpr int kShortestMs = 300;
constexpr int kLongestMs = 3000;
constexpr int kPollMs = 5;

// The frames libsndfile finds in a file, by its header; -1 if it cannot be opened.
qint64 framesOf(const QString& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.toLocal8Bit().constData(), SFM_READ, &info);
    if (file == nullptr) {
        return -1;
    }
    sf_close(file);
    return info.frames;
}

} // namespace

// `kill -9` at random moments of a take: the file on disk is always readable and loses at
// most the last second, and --recover then makes it whole and removes its journal.
class KillTest : public QObject {
    Q_OBJECT

private slots:
    void aKilledTakeIsReadableAndRecoverable() {
        QTemporaryDir dir;
        const quint32 seed = qEnvironmentVariableIsSet("TAPEDECK_KILL_SEED")
                                 ? qEnvironmentVariableIntValue("TAPEDECK_KILL_SEED")
                                 : QRandomGenerator::global()->generate();
        qInfo("seed %u (set TAPEDECK_KILL_SEED to repeat)", seed);
        QRandomGenerator random(seed);
        QList<QString> files;
        QList<double> recordedSeconds;
        for (int trial = 0; trial < kTrials; ++trial) {
            const QString file = dir.filePath(QStringLiteral("take-%1.wav").arg(trial));
            QProcess tapedeck;
            startTapedeck(tapedeck, {"--record", file, "--rate", QString::number(kRate)});
            QVERIFY(tapedeck.state() == QProcess::Running);

            // Audio time starts when the first samples reach the file (past its header).
            QElapsedTimer waited;
            waited.start();
            qint64 headerSize = -1;
            for (;;) {
                const QFileInfo info(file);
                if (info.exists()) {
                    if (headerSize < 0) {
                        headerSize = info.size();
                    } else if (info.size() > headerSize) {
                        break;
                    }
                }
                QVERIFY2(waited.elapsed() < 10000, "no audio reached the file");
                QVERIFY(tapedeck.state() == QProcess::Running);
                QTest::qSleep(kPollMs);
            }
            QElapsedTimer sinceAudio;
            sinceAudio.start();
            const int delayMs = kShortestMs + random.bounded(kLongestMs - kShortestMs + 1);
            QTest::qSleep(delayMs);
            const double recorded = sinceAudio.nsecsElapsed() / 1e9;
            ::kill(static_cast<pid_t>(tapedeck.processId()), SIGKILL);
            QVERIFY(tapedeck.waitForFinished(5000));
            QCOMPARE(tapedeck.exitStatus(), QProcess::CrashExit);

            const qint64 frames = framesOf(file);
            qInfo("trial %d: killed %.2f s after the first audio; the file announces %.2f s", trial,
                  recorded, frames / double(kRate));
            QVERIFY2(frames >= 0, "the killed take does not open");
            QVERIFY(frames >= qint64((recorded - 1.0) * kRate));
            QVERIFY2(QFileInfo::exists(file + tapedeck::RecordingJournal::kSuffix),
                     "the killed take has no recording journal");
            files.append(file);
            recordedSeconds.append(recorded);
        }

        const CliRun run = runTapedeck({"--recover", dir.path()}, 60000);
        qInfo("%s", qPrintable(run.out.trimmed()));
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(run.err));
        QCOMPARE(run.out.trimmed().split('\n').size(), kTrials);
        for (int trial = 0; trial < kTrials; ++trial) {
            const QString& file = files[trial];
            QVERIFY(!QFileInfo::exists(file + tapedeck::RecordingJournal::kSuffix));
            // Whole: every byte after the header is a frame the file now announces.
            const qint64 frames = framesOf(file);
            qInfo("trial %d: recovered %.3f s of %.3f s", trial, frames / double(kRate),
                  recordedSeconds[trial]);
            QVERIFY(frames >= 0);
            QVERIFY(frames >= qint64((recordedSeconds[trial] - 0.5) * kRate));
            const auto recoveredAgain = runTapedeck({"--info", file});
            QCOMPARE(recoveredAgain.exitCode, 0);
        }
    }
};

QTEST_GUILESS_MAIN(KillTest)
#include "KillTest.moc"
