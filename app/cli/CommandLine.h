#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tapedeck::cli {

enum class Mode {
    Gui,
    ListDevices,
    Record,
    Play,
    Info,
    Recover,
    Export,
    ToggleRecord, // the record key: start or stop a take in the window
    Help,
    Version
};

// What the user asked for on the command line.
struct CommandLine {
    Mode mode = Mode::Gui;
    bool json = false;
    bool loudness = true;               // --info: measure EBU R128 loudness (--no-loudness: false)
    std::string file;                   // --record / --play / --info FILE, --recover FOLDER
    std::vector<std::string> openFiles; // plain arguments: files to open in the window
    std::optional<double> durationSeconds;
    // --start-at: when the take starts (a wall-clock moment still to come when parsed).
    std::optional<std::chrono::system_clock::time_point> startAt;
    std::string inputDevice;
    // A second --input-device: the take records both (a call); empty: one input.
    std::string secondInputDevice;
    std::string layout = "split"; // --layout split|mix, with two inputs
    bool layoutGiven = false;
    std::string outputDevice;
    int sampleRate = 0; // 0: the device's own rate
    // 0: the device's own count (a mono mic gives a mono take); --export: fold to 1 or 2.
    int channels = 0;
    // --input-channels FIRST[-LAST]: the device's inputs that feed the take; 0: inputs 1..N.
    int firstInputChannel = 0;
    int lastInputChannel = 0;
    std::string format = "wav";
    bool formatGiven = false;           // --format was on the command line
    std::string exportTo;               // --export IN OUT: OUT
    std::optional<double> fromSeconds;  // --export: where the span starts (default: 0)
    std::optional<double> toSeconds;    // --export: where it ends (default: the end)
    std::optional<double> loudnessLufs; // --export --loudness: integrated loudness to reach
    std::optional<double> truePeakDbtp; // --export --true-peak: the ceiling (default -1)
    std::optional<int> bitrateKbps;     // --export --bitrate: MP3/Opus constant bitrate
    std::optional<int> vbrQuality;      // --export --quality: MP3 variable quality, 0 to 9
    int bufferFrames = 0;
    std::optional<double> startAboveDbfs; // --start-above: wait for sound this loud
    double preRollSeconds = 0;            // --pre-roll: kept from before the take starts
    double stopAfterSilenceSeconds = 0;   // --stop-after-silence: 0 never
    std::optional<double> speed;          // --play --speed: 0.5 to 2, same pitch
};

struct ParseResult {
    std::optional<CommandLine> commandLine;
    std::string error; // set when commandLine is empty: one line for stderr
};

ParseResult parseCommandLine(const std::vector<std::string>& arguments);

// The text --help prints.
std::string helpText();

} // namespace tapedeck::cli
