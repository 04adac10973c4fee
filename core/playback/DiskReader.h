#pragma once

#include "core/dsp/ChannelMapper.h"
#include "core/dsp/Resampler.h"
#include "core/dsp/TimeStretcher.h"
#include "core/engine/SampleRing.h"
#include "core/summary/SoundFile.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tapedeck {

// The disk thread of playback: reads the file in chunks, maps its channels to the device's,
// time-stretches when playing faster or slower (librubberband, here and never in the
// callback, because it allocates), resamples when the device runs at another rate, and keeps
// the ring ahead of the callback.
// A seek is a handshake: the reader asks the callback to flush the ring, waits for it, then
// refills from the new position.
class DiskReader {
public:
    DiskReader(SoundFile file, SampleRing& ring, int deviceRate);
    ~DiskReader();
    DiskReader(const DiskReader&) = delete;
    DiskReader& operator=(const DiskReader&) = delete;

    // Control thread.
    void start();
    void stop();
    void requestSeek(std::int64_t fileFrame);
    // The playback speed (0.5 to 2, same pitch), taken up at the next seek: the caller seeks
    // to the frame heard so the ring, which holds seconds stretched at the old speed, is
    // refilled at once. Exactly 1 bypasses the stretcher: the file's samples as they are.
    void setSpeed(double speed);
    // Whether a stream is taking frames from the ring. While none is, a full ring cannot get
    // room, so the reader sleeps until this turns true (or a seek or stop) instead of
    // looking every kRefillWait.
    void setConsuming(bool consuming);
    // Where reading stops, as if the file ended there (a selection being played); -1: the
    // file's own end. Applies to what is read from now on: seek afterwards so nothing read
    // past it stays in the ring.
    void setEndFrame(std::int64_t frame);
    std::int64_t endFrame() const;
    // Waits until the ring holds `frames` (or the whole file fits), at most `timeout`.
    void waitForPrefill(std::int64_t frames, std::chrono::milliseconds timeout) const;

    // Audio thread (real-time safe).
    bool flushRequested() const noexcept { return flushRequested_.load(std::memory_order_acquire); }
    void acknowledgeFlush() noexcept { flushRequested_.store(false, std::memory_order_release); }

    // Any thread.
    bool seekPending() const noexcept {
        return seekRequested_.load(std::memory_order_acquire) !=
               seekHandled_.load(std::memory_order_acquire);
    }
    std::int64_t seekTarget() const noexcept { return seekTarget_.load(std::memory_order_acquire); }
    bool endOfFile() const noexcept { return endOfFile_.load(std::memory_order_acquire); }
    // The file frame that the first frame in the ring after the last flush stands for.
    std::int64_t basePosition() const noexcept { return base_.load(std::memory_order_acquire); }
    // The speed of what the ring has held since the last flush.
    double baseSpeed() const noexcept { return baseSpeed_.load(std::memory_order_acquire); }
    std::int64_t fileFrames() const { return file_.format().frames; }
    int fileRate() const { return file_.format().sampleRate; }
    int fileChannels() const { return file_.format().channels; }

private:
    void run();
    // Reader thread: sleeps until a seek or stop, or at most `atMost`. The control thread's
    // requests wake it at once; the ring getting room does not (see kRefillWait).
    void sleep(std::optional<std::chrono::milliseconds> atMost);
    // Reader thread, with the ring full: until there may be room.
    void sleepUntilRoom();
    void wakeUp(); // control thread
    void handleSeek();
    bool pushPending(); // returns whether everything pending went into the ring
    void readChunk();
    // Reader thread: stretches (when not at speed 1) and resamples `frames` mapped frames into
    // pending_; `last` lets the stretcher's and the resampler's tails out.
    void deliver(const float* frames, std::int64_t count, bool last);
    void resampleInto(const float* frames, std::int64_t count, bool last);

    SoundFile file_;
    SampleRing& ring_;
    int deviceRate_;
    ChannelMapper mapper_;
    std::unique_ptr<Resampler> resampler_;     // only when the rates differ
    std::unique_ptr<TimeStretcher> stretcher_; // made at the first speed other than 1
    bool stretching_ = false;                  // reader thread: the speed is not 1
    std::vector<float> stretched_;
    std::int64_t stretchedSinceSeek_ = 0; // stretched frames delivered since the last seek
    std::vector<float> fileChunk_;
    std::vector<float> mapped_;
    std::vector<float> pending_; // device frames not yet in the ring
    std::int64_t pendingOffset_ = 0;
    std::int64_t pendingFrames_ = 0;
    bool fileDone_ = false;
    std::int64_t readPosition_ = 0; // reader thread: the next file frame to read
    std::thread thread_;

    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> flushRequested_{false};
    std::atomic<std::uint64_t> seekRequested_{0};
    std::atomic<std::uint64_t> seekHandled_{0};
    std::atomic<std::int64_t> seekTarget_{0};
    std::atomic<std::int64_t> base_{0};
    std::atomic<bool> endOfFile_{false};
    std::atomic<double> requestedSpeed_{1.0};
    std::atomic<double> baseSpeed_{1.0};
    std::atomic<std::int64_t> endFrame_{-1};
    std::atomic<bool> consuming_{true};
    // Between the control thread and the reader only; the callback never touches these.
    std::mutex wakeMutex_;
    std::condition_variable wake_;
};

} // namespace tapedeck
