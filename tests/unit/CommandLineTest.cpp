#include "cli/CommandLine.h"

#include <QtTest>

using namespace tapedeck::cli;

class CommandLineTest : public QObject {
    Q_OBJECT

private slots:
    void noArgumentsOpensTheWindow() {
        const auto parsed = parseCommandLine({});
        QVERIFY(parsed.commandLine.has_value());
        QCOMPARE(parsed.commandLine->mode, Mode::Gui);
    }

    void plainArgumentsAreFilesToOpen() {
        const auto parsed = parseCommandLine({"a.wav", "b.flac"});
        QCOMPARE(parsed.commandLine->openFiles.size(), std::size_t(2));
    }

    void recordTakesAllItsOptions() {
        const auto parsed =
            parseCommandLine({"--record", "x.flac", "--duration", "2.5", "--input-device", "USB",
                              "--rate", "44100", "--channels", "1", "--format", "flac"});
        QVERIFY(parsed.commandLine.has_value());
        const CommandLine& cl = *parsed.commandLine;
        QCOMPARE(cl.mode, Mode::Record);
        QCOMPARE(cl.file, std::string("x.flac"));
        QCOMPARE(*cl.durationSeconds, 2.5);
        QCOMPARE(cl.inputDevice, std::string("USB"));
        QCOMPARE(cl.sampleRate, 44100);
        QCOMPARE(cl.channels, 1);
        QCOMPARE(cl.format, std::string("flac"));
    }

    void badValuesAreExplained_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("duration") << QStringList{"--record", "x.wav", "--duration", "soon"}
                                  << "--duration";
        QTest::newRow("rate") << QStringList{"--record", "x.wav", "--rate", "-3"} << "--rate";
        QTest::newRow("channels") << QStringList{"--record", "x.wav", "--channels", "0"}
                                  << "--channels";
        QTest::newRow("missing value") << QStringList{"--play"} << "--play needs a value";
        QTest::newRow("unknown") << QStringList{"--frobnicate"} << "Unknown option";
        QTest::newRow("two modes") << QStringList{"--play", "a", "--record", "b"} << "Choose one";
    }
    void badValuesAreExplained() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        std::vector<std::string> args;
        for (const auto& a : arguments) {
            args.push_back(a.toStdString());
        }
        const auto parsed = parseCommandLine(args);
        QVERIFY(!parsed.commandLine.has_value());
        QVERIFY2(QString::fromStdString(parsed.error).contains(mentions), parsed.error.c_str());
    }

    void helpAndVersionWinOverEverythingElse() {
        QCOMPARE(parseCommandLine({"--record", "x", "--help"}).commandLine->mode, Mode::Help);
        QCOMPARE(parseCommandLine({"--version"}).commandLine->mode, Mode::Version);
    }
};

QTEST_APPLESS_MAIN(CommandLineTest)
#include "CommandLineTest.moc"
