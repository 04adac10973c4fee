// Engine figures against a real sound server (run it inside tests/audio/with-sound-server.sh):
// the time our callback takes per block when recording and playing at 48 kHz stereo with
// 256-frame buffers, and the CPU time `tapedeck --play` uses for a 60-second file.
// Prints figures; never fails on timing.
#include "BenchmarkFile.h"
#include "core/devices/AudioSystem.h"
#include "core/playback/Player.h"
#include "core/recording/Recorder.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
constexpr int kChannels = 2;
constexpr int kBlock = 256;
constexpr int kStreamSeconds = 10;
constexpr int kPlaySeconds = 60;

void report(const char* what, const StreamStats& stats) {
    const double periodMicros = 1e6 * kBlock / kRate;
    std::printf("%-28s %8lld callbacks  median %6.1f us  worst %6.1f us  "
                "(%.3f%% / %.2f%% of the %.0f us period)  dropouts %lld  xruns %lld\n",
                what, static_cast<long long>(stats.callbacks), stats.callbackMedianMicros,
                stats.callbackWorstMicros, 100 * stats.callbackMedianMicros / periodMicros,
                100 * stats.callbackWorstMicros / periodMicros, periodMicros,
                static_cast<long long>(stats.dropouts), static_cast<long long>(stats.xruns));
}

template <typename Stream> void runFor(Stream& stream, int seconds) {
    EngineEvent event;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        stream.poll();
        while (stream.nextEvent(event)) {
        }
    }
}

void measurePlayCpu(const std::string& tapedeck, const std::string& file) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        execl(tapedeck.c_str(), tapedeck.c_str(), "--play", file.c_str(), nullptr);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double user = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
    const double sys = usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
    std::printf("tapedeck --play, %d s file:  wall %.2f s, CPU %.3f s (user %.3f + sys %.3f), "
                "%.2f%% of one core, max RSS %ld kB, exit %d\n",
                kPlaySeconds, wall, user + sys, user, sys, 100 * (user + sys) / wall,
                usage.ru_maxrss, WEXITSTATUS(status));
}

double millisOf(const std::function<void()>& action) {
    const auto start = std::chrono::steady_clock::now();
    action();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// How long pause, resume and a seek while playing keep the caller (the window's thread)
// waiting, with the default 100 ms buffer: each flushes what is queued rather than letting
// it drain, so the sound stops or moves as the call returns.
void measureTransport(AudioSystem& system, const std::string& file) {
    PlaySettings settings;
    settings.path = file;
    auto opened = Player::open(system, settings);
    if (!opened) {
        std::fprintf(stderr, "transport: %s\n", opened.error().message.c_str());
        return;
    }
    Player& player = **opened;
    constexpr int kTrials = 5;
    double pauseWorst = 0;
    double playWorst = 0;
    double seekWorst = 0;
    for (int i = 0; i < kTrials; ++i) {
        playWorst = std::max(playWorst, millisOf([&] { player.play(); }));
        runFor(player, 1);
        seekWorst = std::max(seekWorst, millisOf([&] { player.seek(kRate * (10 + i)); }));
        runFor(player, 1);
        pauseWorst = std::max(pauseWorst, millisOf([&] { player.pause(); }));
    }
    player.stop();
    std::printf("transport, worst of %d:  pause %.1f ms, play %.1f ms, seek while playing "
                "%.1f ms (target: 50 ms)\n",
                kTrials, pauseWorst, playWorst, seekWorst);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: engine_benchmark PATH/TO/tapedeck [WORK_DIR]\n");
        return 2;
    }
    const std::string work = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string playFile = work + "/tapedeck-bench-60s.wav";
    const std::string takeFile = work + "/tapedeck-bench-take.wav";
    std::filesystem::remove(takeFile);
    if (!bench::ensureBenchmarkFile(playFile, kPlaySeconds)) {
        std::fprintf(stderr, "cannot write %s\n", playFile.c_str());
        return 1;
    }
    auto system = AudioSystem::start();
    if (!system) {
        std::fprintf(stderr, "%s\n", system.error().message.c_str());
        return 1;
    }
    RecordSettings record;
    record.path = takeFile;
    record.sampleRate = kRate;
    record.channels = kChannels;
    record.framesPerBuffer = kBlock;
    if (auto recorder = Recorder::start(**system, record)) {
        runFor(**recorder, kStreamSeconds);
        (*recorder)->stop();
        report("record 48 kHz stereo 256:", (*recorder)->stats());
    } else {
        std::fprintf(stderr, "record: %s\n", recorder.error().message.c_str());
    }
    PlaySettings play;
    play.path = playFile;
    play.framesPerBuffer = kBlock;
    if (auto player = Player::open(**system, play)) {
        (*player)->play();
        runFor(**player, kStreamSeconds);
        (*player)->stop();
        report("play 48 kHz stereo 256:", (*player)->stats());
    } else {
        std::fprintf(stderr, "play: %s\n", player.error().message.c_str());
    }
    measureTransport(**system, playFile);
    system->reset();
    measurePlayCpu(argv[1], playFile);
    std::filesystem::remove(takeFile);
    std::filesystem::remove(playFile);
    return 0;
}
