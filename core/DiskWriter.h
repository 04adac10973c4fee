#pragma once

#include "Dropout.h"
#include "DropoutLog.h"
#include "Error.h"
#include "SampleRing.h"
#include "SndfileHandle.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tapedeck {

// The disk thread of a take: drains the sample ring in chunks, writes with libsndfile, and
// keeps the file valid on disk (header updated five times a second, data synced every two
// seconds) so a crash loses less than half a second and a power cut a few seconds. Frames the
// callback had to drop are written as silence at their place, so the audio after a dropout stays in
// time, and each dropout is logged beside the take. Never runs on the audio or GUI thread.
class DiskWriter {
public:
    using SamplesWrittenFn = std::function<void(const float*, std::int64_t)>;

    DiskWriter(SampleRing& ring, DropoutQueue& dropouts, SndfileHandle file, std::string path,
               int sampleRate, SamplesWrittenFn onWritten);
    ~DiskWriter();
    DiskWriter(const DiskWriter&) = delete;
    DiskWriter& operator=(const DiskWriter&) = delete;

    // Control thread: starts the disk thread.
    void start();
    // Control thread: writes what is left in the ring, stops the thread, closes the file
    // (which finalizes the header). Call only after the stream has stopped, or been
    // abandoned. Returns the first write error, if any.
    std::optional<Error> finish();

    // Any thread. Frames in the file, silence for dropped spans included.
    std::int64_t framesWritten() const { return framesWritten_.load(std::memory_order_acquire); }
    int dropoutsLogged() const { return dropoutsLogged_.load(std::memory_order_acquire); }
    bool failed() const { return failed_.load(std::memory_order_acquire); }
    std::optional<Error> error() const;

private:
    void run();
    bool drainOnce(); // returns whether anything was read
    // Updates the header for the length written so far; syncs to the disk when it is due.
    void keepFileValid(std::chrono::steady_clock::time_point& lastSync);
    // Writes frames in file order, putting the silence of each dropout at its place.
    void writeInOrder(const float* frames, std::int64_t count);
    // Logs the dropouts due at the current file position; writes their silence.
    void applyDueDropouts();
    bool writeFrames(const float* frames, std::int64_t count);
    void fail(int errnoValue);

    SampleRing& ring_;
    DropoutQueue& dropouts_;
    DropoutLog log_;
    std::optional<Dropout> nextDropout_;
    std::vector<float> silence_;
    SndfileHandle file_;
    const std::string path_;
    SamplesWrittenFn onWritten_;
    std::vector<float> chunk_;
    bool updateHeader_ = true; // rewrite the header as the take grows (every format but Ogg)
    std::thread thread_;
    std::atomic<bool> stopRequested_{false};
    std::mutex napMutex_; // disk and control threads only: lets finish() end the writer's nap
    std::condition_variable napEnded_;
    std::atomic<bool> failed_{false};
    std::atomic<std::int64_t> framesWritten_{0};
    std::atomic<int> dropoutsLogged_{0};
    mutable std::mutex errorMutex_; // disk and control threads only, never the callback
    std::optional<Error> error_;
};

} // namespace tapedeck
