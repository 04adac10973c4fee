#include "app/cli/CommandLine.h"
#include "core/devices/QuietStderr.h"
#include "core/recording/TakeSchedule.h"

#include <ctime>

#include <QtTest>

using namespace tapedeck::cli;

namespace {
// A local time, as --start-at means it.
std::chrono::system_clock::time_point localTime(int year, int month, int day, int hour, int minute,
                                                int second) {
    std::tm t{};
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    t.tm_hour = hour;
    t.tm_min = minute;
    t.tm_sec = second;
    t.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&t));
}
} // namespace

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

    // The record key is a mode of its own that takes no files and no value.
    void toggleRecordIsTheRecordKey() {
        const auto parsed = parseCommandLine({"--toggle-record"});
        QVERIFY(parsed.commandLine.has_value());
        QCOMPARE(parsed.commandLine->mode, Mode::ToggleRecord);
        QVERIFY(parsed.commandLine->openFiles.empty());
        QVERIFY(!parseCommandLine({"--toggle-record=yes"}).commandLine);
        QVERIFY(!parseCommandLine({"--toggle-record", "--record", "x.wav"}).commandLine);
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
        QTest::newRow("value missing at the end")
            << QStringList{"--record", "x.wav", "--duration"} << "--duration needs a value";
        QTest::newRow("mode without its file")
            << QStringList{"--info", "--json"} << "--info needs a value";
        QTest::newRow("flag given a value") << QStringList{"--json=yes"} << "--json takes no value";
        QTest::newRow("a second file")
            << QStringList{"--info", "a.wav", "b.wav"} << "Unexpected argument \"b.wav\"";
        QTest::newRow("export without OUT")
            << QStringList{"--export", "a.wav", "--from", "1"} << "--export IN OUT";
        QTest::newRow("unknown after a file")
            << QStringList{"--info", "a.wav", "--bogus"} << "Unknown option --bogus.";
        QTest::newRow("three inputs")
            << QStringList{"--record",       "c.wav", "--input-device", "a",
                           "--input-device", "b",     "--input-device", "c"}
            << "--input-device may be given twice at most";
        QTest::newRow("input channels with two inputs")
            << QStringList{"--record",       "c.wav", "--input-device",   "a",
                           "--input-device", "b",     "--input-channels", "2"}
            << "--input-channels chooses inputs of one device";
        QTest::newRow("the same input twice")
            << QStringList{"--record", "c.wav",          "--input-device",
                           "Headset",  "--input-device", "headset"}
            << "Choose two different inputs";
        QTest::newRow("layout with one input")
            << QStringList{"--record", "c.wav", "--layout", "mix"}
            << "--layout goes with two --input-device options";
        QTest::newRow("unknown layout")
            << QStringList{"--record",       "c.wav", "--input-device", "a",
                           "--input-device", "b",     "--layout",       "stereo"}
            << "--layout takes split or mix, not \"stereo\"";
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

    // A mode's values come right after it, or from the plain arguments when an option comes
    // first: the user need not know which option takes what.
    void optionsComeInAnyOrder_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("exportTo");
        QTest::addColumn<bool>("json");
        const int info = static_cast<int>(Mode::Info);
        const int exportSpan = static_cast<int>(Mode::Export);
        const int recover = static_cast<int>(Mode::Recover);
        QTest::newRow("--info --json F")
            << QStringList{"--info", "--json", "f.wav"} << info << "f.wav"
            << "" << true;
        QTest::newRow("--json --info F")
            << QStringList{"--json", "--info", "f.wav"} << info << "f.wav"
            << "" << true;
        QTest::newRow("--info F --json")
            << QStringList{"--info", "f.wav", "--json"} << info << "f.wav"
            << "" << true;
        QTest::newRow("--info=F") << QStringList{"--info=f.wav"} << info << "f.wav"
                                  << "" << false;
        QTest::newRow("--export --from 1 IN OUT")
            << QStringList{"--export", "--from", "1", "in.wav", "out.flac"} << exportSpan
            << "in.wav"
            << "out.flac" << false;
        QTest::newRow("--export IN --to 2 OUT")
            << QStringList{"--export", "in.wav", "--to", "2", "out.flac"} << exportSpan << "in.wav"
            << "out.flac" << false;
        QTest::newRow("--recover") << QStringList{"--recover"} << recover << "."
                                   << "" << false;
        QTest::newRow("--recover --json") << QStringList{"--recover", "--json"} << recover << "."
                                          << "" << true;
        QTest::newRow("--recover FOLDER") << QStringList{"--recover", "takes"} << recover << "takes"
                                          << "" << false;
    }
    void optionsComeInAnyOrder() {
        QFETCH(QStringList, arguments);
        QFETCH(int, mode);
        QFETCH(QString, file);
        QFETCH(QString, exportTo);
        QFETCH(bool, json);
        std::vector<std::string> args;
        for (const auto& a : arguments) {
            args.push_back(a.toStdString());
        }
        const auto parsed = parseCommandLine(args);
        QVERIFY2(parsed.commandLine.has_value(), parsed.error.c_str());
        QCOMPARE(static_cast<int>(parsed.commandLine->mode), mode);
        QCOMPARE(QString::fromStdString(parsed.commandLine->file), file);
        QCOMPARE(QString::fromStdString(parsed.commandLine->exportTo), exportTo);
        QCOMPARE(parsed.commandLine->json, json);
        QVERIFY(parsed.commandLine->openFiles.empty());
    }

    void aValueMayLookLikeANumberOrAnOption() {
        const auto below = parseCommandLine({"--record", "x.wav", "--start-above", "-30"});
        QVERIFY2(below.commandLine.has_value(), below.error.c_str());
        QCOMPARE(*below.commandLine->startAboveDbfs, -30.0);
        const auto joined = parseCommandLine({"--record", "x.wav", "--start-above=-40"});
        QCOMPARE(*joined.commandLine->startAboveDbfs, -40.0);
        // A value is taken whatever it is, so it is checked, not mistaken for the option.
        const auto swallowed = parseCommandLine({"--record", "x.wav", "--duration", "--json"});
        QVERIFY(!swallowed.commandLine.has_value());
        QVERIFY2(swallowed.error.find("not \"--json\"") != std::string::npos,
                 swallowed.error.c_str());
    }

    void twoInputDevicesRecordACall() {
        const auto split = parseCommandLine({"--record", "call.wav", "--input-device", "Headset",
                                             "--input-device", "Speakers (monitor)"});
        QVERIFY2(split.commandLine.has_value(), split.error.c_str());
        QCOMPARE(split.commandLine->inputDevice, std::string("Headset"));
        QCOMPARE(split.commandLine->secondInputDevice, std::string("Speakers (monitor)"));
        QCOMPARE(split.commandLine->layout, std::string("split"));
        const auto mix = parseCommandLine({"--layout", "mix", "--record", "call.wav",
                                           "--input-device", "a", "--input-device", "b"});
        QVERIFY2(mix.commandLine.has_value(), mix.error.c_str());
        QCOMPARE(mix.commandLine->layout, std::string("mix"));
        const auto one = parseCommandLine({"--record", "x.wav", "--input-device", "a"});
        QVERIFY(one.commandLine->secondInputDevice.empty());
    }

    void theLastOfARepeatedOptionCounts() {
        const auto parsed =
            parseCommandLine({"--record", "x.wav", "--duration", "1", "--duration", "2"});
        QVERIFY(parsed.commandLine.has_value());
        QCOMPARE(*parsed.commandLine->durationSeconds, 2.0);
    }

    void aDoubleDashEndsTheOptions() {
        const auto parsed = parseCommandLine({"--", "-odd.wav", "--json"});
        QVERIFY2(parsed.commandLine.has_value(), parsed.error.c_str());
        QCOMPARE(parsed.commandLine->mode, Mode::Gui);
        QCOMPARE(parsed.commandLine->openFiles, (std::vector<std::string>{"-odd.wav", "--json"}));
    }

    void anUnknownOptionGetsTheClosestName_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("--jsn") << QStringList{"--info", "f.wav", "--jsn"}
                               << "Unknown option --jsn. Did you mean --json? See tapedeck --help.";
        QTest::newRow("--stop-after-silense")
            << QStringList{"--record", "x", "--stop-after-silense", "3"}
            << "Unknown option --stop-after-silense. Did you mean --stop-after-silence? See "
               "tapedeck --help.";
        QTest::newRow("--tp") << QStringList{"--export", "a", "b", "--tp", "3"}
                              << "Unknown option --tp. Did you mean --to? See tapedeck --help.";
        QTest::newRow("nothing close")
            << QStringList{"--frobnicate"} << "Unknown option --frobnicate. See tapedeck --help.";
        QTest::newRow("short") << QStringList{"-x"} << "Unknown option -x. See tapedeck --help.";
        QTest::newRow("with a value")
            << QStringList{"--bogus=3"} << "Unknown option --bogus. See tapedeck --help.";
    }
    void anUnknownOptionGetsTheClosestName() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        std::vector<std::string> args;
        for (const auto& a : arguments) {
            args.push_back(a.toStdString());
        }
        const auto parsed = parseCommandLine(args);
        QVERIFY(!parsed.commandLine.has_value());
        QCOMPARE(QString::fromStdString(parsed.error), error);
    }

    void helpAndVersionWinOverEverythingElse() {
        QCOMPARE(parseCommandLine({"--record", "x", "--help"}).commandLine->mode, Mode::Help);
        QCOMPARE(parseCommandLine({"--version"}).commandLine->mode, Mode::Version);
        QCOMPARE(parseCommandLine({"--info", "--bogus", "-h"}).commandLine->mode, Mode::Help);
        QCOMPARE(parseCommandLine({"-v"}).commandLine->mode, Mode::Version);
    }

    void durationTakesLengthsAsPeopleWriteThem_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds");
        QTest::newRow("90s") << "90s" << 90.0;
        QTest::newRow("45m") << "45m" << 2700.0;
        QTest::newRow("1h30m") << "1h30m" << 5400.0;
        QTest::newRow("1h") << "1h" << 3600.0;
        QTest::newRow("1h0m5s") << "1h0m5s" << 3605.0;
        QTest::newRow("2m30s") << "2m30s" << 150.0;
        QTest::newRow("1s") << "1s" << 1.0;
        QTest::newRow("600") << "600" << 600.0;
        QTest::newRow("2.5") << "2.5" << 2.5;
        QTest::newRow("1.5h") << "1.5h" << 5400.0;
    }
    void durationTakesLengthsAsPeopleWriteThem() {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        QCOMPARE(tapedeck::parseDuration(text.toStdString()), std::optional<double>(seconds));
        const auto parsed =
            parseCommandLine({"--record", "x.wav", "--duration", text.toStdString()});
        QVERIFY2(parsed.commandLine.has_value(), parsed.error.c_str());
        QCOMPARE(*parsed.commandLine->durationSeconds, seconds);
    }

    void badDurationsAreExplained_data() {
        QTest::addColumn<QString>("text");
        for (const char* bad : {"", "soon", "0", "0s", "-5", "-5m", "1h30", "30m1h", "1m1m", "5x",
                                "h", "1 h", "1H", "1e3", "inf", "nan", ".s", "1hh"}) {
            QTest::newRow(bad) << QString(bad);
        }
    }
    void badDurationsAreExplained() {
        QFETCH(QString, text);
        QVERIFY(!tapedeck::parseDuration(text.toStdString()).has_value());
        const auto parsed =
            parseCommandLine({"--record", "x.wav", "--duration", text.toStdString()});
        QVERIFY(!parsed.commandLine.has_value());
        QCOMPARE(parsed.error, "--duration takes a length greater than 0 such as 90s, 45m, 1h30m, "
                               "1h or 600 (seconds), not \"" +
                                   text.toStdString() + "\".");
    }

    void startAtReadsTodayOrADateAndTime() {
        const auto now = localTime(2026, 3, 10, 9, 15, 0);
        using tapedeck::parseStartTime;
        QCOMPARE(parseStartTime("14:30", now), std::optional(localTime(2026, 3, 10, 14, 30, 0)));
        // Earlier today stays today (the command line refuses it as past), never tomorrow.
        QCOMPARE(parseStartTime("08:00", now), std::optional(localTime(2026, 3, 10, 8, 0, 0)));
        QCOMPARE(parseStartTime("2026-12-04T14:30", now),
                 std::optional(localTime(2026, 12, 4, 14, 30, 0)));
        QCOMPARE(parseStartTime("2026-12-04 14:30:15", now),
                 std::optional(localTime(2026, 12, 4, 14, 30, 15)));
        QCOMPARE(parseStartTime("2026-12-04T00:00:59", now),
                 std::optional(localTime(2026, 12, 4, 0, 0, 59)));
        for (const char* bad : {"", "14", "14:3", "1430", "24:00", "14:60", "14:30:60", "2pm",
                                "2026-02-30T10:00", "2026-13-01T10:00", "2026-12-04", "2026-12-04T",
                                "2026-12-04X14:30", "2026-12-04T14:30Z", " 14:30", "14:30 "}) {
            QVERIFY2(!parseStartTime(bad, now).has_value(), bad);
        }
    }

    void startAtGoesWithRecordOnly() {
        const auto parsed = parseCommandLine({"--play", "x.wav", "--start-at", "2099-01-01T10:00"});
        QCOMPARE(parsed.error, "--start-at goes with --record FILE. See tapedeck --help.");
        const auto record =
            parseCommandLine({"--record", "x.wav", "--start-at", "2099-01-01T10:00"});
        QVERIFY(record.commandLine.has_value());
        QCOMPARE(*record.commandLine->startAt, localTime(2099, 1, 1, 10, 0, 0));
    }

    void waitsAreShownInHoursMinutesAndSeconds() {
        using namespace std::chrono;
        QCOMPARE(tapedeck::waitText(seconds(45)), "45 s");
        QCOMPARE(tapedeck::waitText(milliseconds(44100)), "45 s");
        QCOMPARE(tapedeck::waitText(seconds(125)), "2 min 5 s");
        QCOMPARE(tapedeck::waitText(seconds(3600)), "1 h 0 min 0 s");
        QCOMPARE(tapedeck::localTimeText(localTime(2026, 12, 4, 14, 30, 5)), "2026-12-04 14:30:05");
    }
};

QTEST_APPLESS_MAIN(CommandLineTest)
#include "CommandLineTest.moc"
