#include "app/cli/CommandLine.h"

#include <charconv>

namespace tapedeck::cli {

namespace {

template <typename T> bool parseNumber(const std::string& text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

bool setMode(CommandLine& cl, Mode mode, std::string& error) {
    if (cl.mode != Mode::Gui && cl.mode != mode) {
        error = "Choose one of --list-devices, --record, --play, --info, --recover and --export.";
        return false;
    }
    cl.mode = mode;
    return true;
}

// "3" or "3-4": a span of inputs counted from 1.
bool parseInputSpan(const std::string& text, int& first, int& last) {
    const auto dash = text.find('-');
    if (dash == std::string::npos) {
        if (!parseNumber(text, first)) {
            return false;
        }
        last = first;
    } else if (!parseNumber(text.substr(0, dash), first) ||
               !parseNumber(text.substr(dash + 1), last)) {
        return false;
    }
    return first >= 1 && last >= first && last <= 64;
}

} // namespace

ParseResult parseCommandLine(const std::vector<std::string>& arguments) {
    CommandLine cl;
    std::string error;
    const auto fail = [&error](std::string message) {
        return ParseResult{std::nullopt, std::move(message)};
    };
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& arg = arguments[i];
        const auto value = [&](std::string& out) {
            if (i + 1 >= arguments.size()) {
                error = arg + " needs a value. See tapedeck --help.";
                return false;
            }
            out = arguments[++i];
            return true;
        };
        std::string text;
        if (arg == "--help" || arg == "-h") {
            cl.mode = Mode::Help;
            return {cl, {}};
        } else if (arg == "--version" || arg == "-v") {
            cl.mode = Mode::Version;
            return {cl, {}};
        } else if (arg == "--list-devices") {
            if (!setMode(cl, Mode::ListDevices, error)) {
                return fail(error);
            }
        } else if (arg == "--json") {
            cl.json = true;
        } else if (arg == "--record" || arg == "--play" || arg == "--info") {
            const Mode mode = arg == "--record" ? Mode::Record
                              : arg == "--play" ? Mode::Play
                                                : Mode::Info;
            if (!setMode(cl, mode, error) || !value(cl.file)) {
                return fail(error);
            }
        } else if (arg == "--recover") {
            if (!setMode(cl, Mode::Recover, error)) {
                return fail(error);
            }
            // The folder is optional: the current one by default.
            cl.file = ".";
            if (i + 1 < arguments.size() && !arguments[i + 1].starts_with("-")) {
                cl.file = arguments[++i];
            }
        } else if (arg == "--export") {
            if (!setMode(cl, Mode::Export, error)) {
                return fail(error);
            }
            if (!value(cl.file) || !value(cl.exportTo)) {
                return fail("--export needs a sound file and a new file: --export IN OUT.");
            }
        } else if (arg == "--from" || arg == "--to") {
            double seconds = 0;
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, seconds) || seconds < 0) {
                return fail(arg + " takes a number of seconds (0 or more), not \"" + text + "\".");
            }
            (arg == "--from" ? cl.fromSeconds : cl.toSeconds) = seconds;
        } else if (arg == "--duration") {
            double seconds = 0;
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, seconds) || seconds <= 0) {
                return fail("--duration takes a number of seconds greater than 0, not \"" + text +
                            "\".");
            }
            cl.durationSeconds = seconds;
        } else if (arg == "--input-device") {
            if (!value(cl.inputDevice)) {
                return fail(error);
            }
        } else if (arg == "--output-device") {
            if (!value(cl.outputDevice)) {
                return fail(error);
            }
        } else if (arg == "--rate") {
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, cl.sampleRate) || cl.sampleRate <= 0) {
                return fail("--rate takes a sample rate in Hz such as 48000, not \"" + text +
                            "\".");
            }
        } else if (arg == "--channels") {
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, cl.channels) || cl.channels < 1 || cl.channels > 64) {
                return fail("--channels takes a number from 1 to 64, not \"" + text + "\".");
            }
        } else if (arg == "--input-channels") {
            if (!value(text)) {
                return fail(error);
            }
            if (!parseInputSpan(text, cl.firstInputChannel, cl.lastInputChannel)) {
                return fail("--input-channels takes an input such as 2, or a span of inputs "
                            "such as 3-4 (counted from 1, up to 64), not \"" +
                            text + "\".");
            }
        } else if (arg == "--buffer") {
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, cl.bufferFrames) || cl.bufferFrames < 16) {
                return fail("--buffer takes a number of frames (16 or more), not \"" + text +
                            "\".");
            }
        } else if (arg == "--start-above") {
            double dbfs = 0;
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, dbfs) || dbfs > 0 || dbfs < -120) {
                return fail("--start-above takes a level in dBFS from -120 to 0, such as -30, "
                            "not \"" +
                            text + "\".");
            }
            cl.startAboveDbfs = dbfs;
        } else if (arg == "--pre-roll") {
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, cl.preRollSeconds) || cl.preRollSeconds < 0 ||
                cl.preRollSeconds > 30) {
                return fail("--pre-roll takes a number of seconds from 0 to 30, not \"" + text +
                            "\".");
            }
        } else if (arg == "--stop-after-silence") {
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, cl.stopAfterSilenceSeconds) || cl.stopAfterSilenceSeconds <= 0) {
                return fail("--stop-after-silence takes a number of seconds greater than 0, "
                            "not \"" +
                            text + "\".");
            }
        } else if (arg == "--speed") {
            double speed = 0;
            if (!value(text)) {
                return fail(error);
            }
            if (!parseNumber(text, speed) || !(speed >= 0.5 && speed <= 2.0)) {
                return fail("--speed takes a number from 0.5 to 2 (1 is normal speed), not \"" +
                            text + "\".");
            }
            cl.speed = speed;
        } else if (arg == "--format") {
            if (!value(cl.format)) {
                return fail(error);
            }
            cl.formatGiven = true;
        } else if (arg.starts_with("-") && arg != "-") {
            return fail("Unknown option " + arg + ". See tapedeck --help.");
        } else {
            cl.openFiles.push_back(arg);
        }
    }
    if ((cl.fromSeconds || cl.toSeconds) && cl.mode != Mode::Export) {
        return fail("--from and --to go with --export. See tapedeck --help.");
    }
    if (cl.fromSeconds && cl.toSeconds && *cl.toSeconds <= *cl.fromSeconds) {
        return fail("--to must come after --from.");
    }
    if (cl.mode != Mode::Gui && !cl.openFiles.empty()) {
        return fail("Unexpected argument \"" + cl.openFiles.front() + "\". See tapedeck --help.");
    }
    if (cl.firstInputChannel > 0) {
        const int span = cl.lastInputChannel - cl.firstInputChannel + 1;
        if (cl.mode != Mode::Record) {
            return fail("--input-channels goes with --record FILE. See tapedeck --help.");
        }
        if (cl.channels > 0 && cl.channels != span) {
            return fail("--channels " + std::to_string(cl.channels) +
                        " does not match "
                        "--input-channels, which names " +
                        std::to_string(span) + " input" + (span == 1 ? "" : "s") +
                        ". Leave out --channels.");
        }
        cl.channels = span;
    }
    if (cl.speed && cl.mode != Mode::Play) {
        return fail("--speed goes with --play FILE. See tapedeck --help.");
    }
    return {cl, {}};
}

