#include "engine/CliProcess.h"

#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include <sndfile.h>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 44100;
// tapedeck's exit code for a command line it cannot use.
constexpr int kUsageError = 2;

} // namespace

// The command line as a user types it, run through the real executable: options in any
// order, mistakes named with one line on stderr, and a help that groups the options by mode.
// Nothing here opens a sound device.
class CommandLineParserTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString file_;

    // A usage error: exit 2, nothing on stdout, and exactly this one line on stderr.
    static void verifyUsageError(const CliRun& run, const QString& message) {
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, kUsageError);
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        QCOMPARE(run.err, "tapedeck: " + message + "\n");
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        file_ = dir_.filePath("tone.wav");
        QVERIFY(writeSoundFile(file_.toStdString(),
                               SignalGenerator::sine(1000, 0.5, kRate, 1, kRate), 1, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
    }

    void infoAndJsonComeInAnyOrder_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("--info --json FILE") << QStringList{"--info", "--json", file_};
        QTest::newRow("--json --info FILE") << QStringList{"--json", "--info", file_};
        QTest::newRow("--info FILE --json") << QStringList{"--info", file_, "--json"};
        QTest::newRow("FILE --json --info") << QStringList{file_, "--json", "--info"};
        QTest::newRow("--info=FILE --json") << QStringList{"--info=" + file_, "--json"};
    }
    void infoAndJsonComeInAnyOrder() {
        QFETCH(QStringList, arguments);
        const CliRun run = runTapedeck(arguments);
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(run.err));
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.out));
        QCOMPARE(o["path"].toString(), file_);
        QCOMPARE(o["sampleRate"].toInt(), kRate);
        QCOMPARE(o["frames"].toInteger(), qint64(kRate));
    }

    void anUnknownOptionIsNamed() {
        verifyUsageError(runTapedeck({"--info", file_, "--bogus"}),
                         "Unknown option --bogus. See tapedeck --help.");
        verifyUsageError(runTapedeck({"--bogus=3", "--info", file_}),
                         "Unknown option --bogus. See tapedeck --help.");
    }

    void aMisspeltOptionGetsTheClosestName_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("meant");
        QTest::newRow("dropped letter") << QStringList{"--info", file_, "--jsn"} << "--jsn"
                                        << "--json";
        QTest::newRow("swapped letters") << QStringList{"--recrod", "x.wav"} << "--recrod"
                                         << "--record";
        QTest::newRow("one dash") << QStringList{"-info", file_} << "-info"
                                  << "--info";
        QTest::newRow("capitals") << QStringList{"--Info", file_} << "--Info"
                                  << "--info";
        QTest::newRow("wrong letter")
            << QStringList{"--play", "x.wav", "--output-devise", "USB"} << "--output-devise"
            << "--output-device";
    }
    void aMisspeltOptionGetsTheClosestName() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, typed);
        QFETCH(QString, meant);
        verifyUsageError(runTapedeck(arguments), "Unknown option " + typed + ". Did you mean " +
                                                     meant + "? See tapedeck --help.");
    }

    void aMissingValueIsNamed() {
        verifyUsageError(runTapedeck({"--info", "--json"}),
                         "--info needs a value. See tapedeck --help.");
        const QString take = dir_.filePath("never.wav");
        verifyUsageError(runTapedeck({"--record", take, "--duration"}),
                         "--duration needs a value. See tapedeck --help.");
        QVERIFY(!QFile::exists(take));
        verifyUsageError(runTapedeck({"--export", file_}),
                         "--export needs a sound file and a new file: --export IN OUT.");
    }

    void twoModesAreRefused() {
        verifyUsageError(
            runTapedeck({"--info", file_, "--play", file_}),
            "Choose one of --list-devices, --record, --play, --info, --recover, --export and "
            "--toggle-record.");
        verifyUsageError(runTapedeck({"--info", file_, "--export", file_, "out.wav"}),
                         "Choose one of --list-devices, --record, --play, --info, --recover, "
                         "--export and --toggle-record.");
        verifyUsageError(runTapedeck({"--toggle-record", file_}),
                         "Unexpected argument \"" + file_ + "\". See tapedeck --help.");
    }

    void aStrayArgumentIsNamed() {
        verifyUsageError(runTapedeck({"--info", file_, "extra.wav"}),
                         "Unexpected argument \"extra.wav\". See tapedeck --help.");
    }

    // Each mode's heading, then its options (and no other mode's) before the next heading.
    void helpListsEachModeWithItsOptions() {
        const CliRun run = runTapedeck({"--help"});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split('\n');
        for (const QString& line : lines) {
            QVERIFY2(line.size() <= 100, qPrintable(line));
        }
        const QList<std::pair<QString, QStringList>> modes = {
            {"tapedeck [FILE...]", {}},
            {"tapedeck --list-devices [--json]", {"--json"}},
            {"tapedeck --record FILE [OPTIONS]",
             {"--duration LENGTH", "--start-at TIME", "--input-device NAME", "--layout LAYOUT",
              "--rate HZ", "--channels N", "--input-channels FIRST[-LAST]", "--format FORMAT",
              "--buffer FRAMES", "--start-above DBFS", "--pre-roll SECONDS",
              "--stop-after-silence SECONDS"}},
            {"tapedeck --play FILE [OPTIONS]",
             {"--output-device NAME", "--buffer FRAMES", "--speed X"}},
            {"tapedeck --info FILE [--json] [--no-loudness]", {"--json", "--no-loudness"}},
            {"tapedeck --recover [FOLDER]", {}},
            {"tapedeck --export IN OUT [OPTIONS]",
             {"--from SECONDS", "--to SECONDS", "--format FORMAT", "--loudness LUFS",
              "--true-peak DBTP", "--bitrate KBPS", "--quality Q", "--channels N"}},
            {"tapedeck --toggle-record", {}},
            {"tapedeck --help | --version", {}},
        };
        qsizetype heading = -1;
        for (const auto& [usage, options] : modes) {
            const qsizetype next = lines.indexOf(usage, heading + 1);
            QVERIFY2(next > heading, qPrintable(usage + " is missing or out of order"));
            heading = next;
            // The options listed under this heading: indented lines that start with "--".
            QStringList listed;
            for (qsizetype i = heading + 1; i < lines.size() && !lines[i].isEmpty(); ++i) {
                const QString entry = lines[i].trimmed();
                if (lines[i].startsWith("    --")) {
                    listed << entry.left(entry.indexOf("  ")).trimmed();
                }
            }
            QCOMPARE(listed, options);
        }
    }

    // A start time already past is refused, not started at once nor taken to mean tomorrow.
    void aPastStartTimeIsRefused() {
        const QString take = dir_.filePath("past.wav");
        const QString past = QDateTime::currentDateTime().addSecs(-60).toString(Qt::ISODate);
        const CliRun run = runTapedeck({"--record", take, "--start-at", past});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, kUsageError);
        QVERIFY2(run.err.startsWith("tapedeck: --start-at " + past + " is already past"),
                 qPrintable(run.err));
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(!QFile::exists(take));
        verifyUsageError(runTapedeck({"--record", take, "--duration", "1h30"}),
                         "--duration takes a length greater than 0 such as 90s, 45m, 1h30m, 1h or "
                         "600 (seconds), not \"1h30\".");
        QVERIFY(!QFile::exists(take));
    }

    // Ctrl+C while waiting for --start-at: no file, exit 0. The wait opens no sound device.
    void interruptingTheWaitForAStartTimeRecordsNothing() {
        const QString take = dir_.filePath("interrupted.wav");
        const QString later = QDateTime::currentDateTime().addSecs(120).toString(Qt::ISODate);
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", take, "--start-at", later});
        // The status line says when the take starts (and how long until then).
        tapedeck.setReadChannel(QProcess::StandardError);
        while (!tapedeck.peek(4096).contains("(Ctrl+C to quit)") &&
               tapedeck.waitForReadyRead(10000)) {
        }
        const QString status = QString::fromUtf8(tapedeck.peek(4096));
        QVERIFY2(status.contains(" starts at " + QString(later).replace('T', ' ') + ", in "),
                 qPrintable(status));
        QVERIFY(::kill(static_cast<pid_t>(tapedeck.processId()), SIGINT) == 0);
        const CliRun run = finishTapedeck(tapedeck, 10000);
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("nothing was recorded"), qPrintable(run.err));
        QVERIFY(!QFile::exists(take));
    }

    void versionPrintsTheVersion() {
        const CliRun run = runTapedeck({"--version"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("tapedeck "), qPrintable(run.out));
        QCOMPARE(runTapedeck({"-v"}).out, run.out);
    }
};

QTEST_GUILESS_MAIN(CommandLineParserTest)
#include "CommandLineParserTest.moc"
