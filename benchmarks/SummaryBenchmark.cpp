// Prints the waveform-summary figures for a 60-minute stereo 48 kHz 16-bit file. Figures
// only: nothing here fails on timing.
//
// Usage: tapedeck_benchmarks [FILE]   (default: /tmp/tapedeck-bench-60min.wav, made if missing)
// The view figures run offscreen, with the summary cache in /tmp/tapedeck-bench-cache.

#include "BenchmarkFile.h"
#include "PlainRead.h"
#ifdef TAPEDECK_BENCH_GUI
#include "ViewBenchmark.h"

#include <QApplication>
#endif
#include "core/summary/SoundFile.h"
#include "core/summary/SummaryBuilder.h"
#include "core/summary/SummaryCache.h"
#include "core/summary/WaveformSummary.h"

#include <sndfile.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace tapedeck;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRepeats = 3; // figures are the best of three: other work shares the machine
constexpr const char* kCacheBenchDir = "/tmp/tapedeck-bench-summary-cache";

double millisSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double rawReadMillis(const std::string& path, std::int64_t& frames) {
    const Clock::time_point start = Clock::now();
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return -1.0;
    }
    std::vector<float> buffer(SummaryBuilder::kReadChunkFrames * info.channels);
    frames = 0;
    sf_count_t got = 0;
    while ((got = sf_readf_float(file, buffer.data(), SummaryBuilder::kReadChunkFrames)) > 0) {
        frames += got;
    }
    sf_close(file);
    return millisSince(start);
}

// The yardstick for a summary pass (PlainRead.h); keeps the range it found.
double plainInt16ReadMillis(const std::string& path, std::int64_t& frames,
                            bench::PlainReadResult& found) {
    const Clock::time_point start = Clock::now();
    found = bench::plainInt16Read(path, SummaryBuilder::kReadChunkFrames, true);
    frames = found.frames;
    return found.ok ? millisSince(start) : -1.0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : bench::kDefaultBenchPath;
    if (argc <= 1 && !bench::ensureBenchmarkFile(path)) {
        std::fprintf(stderr, "Cannot write %s\n", path.c_str());
        return 1;
    }
    const double megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::printf("File: %s (%.0f MB)\n", path.c_str(), megabytes);

    std::int64_t frames = 0;
    rawReadMillis(path, frames); // warm the page cache so every read below starts equal
    double rawMs = rawReadMillis(path, frames);
    for (int i = 1; i < kRepeats; ++i) {
        rawMs = std::min(rawMs, rawReadMillis(path, frames));
    }
    bench::PlainReadResult found;
    double plainMs = plainInt16ReadMillis(path, frames, found);
    for (int i = 1; i < kRepeats; ++i) {
        plainMs = std::min(plainMs, plainInt16ReadMillis(path, frames, found));
    }
    std::printf("Best of %d runs, page cache warm.\n", kRepeats);
    std::printf("libsndfile raw read (float):   %8.1f ms  %7.0f MB/s\n", rawMs,
                megabytes / (rawMs / 1000.0));
    std::printf("Plain int16 read + min/max:    %8.1f ms  %7.0f MB/s  (the yardstick; samples "
                "%d..%d)\n",
                plainMs, megabytes / (plainMs / 1000.0), found.lowest, found.highest);

    Result<SoundFile> file = SoundFile::open(path);
    if (!file) {
        std::fprintf(stderr, "%s\n", file.error().message.c_str());
        return 1;
    }
    const AudioFormat format = file->format();
    file = Error{ErrorCode::InvalidArgument, ""}; // closes it
    std::shared_ptr<WaveformSummary> summary;
    double buildMs = 0.0;
    Clock::time_point start;
    for (int i = 0; i < kRepeats; ++i) {
        Result<SoundFile> again = SoundFile::open(path);
        summary = std::make_shared<WaveformSummary>(format.channels, format.frames);
        start = Clock::now();
        SummaryBuilder builder(std::move(*again), summary);
        builder.run();
        const double ms = millisSince(start);
        buildMs = i == 0 ? ms : std::min(buildMs, ms);
    }
    std::printf("Summary build (read + summary):%8.1f ms  %7.0f MB/s  (%.2f x the yardstick)\n",
                buildMs, megabytes / (buildMs / 1000.0), buildMs / plainMs);

    {
        // The summary alone, from memory: the same sample count, one chunk over and over.
        std::vector<float> chunk(SummaryBuilder::kReadChunkFrames * format.channels);
        SF_INFO info{};
        SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
        sf_readf_float(f, chunk.data(), SummaryBuilder::kReadChunkFrames);
        sf_close(f);
        WaveformSummary alone(format.channels, format.frames);
        start = Clock::now();
        for (std::int64_t done = 0; done < format.frames;
             done += SummaryBuilder::kReadChunkFrames) {
            alone.appendInterleaved(
                chunk.data(), std::min(SummaryBuilder::kReadChunkFrames, format.frames - done));
        }
        alone.finish();
        std::printf("Summary alone (from memory):   %8.1f ms\n", millisSince(start));
    }

    std::int64_t entries = 0;
    for (int l = 0; l < WaveformSummary::kLevelCount; ++l) {
        entries += summary->entryCount(l);
    }
    // Scaled to one hour of two channels, the unit of the memory promise.
    const double perStereoHour = 3600.0 / format.durationSeconds() * 2.0 / format.channels;
    const double entryMb =
        static_cast<double>(entries) * format.channels * sizeof(SummaryEntry) / 1e6;
    const double heldMb = static_cast<double>(summary->memoryBytes()) / 1e6;
    std::printf("Summary size: %.1f MB for %.0f min of %d channels (%.2f MB per stereo hour)\n",
                entryMb, format.durationSeconds() / 60.0, format.channels, entryMb * perStereoHour);
    std::printf("Summary memory held (chunks + tables): %.2f MB (%.2f MB per stereo hour)\n",
                heldMb, heldMb * perStereoHour);

    {
        // The on-disk cache: its size and the time to load it back, in a folder of its own.
        const SummaryCache cache(kCacheBenchDir);
        const Result<SummaryCacheKey> key = SummaryCache::keyFor(path);
        AudioStatistics statistics;
        statistics.frames = summary->frames();
        for (int c = 0; c < format.channels; ++c) {
            statistics.channels.push_back(summary->statistics(c));
        }
        if (key.ok() && cache.store(*key, format, *summary, statistics).ok()) {
            const double fileMb =
                static_cast<double>(std::filesystem::file_size(cache.cachePathFor(*key))) / 1e6;
            double loadMs = 0.0;
            bool hit = true;
            for (int i = 0; i < kRepeats; ++i) {
                start = Clock::now();
                hit = cache.load(*key, format).has_value() && hit;
                const double ms = millisSince(start);
                loadMs = i == 0 ? ms : std::min(loadMs, ms);
            }
            std::printf("Cache file: %.2f MB (%.2f MB per stereo hour), load %.1f ms (%s)\n",
                        fileMb, fileMb * perStereoHour, loadMs, hit ? "hit" : "MISS");
            std::filesystem::remove_all(kCacheBenchDir);
        } else {
            std::printf("Cache file: could not be written to %s\n", kCacheBenchDir);
        }
    }
    summary.reset();
#ifdef TAPEDECK_BENCH_GUI
    // Keep the benchmark's summary cache out of the user's: a folder of its own in /tmp.
    setenv("XDG_CACHE_HOME", "/tmp/tapedeck-bench-cache", 1);
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication app(argc, argv);
    if (!bench::runViewBenchmark(path, plainMs)) {
        return 1;
    }
#endif
    return 0;
}
