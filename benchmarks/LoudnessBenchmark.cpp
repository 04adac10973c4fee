// Loudness figures for a 60-minute stereo 48 kHz 16-bit WAV, made in a temporary folder and
// deleted afterwards: a plain libsndfile read, the yardstick (that read plus min/max), `tapedeck
// --info
// --no-loudness`, `tapedeck --info` (the same read with EBU R128 loudness and true peak),
// the loudness meter alone against libebur128's own true-peak mode, and, where ffmpeg is
// installed, `ffmpeg -af ebur128=peak=true`. Each figure is the best of three, with the page
// cache warm; wall time and CPU time (both cores count) are printed, and the ratios.
// Figures only: nothing here fails on timing.
//
// Usage: loudness_benchmark TAPEDECK_BINARY [SECONDS]

#include "BenchmarkFile.h"
#include "PlainRead.h"
#include "core/loudness/LoudnessMeter.h"

#include <ebur128.h>
#include <fcntl.h>
#include <sndfile.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kRepeats = 3;
constexpr std::int64_t kChunkFrames = 65536;

struct Cost {
    double wall = 0.0; // seconds
    double cpu = 0.0;  // user + system seconds, this process and its children
};

double cpuSeconds() {
    double total = 0.0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage u{};
        getrusage(who, &u);
        total += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                 static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    }
    return total;
}

// The best wall time and the best CPU time of kRepeats runs.
Cost best(const std::function<bool()>& run) {
    Cost b{1e30, 1e30};
    for (int i = 0; i < kRepeats; ++i) {
        const double cpu0 = cpuSeconds();
        const Clock::time_point t0 = Clock::now();
        if (!run()) {
            return {-1.0, -1.0};
        }
        b.wall = std::min(b.wall, std::chrono::duration<double>(Clock::now() - t0).count());
        b.cpu = std::min(b.cpu, cpuSeconds() - cpu0);
    }
    return b;
}

// Runs a program with its output thrown away; true if it exited 0.
bool runQuietly(std::vector<std::string> argv, const std::string& cacheHome) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::string(*e).rfind("XDG_CACHE_HOME=", 0) != 0) {
            env.emplace_back(*e);
        }
    }
    env.push_back("XDG_CACHE_HOME=" + cacheHome);
    std::vector<char*> args;
    std::vector<char*> envp;
    for (std::string& a : argv) {
        args.push_back(a.data());
    }
    args.push_back(nullptr);
    for (std::string& e : env) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return false;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The file's samples, chunk by chunk, as floats.
bool forEachChunk(const std::string& path,
                  const std::function<void(const float*, std::int64_t, int)>& use) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return false;
    }
    std::vector<float> buffer(static_cast<std::size_t>(kChunkFrames) * info.channels);
    sf_count_t got = 0;
    while ((got = sf_readf_float(file, buffer.data(), kChunkFrames)) > 0) {
        use(buffer.data(), got, info.channels);
    }
    sf_close(file);
    return true;
}

