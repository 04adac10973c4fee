#include "BenchmarkFile.h"

#include <sndfile.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <random>
#include <vector>

namespace tapedeck::bench {

bool ensureBenchmarkFile(const std::string& path, std::int64_t seconds) {
    const std::int64_t frames = seconds * kBenchRate;
    SF_INFO existing{};
    if (SNDFILE* f = sf_open(path.c_str(), SFM_READ, &existing)) {
        sf_close(f);
        if (existing.frames == frames && existing.channels == kBenchChannels &&
            existing.samplerate == kBenchRate) {
            return true;
        }
    }
    std::printf("Generating %s (%lld s, stereo, 48 kHz, 16-bit)...\n", path.c_str(),
                static_cast<long long>(seconds));
    SF_INFO info{};
    info.samplerate = kBenchRate;
    info.channels = kBenchChannels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (file == nullptr) {
        return false;
    }
    constexpr std::int64_t kChunk = 1 << 16;
    std::vector<short> buffer(kChunk * kBenchChannels);
    std::minstd_rand random(42);
    std::uniform_int_distribution<int> noise(-300, 300);
    double phase = 0.0;
    for (std::int64_t done = 0; done < frames; done += kChunk) {
        const std::int64_t n = std::min(kChunk, frames - done);
        for (std::int64_t i = 0; i < n; ++i) {
            const double t = static_cast<double>(done + i) / kBenchRate;
            // Amplitude swells every 20 s so the overview has a shape.
            const double envelope = 0.2 + 0.6 * std::fabs(std::sin(std::numbers::pi * t / 20.0));
            phase += 2.0 * std::numbers::pi * (220.0 + 10.0 * std::sin(t / 30.0)) / kBenchRate;
            const double x = envelope * std::sin(phase);
            buffer[i * 2] = static_cast<short>(x * 30000.0 + noise(random));
            buffer[i * 2 + 1] = static_cast<short>(-x * 20000.0 + noise(random));
        }
        if (sf_writef_short(file, buffer.data(), n) != n) {
            sf_close(file);
            return false;
        }
    }
    return sf_close(file) == 0;
}

double residentMegabytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stod(line.substr(6)) / 1024.0;
        }
    }
    return 0.0;
}

} // namespace tapedeck::bench
