#include "engine/CliProcess.h"

#include "support/SoundFileIo.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/resource.h>

using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;
constexpr int kFrameBytes = 6; // 24-bit stereo
constexpr rlim_t kFileLimitBytes = 512 * 1024;
} // namespace

// A take that cannot grow (file-size limit, as a full disk would do) stops cleanly, says why
// in one line and keeps everything written; a take that cannot start says why.
class DiskFullTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void aTakeThatHitsTheFileSizeLimitStopsCleanlyAndKeepsItsAudio() {
        const QString file = dir_.filePath("limited.wav");
        QProcess tapedeck;
        tapedeck.setChildProcessModifier([] {
            // Only the recorder's own writes are limited, as a nearly full disk would do.
            const rlimit limit{kFileLimitBytes, kFileLimitBytes};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        startTapedeck(tapedeck,
                      {"--record", file, "--rate", QString::number(kRate), "--duration", "20"});
        const CliRun run = finishTapedeck(tapedeck, 30000);
        qInfo("exit %d after %lld ms: %s", run.exitCode, static_cast<long long>(run.elapsedMs),
              qPrintable(run.err.trimmed()));
        QVERIFY2(!run.crashed, "tapedeck died (SIGXFSZ?) instead of stopping");
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.trimmed().split('\n').size() == 1, qPrintable(run.err));
        QVERIFY2(run.err.contains("largest size allowed"), qPrintable(run.err));
        QVERIFY2(run.err.contains(file), qPrintable(run.err));

        const auto take = readSoundFile(file.toStdString());
        QVERIFY2(take.ok(), take.ok() ? "" : take.error().message.c_str());
        const qint64 size = QFileInfo(file).size();
        qInfo("the file is %lld bytes and holds %.3f s", static_cast<long long>(size),
              static_cast<double>(take->frames()) / kRate);
        QVERIFY(size <= static_cast<qint64>(kFileLimitBytes));
        // Everything up to the limit: the header (with its 602-byte bext chunk) and at most
        // one partial frame are missing.
        QVERIFY(take->frames() * kFrameBytes >= static_cast<qint64>(kFileLimitBytes) - 1280);
    }

    void aDestinationThatCannotBeWrittenIsRefusedWithTheReason_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QFile plain(dir_.filePath("plain-file"));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        QTest::newRow("under a regular file")
            << dir_.filePath("plain-file/take.wav") << QStringLiteral("Not a directory");
        QTest::newRow("under /proc") << QStringLiteral("/proc/take.wav") << QString();
        QTest::newRow("missing folder")
            << dir_.filePath("missing/take.wav") << QStringLiteral("does not exist");
    }
    void aDestinationThatCannotBeWrittenIsRefusedWithTheReason() {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const CliRun run =
            runTapedeck({"--record", file, "--rate", QString::number(kRate), "--duration", "1"});
        qInfo("%s", qPrintable(run.err.trimmed()));
        QVERIFY(!run.crashed);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.trimmed().split('\n').size() == 1, qPrintable(run.err));
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(file));
        // The reason must be true: a folder that exists is never called missing.
        const QString folder = QFileInfo(file).path();
        if (QFileInfo(folder).isDir()) {
            QVERIFY2(!run.err.contains("does not exist"), qPrintable(run.err));
        }
    }
};

QTEST_GUILESS_MAIN(DiskFullTest)
#include "DiskFullTest.moc"