bool ffmpegInstalled() {
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        if (access((dirs.substr(start, end - start) + "/ffmpeg").c_str(), X_OK) == 0) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

void print(const char* what, const Cost& c, const Cost& yardstick) {
    if (c.wall < 0) {
        std::printf("%-44s failed\n", what);
        return;
    }
    std::printf("%-44s %7.3f s wall %5.2fx   %7.3f s CPU %5.2fx\n", what, c.wall,
                c.wall / yardstick.wall, c.cpu, c.cpu / yardstick.cpu);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "Usage: %s TAPEDECK_BINARY [SECONDS]\n", argv[0]);
        return 2;
    }
    const std::string tapedeck = argv[1];
    const std::int64_t seconds = argc > 2 ? std::atoll(argv[2]) : tapedeck::bench::kBenchSeconds;
    char folderTemplate[] = "/tmp/tapedeck-loudness-bench-XXXXXX";
    if (mkdtemp(folderTemplate) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::filesystem::path folder = folderTemplate;
    const std::string file = (folder / "bench.wav").string();
    const std::string cache = (folder / "cache").string();
    if (!tapedeck::bench::ensureBenchmarkFile(file, seconds)) {
        std::fprintf(stderr, "Cannot write %s\n", file.c_str());
        std::filesystem::remove_all(folder);
        return 1;
    }
    std::printf("File: %lld s, stereo, 48 kHz, 16-bit WAV (%.0f MB). Best of %d, page cache "
                "warm; CPU counts both cores.\n",
                static_cast<long long>(seconds),
                static_cast<double>(std::filesystem::file_size(file)) / 1e6, kRepeats);
    tapedeck::bench::plainInt16Read(file, kChunkFrames, false); // warms the page cache

    // Each tapedeck run starts from an empty summary cache, so it reads the whole file.
    const auto info = [&](std::vector<std::string> options) {
        return [&tapedeck, &file, &cache, options] {
            std::filesystem::remove_all(cache);
            std::vector<std::string> args{tapedeck, "--info", file};
            args.insert(args.end(), options.begin(), options.end());
            return runQuietly(args, cache);
        };
    };
    tapedeck::bench::PlainReadResult found;
    const Cost readAlone =
        best([&] { return tapedeck::bench::plainInt16Read(file, kChunkFrames, false).ok; });
    const Cost yardstick = best([&] {
        found = tapedeck::bench::plainInt16Read(file, kChunkFrames, true);
        return found.ok;
    });
    const Cost noLoudness = best(info({"--no-loudness"}));
    const Cost withLoudness = best(info({}));
    const Cost meterAlone = best([&] {
        std::unique_ptr<tapedeck::LoudnessMeter> meter;
        return forEachChunk(file, [&](const float* x, std::int64_t frames, int channels) {
            if (!meter) {
                meter = std::make_unique<tapedeck::LoudnessMeter>(channels,
                                                                  tapedeck::bench::kBenchRate);
            }
            meter->addFrames(x, frames);
        });
    });
    const Cost libebur128TruePeak = best([&] {
        ebur128_state* st = nullptr;
        const bool ok = forEachChunk(file, [&](const float* x, std::int64_t frames, int channels) {
            if (st == nullptr) {
                st = ebur128_init(static_cast<unsigned>(channels), tapedeck::bench::kBenchRate,
                                  EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK);
            }
            ebur128_add_frames_float(st, x, static_cast<std::size_t>(frames));
        });
        ebur128_destroy(&st);
        return ok;
    });

    print("libsndfile int16 read alone", readAlone, yardstick);
    print("libsndfile int16 read + min/max (yardstick)", yardstick, yardstick);
    std::printf("  (samples from %d to %d)\n", found.lowest, found.highest);
    print("tapedeck --info --no-loudness", noLoudness, yardstick);
    print("tapedeck --info (with loudness)", withLoudness, yardstick);
    print("LoudnessMeter alone (float read + meter)", meterAlone, yardstick);
    print("libebur128 I+LRA+its TRUE_PEAK mode", libebur128TruePeak, yardstick);
    std::printf("--info loudness pass / --no-loudness: %.2fx wall, %.2fx CPU\n",
                withLoudness.wall / noLoudness.wall, withLoudness.cpu / noLoudness.cpu);
    std::printf("LoudnessMeter / libebur128 with its own true peak: %.2fx CPU\n",
                meterAlone.cpu / libebur128TruePeak.cpu);
    if (ffmpegInstalled()) {
        const Cost ffmpeg = best([&] {
            return runQuietly({"ffmpeg", "-hide_banner", "-nostats", "-i", file, "-af",
                               "ebur128=peak=true", "-f", "null", "-"},
                              cache);
        });
        print("ffmpeg -af ebur128=peak=true", ffmpeg, yardstick);
        std::printf("tapedeck --info / ffmpeg ebur128=peak=true: %.2fx wall, %.2fx CPU\n",
                    withLoudness.wall / ffmpeg.wall, withLoudness.cpu / ffmpeg.cpu);
    } else {
        std::printf("ffmpeg is not installed: its figure is skipped.\n");
    }
    std::filesystem::remove_all(folder);
    return 0;
}
