#pragma once

#include "core/base/Error.h"
#include "core/engine/SampleRing.h"
#include "core/io/SndfileHandle.h"
#include "core/markers/Marker.h"
#include "core/recording/Dropout.h"
#include "core/recording/DropoutLog.h"
#include "core/recording/FrameSource.h"
#include "core/recording/PreRollBuffer.h"

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

// What the disk thread of a capture stream does with the audio besides writing it.
struct DiskWriterOptions {
    int sampleRate = 0;
    // Frames kept while no file is open yet (monitoring): the pre-roll, plus room for the
    // control thread to hand over the file. 0: keep nothing (a take that starts at once).
    std::int64_t preRollCapacity = 0;
    std::int64_t maxFileFrames = 0; // the take ends at this length, pre-roll included; 0: none
    // Sound-activated start: with no file yet, the first frame at or above this level (linear
    // peak, any channel) is reported by triggerFrame(). 0: no trigger.
    float triggerLevel = 0;
    // The take ends after this many frames in a row below silenceLevel. 0: never.
    std::int64_t silenceFrames = 0;
    float silenceLevel = 0;
};

// The disk thread of a capture stream: drains the sample ring in chunks. Before the take's
// file is handed over (monitoring) it keeps the last seconds in a pre-roll buffer and looks
// for a sound-activated start; once the file is there it writes the chosen pre-roll and then
// the live audio with libsndfile, keeping the file valid on disk (header updated five times a
// second, data synced every two seconds) so a crash loses less than half a second and a
// power cut a few seconds.
//
// Positions are in the stream's timeline: frames the callback passed on (frames dropped for
// a full ring count, paused blocks do not). Frames the callback had to drop are written as
// silence at their place, so the audio after a dropout stays in time, and each dropout is
// logged beside the take. A file frame is its timeline frame minus origin(). Never runs on the
// audio or GUI thread.
class DiskWriter {
public:
    using SamplesWrittenFn = std::function<void(const float*, std::int64_t)>;

    DiskWriter(SampleRing& ring, DropoutQueue& dropouts, const DiskWriterOptions& options,
               SamplesWrittenFn onWritten);
    // Frames from `source` (a two-input take's combiner) instead of a ring. `source` and
    // `dropouts` must outlive this.
    DiskWriter(FrameSource& source, DropoutQueue& dropouts, const DiskWriterOptions& options,
               SamplesWrittenFn onWritten);
    // A take whose file is there from the first frame (no monitoring, no limits).
    DiskWriter(SampleRing& ring, DropoutQueue& dropouts, SndfileHandle file, std::string path,
               int sampleRate, SamplesWrittenFn onWritten);
    ~DiskWriter();
    DiskWriter(const DiskWriter&) = delete;
    DiskWriter& operator=(const DiskWriter&) = delete;

    // Control thread: starts the disk thread.
    void start();
    // Control thread, before beginFile(): changes the length, trigger and silence rules of
    // the take to come (a monitored stream whose take is set up when Record is pressed).
    void setRules(std::int64_t maxFileFrames, float triggerLevel, std::int64_t silenceFrames,
                  float silenceLevel);
    // Control thread, once: the take's file. Its first frame is timeline frame `origin`
    // (earlier frames: as far back as the pre-roll buffer reaches); silence is looked for from
    // `liveFrom` on, so a quiet pre-roll does not end the take.
    void beginFile(SndfileHandle file, std::string path, std::int64_t origin,
                   std::int64_t liveFrom);
    // Control thread: appends a marker to the take's journal, on the disk thread (a sync may
    // take long). Markers added before beginFile() wait for it.
    void journalMarker(const Marker& marker);
    // Control thread: writes what is left in the ring, stops the thread, closes the file
    // (which finalizes the header). Call only after the stream has stopped, or been
    // abandoned. Returns the first write error, if any.
    std::optional<Error> finish();

