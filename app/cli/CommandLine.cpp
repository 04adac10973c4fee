#include "app/cli/CommandLine.h"

#include "app/cli/HelpFormatter.h"
#include "app/cli/OptionSuggestion.h"
#include "core/recording/TakeSchedule.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>

namespace tapedeck::cli {

namespace {

const std::string kSeeHelp = "See tapedeck --help.";

// An option that takes one value. CLI11 hands the value over as text and Tapedeck checks it
// below, so each error says what the option takes in Tapedeck's words (tests quote them).
struct ValueOption {
    const char* name;
    const char* valueName;
    const char* description;
};

const ValueOption kValueOptions[] = {
    {"--duration", "LENGTH",
     "stop after this long, pre-roll included: 90s, 45m, 1h30m, 1h, or seconds (600, 2.5)"},
    {"--start-at", "TIME",
     "wait until this local time, HH:MM today or a date and time such as 2026-12-04T14:30 or "
     "\"2026-12-04 14:30:15\", and start the take then; Ctrl+C while waiting creates no file"},
    {"--input-device", "NAME",
     "record from this device: its name or id, exactly or by a unique part, case ignored "
     "(default: the system's default input). Given twice, the take records both, such as a "
     "microphone and what the computer plays (a call), on one timeline"},
    {"--layout", "LAYOUT",
     "with two inputs: split (the default: the first input on the left, the second on the "
     "right, each folded to mono) or mix (both summed in stereo, limited rather than "
     "clipped)"},
    {"--output-device", "NAME",
     "play to this device: its name or id, exactly or by a unique part, case ignored (default: "
     "the system's default output)"},
    {"--rate", "HZ", "sample rate, such as 48000 (default: the device's own)"},
    {"--channels", "N", "1 to 64 (default: the device's own: a mono microphone gives a mono take)"},
    {"--input-channels", "FIRST[-LAST]",
     "the device's inputs that feed the take, counted from 1: 2 makes a mono take from input "
     "2, 3-4 a stereo take from inputs 3 and 4 (--list-devices shows how many a device has)"},
    {"--format", "FORMAT", "wav (24-bit, the default), wav16, wav32f, flac or ogg"},
    {"--buffer", "FRAMES", "frames per audio callback, 16 or more (default: PortAudio's choice)"},
    {"--start-above", "DBFS",
     "wait, with one status line, until the input reaches this level (-120 to 0, such as -30), "
     "and start the take then; Ctrl+C while waiting creates no file"},
    {"--pre-roll", "SECONDS", "keep this much from before --start-above's trigger (0 to 30)"},
    {"--stop-after-silence", "SECONDS",
     "end the take once the level has stayed below --start-above's level (or -50 dBFS) this "
     "long"},
    {"--speed", "X",
     "faster or slower at the same pitch, 0.5 to 2 (1.5 plays a 3-minute file in 2 minutes); "
     "the time shown stays the file's"},
    {"--from", "SECONDS", "where the span starts (default: 0)"},
    {"--to", "SECONDS", "where the span ends (default: the end of IN)"},
    {"--loudness", "LUFS",
     "bring the export to this integrated loudness (EBU R128), -50 to -5: -16 for podcasts, "
     "-19 for mono podcasts, -23 for broadcast, -14 for streaming"},
    {"--true-peak", "DBTP",
     "with --loudness: the true peak the export may not pass, -20 to 0 (default -1); a "
     "look-ahead limiter holds it, never clipping"},
    {"--bitrate", "KBPS",
     "MP3: constant bitrate, 64 to 320 (default 192); Opus: per channel, 6 to 256 (default 64)"},
    {"--quality", "Q", "MP3: variable bitrate at this quality, 0 (best) to 9 (smallest)"},
};

// A mode takes its values right after it (--info FILE) or, when an option comes next, from
// the plain arguments left over, so options may come in any order (--info --json FILE).
// CLI11 lets the mode take up to maxValues arguments that are not options; the rest of the
// plain arguments are files to open only when no mode is given.
struct ModeOption {
    const char* name;
    Mode mode;
    int minValues;
    int maxValues;
};

const ModeOption kModeOptions[] = {
    {"--list-devices", Mode::ListDevices, 0, 0},
    {"--record", Mode::Record, 1, 1},
    {"--play", Mode::Play, 1, 1},
    {"--info", Mode::Info, 1, 1},
    {"--recover", Mode::Recover, 0, 1},
    {"--export", Mode::Export, 2, 2},
    {"--toggle-record", Mode::ToggleRecord, 0, 0},
};

const char* const kFlags[][2] = {
    {"--json", "print JSON"},
    {"--no-loudness", "skip the loudness measurement"},
    {"-h,--help", "show this help"},
    {"-v,--version", "show the version"},
};

std::string helpPreamble() {
    return "Usage: tapedeck [FILE...] | tapedeck MODE [OPTIONS]\n"
           "Options and files may come in any order: tapedeck --info --json FILE is\n"
           "tapedeck --info FILE --json. Every error exits non-zero with one line on stderr.\n";
}

std::vector<HelpMode> helpModes() {
    return {
        {"tapedeck [FILE...]", "Open the window, with these files in it.", {}},
        {"tapedeck --list-devices [--json]",
         "List the audio devices by the names the desktop's sound settings use: microphones "
         "and inputs, what the computer plays (monitors), speakers and outputs, and raw hardware.",
         {{"--json", "each device's name, id, kind, advanced, channels, rate, and which is the "
                     "default, as JSON"}}},
        {"tapedeck --record FILE [OPTIONS]",
         "Record a take into the new file FILE (never over an existing one) until --duration "
         "has passed, or Ctrl+C or SIGTERM; every sample recorded is kept.",
         {{"--duration", ""},
          {"--start-at", ""},
          {"--input-device", ""},
          {"--layout", ""},
          {"--rate", ""},
          {"--channels", ""},
          {"--input-channels", ""},
          {"--format", ""},
          {"--buffer", ""},
          {"--start-above", ""},
          {"--pre-roll", ""},
          {"--stop-after-silence", ""}}},
        {"tapedeck --play FILE [OPTIONS]",
         "Play FILE to the end, resampled if the device cannot run at its rate.",
         {{"--output-device", ""}, {"--buffer", ""}, {"--speed", ""}}},
        {"tapedeck --info FILE [--json] [--no-loudness]",
         "Show FILE's format, duration, peak, RMS and clipped samples per channel, EBU R128 "
         "loudness (integrated LUFS, loudness range, true peak), bext fields and markers.",
         {{"--json", "the same as JSON"},
          {"--no-loudness", "leave out the loudness figures, for a faster answer"}}},
        {"tapedeck --recover [FOLDER]",
         "Repair the takes a crash, a kill or a power cut left unfinished in FOLDER (default: "
         "the current folder), keeping every sample that reached the disk.",
         {}},
        {"tapedeck --export IN OUT [OPTIONS]",
         "Write a span of IN to the new file OUT (never over an existing one): sample for "
         "sample, or encoded as MP3 or Opus, or brought to a loudness. MP3 and Opus get the "
         "take's name, date and markers as tags and chapters.",
         {{"--from", ""},
          {"--to", ""},
          {"--format", "wav, wav16, wav32f, flac, ogg, mp3 or opus (default: from OUT's "
                       "extension, .wav, .flac, .ogg, .mp3 or .opus, keeping IN's encoding where "
                       "that format can hold it)"},
          {"--loudness", ""},
          {"--true-peak", ""},
          {"--bitrate", ""},
          {"--quality", ""},
          {"--channels", "1 mixes every channel to mono; 2 folds odd channels to the left and "
                         "even to the right (MP3 holds two at most)"}}},
        {"tapedeck --toggle-record",
         "The record key: start a take in the open Tapedeck window, or stop the take in "
         "progress (with no window open, open one and start). Ends at once and says what it "
         "did. Bind it to a key in the desktop's keyboard settings (see README.md).",
         {}},
        {"tapedeck --help | --version", "Show this help, or Tapedeck's version.", {}},
    };
}

// Every option tapedeck knows; `files` receives the plain arguments.
void defineOptions(CLI::App& app, std::vector<std::string>& files) {
    // The help is a mode like the others (it wins over them), not CLI11's exception.
    app.set_help_flag();
    app.formatter(std::make_shared<HelpFormatter>(helpPreamble(), helpModes()));
    // Unknown options are collected, not thrown, so that the message can suggest a name.
    app.allow_extras();
    // Every value is kept: a repeated option's last value counts, as it always has.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    for (const auto& [names, description] : kFlags) {
        app.add_flag(names, description);
    }
    for (const ModeOption& mode : kModeOptions) {
        if (mode.maxValues == 0) {
            app.add_flag(mode.name);
        } else {
            app.add_option(mode.name)->expected(0, mode.maxValues);
        }
    }
    for (const ValueOption& option : kValueOptions) {
        app.add_option(option.name, option.description)->type_name(option.valueName);
    }
    app.add_option("files", files);
}

// The values an option was given, in order, or none when it is absent.
std::vector<std::string> valuesOf(const CLI::App& app, const std::string& name) {
    std::vector<std::string> values;
    for (const std::string& value : app.get_option(name)->results()) {
        // A mode given without a value (--info --json) records an empty one.
        if (!value.empty()) {
            values.push_back(value);
        }
    }
    return values;
}

bool given(const CLI::App& app, const std::string& name) {
    return app.get_option(name)->count() > 0;
}

std::string unknownOption(const CLI::App& app, const std::string& argument) {
    // --bogus=3 is the option --bogus.
    const std::string name = argument.substr(0, argument.find('='));
    const std::string closest = closestOption(app, name);
    return "Unknown option " + name + "." +
           (closest.empty() ? "" : " Did you mean " + closest + "?") + " " + kSeeHelp;
}

// CLI11 stops only when an option that takes a value is the last argument, with nothing
// left to take (it takes the next argument whatever it is, so --start-above -30 works).
std::string parseFailure(const CLI::App& app, const CLI::ParseError& error,
                         const std::vector<std::string>& arguments) {
    if (!arguments.empty()) {
        const std::string last = arguments.back().substr(0, arguments.back().find('='));
        if (app.get_option_no_throw(last) != nullptr) {
            return last + " needs a value. " + kSeeHelp;
        }
    }
    return error.what() + (". " + kSeeHelp);
}

template <typename T> bool parseNumber(const std::string& text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
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

// The mode and its values, which come right after it or from the plain arguments; what is
// left of those is files to open in the window. Returns an error, or "".
std::string readMode(const CLI::App& app, std::vector<std::string> files, CommandLine& cl) {
    const ModeOption* chosen = nullptr;
    for (const ModeOption& mode : kModeOptions) {
        if (!given(app, mode.name)) {
            continue;
        }
        if (chosen != nullptr && chosen->mode != mode.mode) {
            return "Choose one of --list-devices, --record, --play, --info, --recover, --export "
                   "and --toggle-record.";
        }
        chosen = &mode;
    }
    if (chosen == nullptr) {
        cl.openFiles = std::move(files);
        return {};
    }
    cl.mode = chosen->mode;
    // A mode that takes no value is a flag, whose one value is "true".
    std::vector<std::string> values;
    if (chosen->maxValues > 0) {
        values = valuesOf(app, chosen->name);
    }
    while (static_cast<int>(values.size()) < chosen->maxValues && !files.empty()) {
        values.push_back(files.front());
        files.erase(files.begin());
    }
    if (static_cast<int>(values.size()) < chosen->minValues) {
        return chosen->mode == Mode::Export
                   ? "--export needs a sound file and a new file: --export IN OUT."
                   : std::string(chosen->name) + " needs a value. " + kSeeHelp;
    }
    if (static_cast<int>(values.size()) > chosen->maxValues) {
        files.insert(files.begin(), values.begin() + chosen->maxValues, values.end());
    }
    if (!files.empty()) {
        return "Unexpected argument \"" + files.front() + "\". " + kSeeHelp;
    }
    // --recover without a folder repairs the current one.
    cl.file = values.empty() ? (chosen->mode == Mode::Recover ? "." : "") : values[0];
    if (values.size() > 1) {
        cl.exportTo = values[1];
    }
    return {};
}

// The value options, each checked for what it takes. Returns an error, or "".
std::string readValues(const CLI::App& app, CommandLine& cl) {
    const auto last = [&app](const char* name) { return app.get_option(name)->results().back(); };
    std::string text;
    for (const char* name : {"--from", "--to"}) {
        if (given(app, name)) {
            double seconds = 0;
            text = last(name);
            if (!parseNumber(text, seconds) || seconds < 0) {
                return std::string(name) + " takes a number of seconds (0 or more), not \"" + text +
                       "\".";
            }
            (name == std::string("--from") ? cl.fromSeconds : cl.toSeconds) = seconds;
        }
    }
    if (given(app, "--duration")) {
        text = last("--duration");
        if (!(cl.durationSeconds = parseDuration(text))) {
            return "--duration takes a length greater than 0 such as 90s, 45m, 1h30m, 1h or 600 "
                   "(seconds), not \"" +
                   text + "\".";
        }
    }
    if (given(app, "--start-at")) {
        const auto now = std::chrono::system_clock::now();
        text = last("--start-at");
        if (!(cl.startAt = parseStartTime(text, now))) {
            return "--start-at takes a local time, HH:MM for today or a date and time such as "
                   "2026-12-04T14:30 or \"2026-12-04 14:30:15\", not \"" +
                   text + "\".";
        }
        if (*cl.startAt <= now) {
            // A past time is never taken to mean tomorrow: say how to ask for tomorrow.
            const std::string tomorrow = localTimeText(now + std::chrono::hours(24)).substr(0, 10);
            return "--start-at " + text + " is already past (it is " + localTimeText(now) +
                   " now), so nothing was recorded. Give a time still to come; for tomorrow, "
                   "add the date, such as " +
                   tomorrow + "T" + (text.size() == 5 ? text : "14:30") + ".";
        }
    }
    if (given(app, "--input-device")) {
        const auto& devices = app.get_option("--input-device")->results();
        if (devices.size() > 2) {
            return "--input-device may be given twice at most: a take records one or two "
                   "inputs.";
        }
        cl.inputDevice = devices.front();
        if (devices.size() == 2) {
            cl.secondInputDevice = devices.back();
        }
    }
    if (given(app, "--layout")) {
        cl.layout = last("--layout");
        cl.layoutGiven = true;
        if (cl.layout != "split" && cl.layout != "mix") {
            return "--layout takes split or mix, not \"" + cl.layout + "\".";
        }
    }
    if (given(app, "--output-device")) {
        cl.outputDevice = last("--output-device");
    }
    if (given(app, "--rate")) {
        text = last("--rate");
        if (!parseNumber(text, cl.sampleRate) || cl.sampleRate <= 0) {
            return "--rate takes a sample rate in Hz such as 48000, not \"" + text + "\".";
        }
    }
    if (given(app, "--channels")) {
        text = last("--channels");
        if (!parseNumber(text, cl.channels) || cl.channels < 1 || cl.channels > 64) {
            return "--channels takes a number from 1 to 64, not \"" + text + "\".";
        }
    }
    if (given(app, "--input-channels")) {
        text = last("--input-channels");
        if (!parseInputSpan(text, cl.firstInputChannel, cl.lastInputChannel)) {
            return "--input-channels takes an input such as 2, or a span of inputs such as 3-4 "
                   "(counted from 1, up to 64), not \"" +
                   text + "\".";
        }
    }
    if (given(app, "--buffer")) {
        text = last("--buffer");
        if (!parseNumber(text, cl.bufferFrames) || cl.bufferFrames < 16) {
            return "--buffer takes a number of frames (16 or more), not \"" + text + "\".";
        }
    }
    if (given(app, "--start-above")) {
        double dbfs = 0;
        text = last("--start-above");
        if (!parseNumber(text, dbfs) || dbfs > 0 || dbfs < -120) {
            return "--start-above takes a level in dBFS from -120 to 0, such as -30, not \"" +
                   text + "\".";
        }
        cl.startAboveDbfs = dbfs;
    }
    if (given(app, "--pre-roll")) {
        text = last("--pre-roll");
        if (!parseNumber(text, cl.preRollSeconds) || cl.preRollSeconds < 0 ||
            cl.preRollSeconds > 30) {
            return "--pre-roll takes a number of seconds from 0 to 30, not \"" + text + "\".";
        }
    }
    if (given(app, "--stop-after-silence")) {
        text = last("--stop-after-silence");
        if (!parseNumber(text, cl.stopAfterSilenceSeconds) || cl.stopAfterSilenceSeconds <= 0) {
            return "--stop-after-silence takes a number of seconds greater than 0, not \"" + text +
                   "\".";
        }
    }
    if (given(app, "--speed")) {
        double speed = 0;
        text = last("--speed");
        if (!parseNumber(text, speed) || !(speed >= 0.5 && speed <= 2.0)) {
            return "--speed takes a number from 0.5 to 2 (1 is normal speed), not \"" + text +
                   "\".";
        }
        cl.speed = speed;
    }
    if (given(app, "--loudness")) {
        double lufs = 0;
        text = last("--loudness");
        if (!parseNumber(text, lufs) || lufs < -50 || lufs > -5) {
            return "--loudness takes a loudness in LUFS from -50 to -5, such as -16, not \"" +
                   text + "\".";
        }
        cl.loudnessLufs = lufs;
    }
    if (given(app, "--true-peak")) {
        double dbtp = 0;
        text = last("--true-peak");
        if (!parseNumber(text, dbtp) || dbtp < -20 || dbtp > 0) {
            return "--true-peak takes a level in dBTP from -20 to 0, such as -1, not \"" + text +
                   "\".";
        }
        cl.truePeakDbtp = dbtp;
    }
    if (given(app, "--bitrate")) {
        int kbps = 0;
        text = last("--bitrate");
        if (!parseNumber(text, kbps) || kbps < 6 || kbps > 320) {
            return "--bitrate takes kbit/s: 64 to 320 for MP3, 6 to 256 per channel for Opus, "
                   "not \"" +
                   text + "\".";
        }
        cl.bitrateKbps = kbps;
    }
    if (given(app, "--quality")) {
        int quality = 0;
        text = last("--quality");
        if (!parseNumber(text, quality) || quality < 0 || quality > 9) {
            return "--quality takes an MP3 quality from 0 (best) to 9 (smallest file), not \"" +
                   text + "\".";
        }
        cl.vbrQuality = quality;
    }
    if (given(app, "--format")) {
        // Checked by the command: --record and --export accept different formats.
        cl.format = last("--format");
        cl.formatGiven = true;
    }
    return {};
}

// The options that only make sense together. Returns an error, or "".
std::string checkCombinations(CommandLine& cl) {
    if ((cl.fromSeconds || cl.toSeconds) && cl.mode != Mode::Export) {
        return "--from and --to go with --export. " + kSeeHelp;
    }
    if (cl.fromSeconds && cl.toSeconds && *cl.toSeconds <= *cl.fromSeconds) {
        return "--to must come after --from.";
    }
    if (!cl.secondInputDevice.empty()) {
        if (cl.mode != Mode::Record) {
            return "Two --input-device options go with --record FILE. " + kSeeHelp;
        }
        if (cl.firstInputChannel > 0) {
            return "--input-channels chooses inputs of one device and does not go with a second "
                   "--input-device. Leave out --input-channels to record both devices whole.";
        }
        if (cl.channels > 0) {
            return "--channels does not go with two inputs: the take has one channel per input "
                   "(--layout split) or is stereo (--layout mix). Leave out --channels.";
        }
        const auto lower = [](std::string text) {
            std::transform(text.begin(), text.end(), text.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            return text;
        };
        if (lower(cl.inputDevice) == lower(cl.secondInputDevice)) {
            return "Both --input-device options name \"" + cl.inputDevice +
                   "\". Choose two different inputs, such as a microphone and what the computer "
                   "plays.";
        }
    } else if (cl.layoutGiven) {
        return "--layout goes with two --input-device options (a take of two inputs).";
    }
    if (cl.firstInputChannel > 0) {
        const int span = cl.lastInputChannel - cl.firstInputChannel + 1;
        if (cl.mode != Mode::Record) {
            return "--input-channels goes with --record FILE. " + kSeeHelp;
        }
        if (cl.channels > 0 && cl.channels != span) {
            return "--channels " + std::to_string(cl.channels) +
                   " does not match --input-channels, which names " + std::to_string(span) +
                   " input" + (span == 1 ? "" : "s") + ". Leave out --channels.";
        }
        cl.channels = span;
    }
    const bool exportOptions =
        cl.loudnessLufs || cl.truePeakDbtp || cl.bitrateKbps || cl.vbrQuality;
    if (exportOptions && cl.mode != Mode::Export) {
        return "--loudness, --true-peak, --bitrate and --quality go with --export. " + kSeeHelp;
    }
    if (cl.truePeakDbtp && !cl.loudnessLufs) {
        return "--true-peak goes with --loudness: give the loudness to reach too.";
    }
    if (cl.loudnessLufs && cl.truePeakDbtp && *cl.truePeakDbtp <= *cl.loudnessLufs) {
        return "--true-peak must be above --loudness.";
    }
    if (cl.mode == Mode::Export && cl.channels > 2) {
        return "--channels with --export folds to 1 (mono) or 2 (stereo), not " +
               std::to_string(cl.channels) + ".";
    }
    if (!cl.loudness && cl.mode != Mode::Info) {
        return "--no-loudness goes with --info FILE. " + kSeeHelp;
    }
    if (cl.startAt && cl.mode != Mode::Record) {
        return "--start-at goes with --record FILE. " + kSeeHelp;
    }
    if (cl.speed && cl.mode != Mode::Play) {
        return "--speed goes with --play FILE. " + kSeeHelp;
    }
    return {};
}

} // namespace

ParseResult parseCommandLine(const std::vector<std::string>& arguments) {
    const auto fail = [](std::string message) {
        return ParseResult{std::nullopt, std::move(message)};
    };
    CLI::App app{"", "tapedeck"};
    std::vector<std::string> files;
    defineOptions(app, files);
    try {
        // CLI11 reads its arguments from the back.
        app.parse(std::vector<std::string>(arguments.rbegin(), arguments.rend()));
    } catch (const CLI::ParseError& error) {
        return fail(parseFailure(app, error, arguments));
    }

    CommandLine cl;
    // Asking for help or the version wins over everything else on the line.
    if (given(app, "--help")) {
        cl.mode = Mode::Help;
        return {cl, {}};
    }
    if (given(app, "--version")) {
        cl.mode = Mode::Version;
        return {cl, {}};
    }
    for (const std::string& extra : app.remaining()) {
        // "--" ends the options (the arguments after it are files); CLI11 lists it here.
        if (extra != "--") {
            return fail(unknownOption(app, extra));
        }
    }
    for (const CLI::Option* option : app.get_options()) {
        // A flag given a value (--json=yes) records that value instead of "true".
        if (option->get_items_expected_max() == 0 && option->count() > 0 &&
            option->results().back() != "true") {
            return fail(option->get_name() + " takes no value. " + kSeeHelp);
        }
    }
    cl.json = given(app, "--json");
    cl.loudness = !given(app, "--no-loudness");
    std::string error = readMode(app, std::move(files), cl);
    if (error.empty()) {
        error = readValues(app, cl);
    }
    if (error.empty()) {
        error = checkCombinations(cl);
    }
    if (!error.empty()) {
        return fail(error);
    }
    return {cl, {}};
}

std::string helpText() {
    CLI::App app{"", "tapedeck"};
    std::vector<std::string> files;
    defineOptions(app, files);
    return app.help();
}

} // namespace tapedeck::cli
