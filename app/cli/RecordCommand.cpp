#include "Commands.h"
#include "StopSignal.h"
#include "TerminalStatus.h"
#include "UserMessages.h"

#include "AudioSystem.h"
#include "Recorder.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

namespace tapedeck::cli {

namespace {
// Ten times a second: enough for the status line and the watchdog (which notices a lost
// stream within a second or two), and few wake-ups for a long take.
constexpr auto kPollInterval = std::chrono::milliseconds(100);
} // namespace

int record(const CommandLine& commandLine) {
    const auto format = parseFileFormat(commandLine.format);
    if (!format) {
        return fail("Unknown format \"" + commandLine.format +
                    "\". Choose wav, wav16, wav32f, flac or ogg.");
    }
    auto system = AudioSystem::start();
    if (!system) {
        return fail(system.error().message);
    }
    RecordSettings settings;
    settings.path = commandLine.file;
    settings.deviceName = commandLine.inputDevice;
    settings.sampleRate = commandLine.sampleRate;
    settings.channels = commandLine.channels;
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

    StopSignal::install();
    auto recorder = Recorder::start(**system, settings);
    if (!recorder) {
        return fail(recorder.error().message);
    }
    Recorder& take = **recorder;
    std::optional<Error> failure;
    {
        TerminalStatus status;
        EngineEvent event;
        while (take.isRunning() && !StopSignal::received()) {
            std::this_thread::sleep_for(kPollInterval);
            failure = take.poll();
            if (failure) {
                break;
            }
            while (take.nextEvent(event)) {
                if (event.type == EngineEventType::Levels) {
                    status.noteLevels(event);
                }
            }
            const StreamStats stats = take.stats();
            status.show(static_cast<double>(stats.framesProcessed) / take.sampleRate(),
                        stats.dropouts + stats.xruns);
        }
    }
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
