#include "app/cli/Commands.h"
#include "app/cli/StopSignal.h"
#include "app/cli/TerminalStatus.h"
#include "app/cli/UserMessages.h"

#include "core/devices/AudioSystem.h"
#include "core/playback/Player.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace tapedeck::cli {

namespace {
// Ten times a second: enough for the status line and the watchdog (which notices a lost
// stream within a second or two), and few wake-ups for a long take.
constexpr auto kPollInterval = std::chrono::milliseconds(100);
} // namespace

int play(const CommandLine& commandLine) {
    auto system = AudioSystem::start();
    if (!system) {
        return fail(system.error().message);
    }
    PlaySettings settings;
    settings.path = commandLine.file;
    settings.deviceName = commandLine.outputDevice;
    settings.framesPerBuffer = commandLine.bufferFrames;

    StopSignal::install();
    auto opened = Player::open(**system, settings);
    if (!opened) {
        return fail(opened.error().message);
    }
    Player& player = **opened;
    if (commandLine.speed) {
        player.setSpeed(*commandLine.speed);
    }
    if (Status started = player.play(); !started) {
        return fail(started.error().message);
    }
    std::optional<Error> failure;
    {
        TerminalStatus status;
        EngineEvent event;
        while (!player.isFinished() && !StopSignal::received()) {
            std::this_thread::sleep_for(kPollInterval);
            failure = player.poll();
            if (failure) {
                break;
            }
            while (player.nextEvent(event)) {
                if (event.type == EngineEventType::Levels) {
                    status.noteLevels(event);
                }
            }
            const StreamStats stats = player.stats();
            status.show(static_cast<double>(player.position()) / player.fileSampleRate(),
                        stats.dropouts + stats.xruns);
        }
    }
    if (failure) {
        return fail(failure->message);
    }
    if (const Status stopped = player.stop(); !stopped) {
        return fail(stopped.error().message);
    }
    const StreamStats stats = player.stats();
    if (stats.dropouts + stats.xruns > 0) {
        // Not an error, but the user should know the playback was not clean.
        std::fprintf(UserMessages::stream(), "Played with %lld dropouts and %lld xruns.\n",
                     static_cast<long long>(stats.dropouts), static_cast<long long>(stats.xruns));
    }
    return 0;
}

} // namespace tapedeck::cli
