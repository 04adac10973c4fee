#pragma once

#include "core/base/Result.h"
#include "core/loudness/LoudnessMeter.h"
#include "core/summary/SoundFile.h"
#include "core/summary/SummaryTypes.h"
#include "core/summary/WaveformSummary.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace tapedeck {

// Scans an audio file into a WaveformSummary: reads it in large chunks (as 16-bit integers
// when the file holds them, else as float), straight from the file, and appends them. Also
// accumulates the whole-file statistics (peak, sum of squares, clipped samples per channel) and,
// when asked, the file's EBU R128 loudness, from the same read. Either
// start() runs the scan on the builder's own thread, or a worker thread calls run() itself; either
// way the scanning thread is the summary's writer. A 16-bit file scanned without loudness is read
// and measured by two helper threads, every other chunk each, and the scanning thread appends
// their figures in order; otherwise one helper thread decodes the file (and measures loudness)
// while the scanning thread summarizes. Memory: a few read chunks, whatever the file length.
class SummaryBuilder {
public:
    static constexpr std::int64_t kReadChunkFrames = 65536;
    static constexpr int kPipelineBuffers = 4;
    // The parallel scan's unit of hand-over: 16 chunks (a million frames).
    static constexpr std::int64_t kParallelSlotFrames = 16 * kReadChunkFrames;

    // Owner thread. The summary must have file.format().channels channels and be empty;
    // the builder is its one writer until the scan ends.
    SummaryBuilder(SoundFile file, std::shared_ptr<WaveformSummary> summary);
    // Owner thread: cancels and joins a scan started with start().
    ~SummaryBuilder();
    SummaryBuilder(const SummaryBuilder&) = delete;
    SummaryBuilder& operator=(const SummaryBuilder&) = delete;

    // Owner thread: scans on a new std::thread. At most once.
    void start();
    // Owner thread: waits for a scan started with start() to end.
    void wait();
    // The calling thread scans the whole file (unless cancelled). At most once, and not
    // together with start(). Returns the read error, if any; a cancelled scan returns
    // success with isCancelled() true and an unfinished summary.
    Status run();

    // Owner thread, before the scan: an outside flag that also cancels it when set (lets an
    // owner cancel a builder that lives on another thread's stack). Must outlive the scan.
    void setCancelFlag(const std::atomic<bool>* flag) { externalCancel_ = flag; }
    // Owner thread, before the scan: also measure loudness (LoudnessMeter, with true peak)
    // and report it in statistics().loudness. The reading thread measures each chunk after
    // handing it on, so the summary and the loudness run side by side on two cores.
    void setMeasureLoudness(bool measure) { measureLoudness_ = measure; }

    // Any thread.
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept {
        return cancelled_.load(std::memory_order_relaxed) ||
               (externalCancel_ != nullptr && externalCancel_->load(std::memory_order_relaxed));
    }
    bool isFinished() const noexcept { return finished_.load(std::memory_order_acquire); }
    std::int64_t framesScanned() const noexcept {
        return framesScanned_.load(std::memory_order_relaxed);
    }
    // 0..1 of the frames the header announces.
    double progress() const noexcept;
    const AudioFormat& format() const { return format_; } // immutable after construction
    std::shared_ptr<WaveformSummary> summary() const { return summary_; }

    // After the scan ended (run() returned, or wait()): its result and statistics.
    Status result() const { return result_; }
    const AudioStatistics& statistics() const { return statistics_; }

private:
    std::int64_t pipelinedScan();
    // A 16-bit file without loudness: two threads each read and measure every other chunk
    // (WaveformSummary::measureBlocks), and the scanning thread appends them in order. The
    // reading and the measuring then both run on two cores. Nothing when the file cannot be
    // opened a second time.
    std::optional<std::int64_t> parallelScan();
    template <typename Sample> std::int64_t pipelinedScan();
    std::int64_t readChunk(float* samples, std::int64_t frames);
    std::int64_t readChunk(std::int16_t* samples, std::int64_t frames);
    void measureLoudness(const float* samples, std::int64_t frames);
    void measureLoudness(const std::int16_t* samples, std::int64_t frames);
    void collectStatistics();

    SoundFile file_;
    const AudioFormat format_;
    std::shared_ptr<WaveformSummary> summary_;
    std::thread thread_;
    std::atomic<bool> cancelled_{false};
    const std::atomic<bool>* externalCancel_ = nullptr;
    bool measureLoudness_ = false;
    std::optional<LoudnessMeter> loudness_; // the reading thread's, during the scan
    std::vector<float> loudnessFloats_;     // a 16-bit chunk converted for the meter
    std::atomic<bool> finished_{false};
    std::atomic<std::int64_t> framesScanned_{0};
    Status result_ = success();
    AudioStatistics statistics_;
};

} // namespace tapedeck