std::string helpText() {
    return R"(Usage:
  tapedeck [FILE...]                 open the window (and these files)
  tapedeck --list-devices [--json]   list audio devices
  tapedeck --record FILE [--duration SECONDS] [--input-device NAME] [--rate HZ]
                         [--channels N | --input-channels FIRST[-LAST]]
                         [--format wav|wav16|wav32f|flac|ogg] [--buffer FRAMES]
                         [--start-above DBFS] [--pre-roll SECONDS]
                         [--stop-after-silence SECONDS]
  tapedeck --play FILE [--output-device NAME] [--buffer FRAMES] [--speed X]
  tapedeck --info FILE [--json]      format, duration and levels of a sound file
  tapedeck --recover [FOLDER]        repair takes a crash left unfinished (default: .)
  tapedeck --export IN OUT [--from SECONDS] [--to SECONDS]
                           [--format wav|wav16|wav32f|flac|ogg]
                                     write a span of IN to the new file OUT, sample for sample
  tapedeck --help | --version

Device NAME matches a device's name (as the desktop's sound settings show it) or its id,
exactly or by a unique part of it; the default is the system's default device. Without
--rate and --channels, a take has the device's own rate and channel count.
--input-channels picks the device's inputs that feed the take, counted from 1: 2 makes a mono
take from input 2, 3-4 a stereo take from inputs 3 and 4 (--list-devices shows how many
inputs a device has). --record stops after --duration, or on Ctrl+C, and keeps every
sample recorded. --start-above waits (one status line) until the input's level reaches DBFS
and starts the take then; Ctrl+C while waiting quits without creating a file. --pre-roll
keeps that many seconds (0-30) from before the trigger. --stop-after-silence ends the take
once the level stayed below the --start-above level (or -50 dBFS) that long. --duration
counts the whole take, pre-roll included. Recording never overwrites an existing file.
If Tapedeck is killed or the computer stops mid-take, --recover makes the take whole again.
--speed plays faster or slower at the same pitch, from 0.5 to 2 (1.5 plays a 3-minute file
in 2 minutes); the time shown stays the file's. --export never writes over an existing OUT;
without --format the format comes from OUT's extension (.wav, .flac, .ogg), keeping IN's
encoding where that format can hold it.
)";
}

} // namespace tapedeck::cli
