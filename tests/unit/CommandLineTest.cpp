#include "app/cli/CommandLine.h"
#include "core/devices/QuietStderr.h"

#include <QtTest>

using namespace tapedeck::cli;

class CommandLineTest : public QObject {
    Q_OBJECT

private slots:
    void onlyDebugAudioOneShowsTheBackEndsMessages_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("shown");
        QTest::newRow("1") << QByteArray("1") << true;
        QTest::newRow("0") << QByteArray("0") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("no") << QByteArray("no") << false;
    }
    void onlyDebugAudioOneShowsTheBackEndsMessages() {
        QFETCH(QByteArray, value);
        QFETCH(bool, shown);
        qputenv("TAPEDECK_DEBUG_AUDIO", value);
        QCOMPARE(tapedeck::QuietStderr::debugRequested(), shown);
        qunsetenv("TAPEDECK_DEBUG_AUDIO");
        QVERIFY(!tapedeck::QuietStderr::debugRequested());
    }

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

    void inputChannelsNameTheTakesInputs() {
        const auto mono = parseCommandLine({"--record", "x.wav", "--input-channels", "2"});
        QVERIFY(mono.commandLine.has_value());
        QCOMPARE(mono.commandLine->firstInputChannel, 2);
        QCOMPARE(mono.commandLine->channels, 1);
        const auto stereo = parseCommandLine({"--record", "x.wav", "--input-channels", "3-4"});
        QVERIFY(stereo.commandLine.has_value());
        QCOMPARE(stereo.commandLine->firstInputChannel, 3);
        QCOMPARE(stereo.commandLine->channels, 2);
        const auto matching =
            parseCommandLine({"--record", "x.wav", "--channels", "2", "--input-channels", "3-4"});
        QVERIFY(matching.commandLine.has_value());
        QCOMPARE(matching.commandLine->channels, 2);
        QCOMPARE(parseCommandLine({"--record", "x.wav"}).commandLine->firstInputChannel, 0);
    }

    void playTakesASpeed() {
        const auto parsed = parseCommandLine({"--play", "x.wav", "--speed", "1.5"});
        QVERIFY(parsed.commandLine.has_value());
        QCOMPARE(parsed.commandLine->mode, Mode::Play);
        QCOMPARE(*parsed.commandLine->speed, 1.5);
        QVERIFY(!parseCommandLine({"--play", "x.wav"}).commandLine->speed.has_value());
        QCOMPARE(*parseCommandLine({"--play", "x", "--speed", "0.5"}).commandLine->speed, 0.5);
        QCOMPARE(*parseCommandLine({"--play", "x", "--speed", "2"}).commandLine->speed, 2.0);
    }

    void badValuesAreExplained_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("duration") << QStringList{"--record", "x.wav", "--duration", "soon"}
                                  << "--duration";
        QTest::newRow("rate") << QStringList{"--record", "x.wav", "--rate", "-3"} << "--rate";
        QTest::newRow("channels") << QStringList{"--record", "x.wav", "--channels", "0"}
                                  << "--channels";
        QTest::newRow("input 0") << QStringList{"--record", "x.wav", "--input-channels", "0"}
                                 << "--input-channels takes an input";
        QTest::newRow("inputs backwards")
            << QStringList{"--record", "x.wav", "--input-channels", "4-3"} << "not \"4-3\"";
        QTest::newRow("inputs not numbers")
            << QStringList{"--record", "x.wav", "--input-channels", "left"} << "not \"left\"";
        QTest::newRow("inputs open span")
            << QStringList{"--record", "x.wav", "--input-channels", "3-"} << "--input-channels";
        QTest::newRow("inputs and channels differ")
            << QStringList{"--record", "x.wav", "--channels", "2", "--input-channels", "3"}
            << "does not match --input-channels";
        QTest::newRow("inputs without record")
            << QStringList{"--play", "x.wav", "--input-channels", "3"}
            << "--input-channels goes with --record";
        QTest::newRow("missing value") << QStringList{"--play"} << "--play needs a value";
        QTest::newRow("unknown") << QStringList{"--frobnicate"} << "Unknown option";
        QTest::newRow("speed too fast") << QStringList{"--play", "a.wav", "--speed", "2.5"}
                                        << "--speed takes a number from 0.5 to 2";
        QTest::newRow("speed not a number")
            << QStringList{"--play", "a.wav", "--speed", "fast"} << "not \"fast\"";
        QTest::newRow("speed too slow")
            << QStringList{"--play", "a.wav", "--speed", "0.4"} << "--speed";
        QTest::newRow("speed without play")
            << QStringList{"--record", "a.wav", "--speed", "1.5"} << "--speed goes with --play";
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
