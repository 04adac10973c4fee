#include "app/awake/LogindSleepLock.h"
#include "app/cli/Commands.h"
#include "app/cli/StopSignal.h"
#include "app/cli/TerminalStatus.h"
#include "app/cli/UserMessages.h"
#include "app/cli/WallClockWait.h"

#include "core/devices/AudioSystem.h"
#include "core/recording/Recorder.h"
#include "core/recording/TakeSchedule.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

namespace tapedeck::cli {

namespace {
// "Headset", or "Headset and Speakers (monitor)" for a call.
std::string inputNames(const Recorder& take) {
    return take.secondDevice() != nullptr ? take.device().name + " and " + take.secondDevice()->name
                                          : take.device().name;
}

// A two-input take lost one input and goes on: say so on stderr, once.
void warnLostInputs(Recorder& take) {
    for (int input; (input = take.lostInput()) >= 0;) {
        const DeviceInfo& lost = input == 0 ? take.device() : *take.secondDevice();
        const DeviceInfo& kept = input == 0 ? *take.secondDevice() : take.device();
        std::fprintf(UserMessages::stream(),
                     "tapedeck: warning: %s stopped sending audio at %.1f s (unplugged, or "
                     "removed from the sound server). The take goes on with %s; %s's "
                     "channel is silent from there, and a marker shows where.\n",
                     lost.name.c_str(), static_cast<double>(take.takeFrames()) / take.sampleRate(),
                     kept.name.c_str(), lost.name.c_str());
    }
}

// Ten times a second: enough for the status line and the watchdog (which notices a lost
// stream within a second or two), and few wake-ups for a long take.
constexpr auto kPollInterval = std::chrono::milliseconds(100);

// How long before a --start-at time the sound system is started and the device looked up
// (PortAudio's start-up and device scan take tens of milliseconds to a second on a busy
// machine), so that at the time itself only the stream is opened and the first sample is
// recorded at it. Waiting without the sound system keeps nothing open for hours, and a
// device plugged in meanwhile is found.
constexpr auto kStartAtLead = std::chrono::seconds(3);

// --start-at: one status line, then the wait until shortly before the time. False when Ctrl+C
// or SIGTERM ended the wait (nothing is recorded then).
bool waitForStartTime(const CommandLine& commandLine) {
    const auto now = std::chrono::system_clock::now();
    std::fprintf(UserMessages::stream(),
                 "Recording to %s starts at %s, in %s (Ctrl+C to quit)...\n",
                 commandLine.file.c_str(), localTimeText(*commandLine.startAt).c_str(),
                 waitText(*commandLine.startAt - now).c_str());
    std::fflush(UserMessages::stream());
    return WallClockWait::until(*commandLine.startAt - kStartAtLead);
}

// The wait for --start-at ended early: by Ctrl+C or SIGTERM (exit 0), or, rarely, because the
// system gave no timer (then say so: nothing must look scheduled that is not).
int endWaitEarly() {
    if (!StopSignal::received()) {
        return fail(std::string("Could not wait for the start time (") + std::strerror(errno) +
                    "). Nothing was recorded; try again.");
    }
    std::fputs("Stopped before the start time; nothing was recorded.\n", UserMessages::stream());
    return 0;
}
} // namespace

int record(const CommandLine& commandLine) {
    const auto format = parseFileFormat(commandLine.format);
    if (!format) {
        return fail("Unknown format \"" + commandLine.format +
                    "\". Choose wav, wav16, wav32f, flac or ogg.");
    }
    if (commandLine.startAt) {
        // Said now rather than when the time comes, hours later.
        if (std::error_code ignored; std::filesystem::exists(commandLine.file, ignored)) {
            return fail(
                commandLine.file +
                " already exists. Tapedeck never records over a file; choose another name.");
        }
    }
    // Held from here to the end of the take: through a --start-at wait, the wait for sound,
    // and the take itself, as the window does. That nothing would keep the computer awake is
    // said for a scheduled take, whose wait may be long, and to a person at a terminal; a
    // script's plain take on a machine without logind (a container, a server) is not told
    // so on every run.
    const awake::LogindSleepLock awake(commandLine.startAt ? "Waiting to record a take at " +
                                                                 localTimeText(*commandLine.startAt)
                                                           : std::string("Recording a take"));
    if (!awake.isHeld() && (commandLine.startAt || UserMessages::isTerminal())) {
        std::fprintf(UserMessages::stream(),
                     "tapedeck: warning: nothing keeps the computer awake (%s), so it may sleep "
                     "before or during this take.\n",
                     awake.problem().c_str());
        std::fflush(UserMessages::stream());
    }
    if (commandLine.startAt) {
        StopSignal::install();
        if (!waitForStartTime(commandLine)) {
            return endWaitEarly();
        }
    }
    auto system = AudioSystem::start();
    if (!system) {
        return fail(system.error().message);
    }
    RecordSettings settings;
    settings.path = commandLine.file;
    settings.deviceName = commandLine.inputDevice;
    settings.secondDeviceName = commandLine.secondInputDevice;
    settings.layout = commandLine.layout == "mix" ? InputLayout::Mix : InputLayout::Split;
    settings.sampleRate = commandLine.sampleRate;
    settings.channels = commandLine.channels;
    settings.firstInputChannel = commandLine.firstInputChannel;
    settings.format = *format;
    settings.framesPerBuffer = commandLine.bufferFrames;
    if (commandLine.durationSeconds && commandLine.sampleRate > 0) {
        settings.maxFrames = std::llround(*commandLine.durationSeconds * commandLine.sampleRate);
    }
    if (commandLine.durationSeconds && commandLine.sampleRate == 0) {
        // The rate is the device's default: look it up to turn seconds into frames.
        auto device = (*system)->findDevice(settings.deviceName, Direction::Input);
        if (!device) {
            return fail(device.error().message);
        }
        settings.maxFrames = std::llround(*commandLine.durationSeconds * device->defaultSampleRate);
    }

    settings.preRollSeconds = commandLine.preRollSeconds;
    settings.startAboveDbfs = commandLine.startAboveDbfs;
    settings.stopAfterSilenceSeconds = commandLine.stopAfterSilenceSeconds;

    StopSignal::install();
    if (commandLine.startAt && !WallClockWait::until(*commandLine.startAt)) {
        return endWaitEarly();
    }
    // Waiting for sound, or keeping a pre-roll, needs the stream running before the file
    // exists; a plain take opens both at once.
    const bool monitorFirst = settings.startAboveDbfs || settings.preRollSeconds > 0;
    auto recorder =
        monitorFirst ? Recorder::monitor(**system, settings) : Recorder::start(**system, settings);
    if (!recorder) {
        return fail(recorder.error().message);
    }
    Recorder& take = **recorder;
    if (monitorFirst && !settings.startAboveDbfs) {
        if (const Status begun = take.beginTake(); !begun) {
            return fail(begun.error().message);
        }
    }
    std::optional<Error> failure;
    if (take.isWaitingForSound()) {
        std::fprintf(UserMessages::stream(),
                     "Waiting for sound above %.1f dBFS on %s (Ctrl+C to quit)...\n",
                     *settings.startAboveDbfs, inputNames(take).c_str());
        std::fflush(UserMessages::stream());
        EngineEvent event;
        while (take.isWaitingForSound() && !StopSignal::received()) {
            std::this_thread::sleep_for(kPollInterval);
            failure = take.poll();
            if (failure) {
                break;
            }
            while (take.nextEvent(event)) {
            }
        }
        if (!failure && !take.hasTake()) {
            // Stopped before any sound came: no take, no file, and nothing went wrong.
            take.stop();
            std::fputs("No sound came; nothing was recorded.\n", UserMessages::stream());
            return 0;
        }
    }
    {
        TerminalStatus status;
        EngineEvent event;
        while (!failure && take.isRunning() && !StopSignal::received()) {
            std::this_thread::sleep_for(kPollInterval);
            failure = take.poll();
            if (failure) {
                break;
            }
            warnLostInputs(take);
            while (take.nextEvent(event)) {
                // With two inputs the status line shows the first input's level.
                if (event.type == EngineEventType::Levels && event.input == 0) {
                    status.noteLevels(event);
                }
            }
            const StreamStats stats = take.stats();
            status.show(static_cast<double>(take.takeFrames()) / take.sampleRate(),
                        stats.dropouts + stats.xruns);
        }
    }
    warnLostInputs(take);
    if (failure) {
        return fail(failure->message);
    }
    if (const Status stopped = take.stop(); !stopped) {
        return fail(stopped.error().message);
    }
    const StreamStats stats = take.stats();
    std::fprintf(UserMessages::stream(), "Saved %.2f s to %s",
                 static_cast<double>(stats.framesWritten) / take.sampleRate(), take.path().c_str());
    if (stats.dropouts + stats.xruns > 0) {
        std::fprintf(UserMessages::stream(), " (%lld dropouts, %lld xruns)",
                     static_cast<long long>(stats.dropouts), static_cast<long long>(stats.xruns));
    }
    std::fputc('\n', UserMessages::stream());
    return 0;
}

} // namespace tapedeck::cli