    // Any thread. Frames in the file, silence for dropped spans included.
    std::int64_t framesWritten() const { return framesWritten_.load(std::memory_order_acquire); }
    int dropoutsLogged() const { return dropoutsLogged_.load(std::memory_order_acquire); }
    bool failed() const { return failed_.load(std::memory_order_acquire); }
    std::optional<Error> error() const;
    // Any thread. The oldest timeline frame still in the pre-roll buffer.
    std::int64_t oldestBuffered() const { return oldestBuffered_.load(std::memory_order_acquire); }
    // Any thread. Where the sound-activated trigger fired; -1 until it does.
    std::int64_t triggerFrame() const { return triggerFrame_.load(std::memory_order_acquire); }
    // Any thread. The file's first frame in the timeline; -1 until the disk thread took it.
    std::int64_t origin() const { return origin_.load(std::memory_order_acquire); }
    // Any thread. The take reached its length or its silence: nothing more is written.
    bool ended() const { return ended_.load(std::memory_order_acquire); }
    // Any thread. Samples of the file (any channel) that reached full scale
    // (kFullScaleLevel), and the file frame of the first of them (-1: none). Counted here,
    // where every sample passes anyway, so the callback does no more work for it.
    std::int64_t clippedSamples() const { return clippedSamples_.load(std::memory_order_acquire); }
    std::int64_t firstClipFrame() const { return firstClipFrame_.load(std::memory_order_acquire); }

private:
    struct PendingFile {
        SndfileHandle file;
        std::string path;
        std::int64_t origin = 0;
        std::int64_t liveFrom = 0;
    };

    void run();
    void adoptPendingFile();      // disk thread: opens the take with its pre-roll
    void journalPendingMarkers(); // disk thread
    bool drainOnce();             // returns whether anything was read
    // Updates the header for the length written so far; syncs to the disk when it is due.
    void keepFileValid(std::chrono::steady_clock::time_point& lastSync);
    // Passes frames on in timeline order, putting the silence of each dropout at its place.
    void processInOrder(const float* frames, std::int64_t count);
    // Logs the dropouts due at the current timeline position; passes on their silence.
    void applyDueDropouts();
    void process(const float* frames, std::int64_t count); // at timeline_, then advances it
    void lookForTrigger(const float* frames, std::int64_t count);
    void writeToFile(const float* frames, std::int64_t count, std::int64_t timeline);
    bool writeFrames(const float* frames, std::int64_t count);
    // Counts the full-scale samples of `count` frames about to become file frames.
    void countClips(const float* frames, std::int64_t count);
    void fail(int errnoValue);

    // The ring as a FrameSource, when the frames come straight from one.
    class RingSource final : public FrameSource {
    public:
        explicit RingSource(SampleRing& ring) : ring_(ring) {}
        int channels() const override { return ring_.channels(); }
        std::int64_t read(float* frames, std::int64_t count) override {
            return ring_.read(frames, count);
        }

    private:
        SampleRing& ring_;
    };

    std::optional<RingSource> ringSource_;
    FrameSource& source_;
    DropoutQueue& dropouts_;
    const int sampleRate_;
    // Set by the control thread before the take, read by the disk thread.
    std::atomic<std::int64_t> maxFileFrames_;
    std::atomic<float> triggerLevel_;
    std::atomic<std::int64_t> silenceFrames_;
    std::atomic<float> silenceLevel_;
    const int channels_;
    std::optional<DropoutLog> log_;
    std::optional<Dropout> nextDropout_;
    std::vector<float> silence_;
    PreRollBuffer preRoll_;
    SndfileHandle file_;
    std::string path_;
    SamplesWrittenFn onWritten_;
    std::vector<float> chunk_;
    bool updateHeader_ = true;  // rewrite the header on each sync (every format but Ogg)
    std::int64_t timeline_ = 0; // disk thread: the next frame's timeline position
    std::int64_t liveFrom_ = 0; // disk thread
    std::int64_t quietRun_ = 0; // disk thread: frames in a row below the silence level
    std::thread thread_;
    std::atomic<bool> stopRequested_{false};
    std::mutex napMutex_; // disk and control threads only: lets finish() end the writer's nap
    std::condition_variable napEnded_;
    std::atomic<bool> failed_{false};
    std::atomic<bool> ended_{false};
    std::atomic<std::int64_t> framesWritten_{0};
    std::atomic<std::int64_t> oldestBuffered_{0};
    std::atomic<std::int64_t> triggerFrame_{-1};
    std::atomic<std::int64_t> origin_{-1};
    std::atomic<int> dropoutsLogged_{0};
    std::atomic<std::int64_t> clippedSamples_{0};
    std::atomic<std::int64_t> firstClipFrame_{-1};
    std::atomic<bool> filePending_{false};
    mutable std::mutex mutex_;           // disk and control threads only, never the callback
    std::optional<Error> error_;         // guarded by mutex_
    std::optional<PendingFile> pending_; // guarded by mutex_
    std::vector<Marker> pendingMarkers_; // guarded by mutex_
    std::atomic<bool> markersPending_{false};
    std::string journalPath_; // disk thread, once the file is adopted
};

} // namespace tapedeck
