#pragma once

#include "core/devices/InputChannelPicker.h"
#include "core/engine/EventQueue.h"
#include "core/engine/SampleRing.h"
#include "core/engine/StreamCounters.h"
#include "core/engine/StreamStats.h"
#include "core/recording/Dropout.h"

#include <atomic>
#include <cstdint>
#include <portaudio.h>
#include <vector>

namespace tapedeck {

class StreamAnchor;

// The per-block work of a capture stream: what PortAudio's callback does with each block.
// The take's channels (picked out of the stream's when the take records chosen inputs) go
// into the sample ring; the levels, every xrun and every ring overflow go to the control
// thread as events, and every lost span to the disk thread, which writes silence in its place.
// Owns what only the callback writes: the counters, the pick scratch, and the flags the
// control thread sets for it (pause, the frame limit). The pre-roll and the sound-activated
// trigger look at the audio on the disk thread (DiskWriter), not here.
//
// Built on the control thread before the stream opens, which allocates all it needs. The
// stream callbacks run on the audio thread (real-time safe); every other method says which
// thread may call it. Must outlive the stream (Recorder keeps it in the state it hands to the
// stream closer).
class CaptureCallback {
public:
    // Control thread, before the stream opens. `ring`, `dropouts` and `events` must live as
    // long as this. `picker`: the take's inputs within the stream (default: all of them).
    CaptureCallback(SampleRing& ring, DropoutQueue& dropouts, EventQueue& events,
                    const InputChannelPicker& picker, int channels, int streamChannels);
    // Control thread, before the stream opens: in a two-input take, which input this is (its
    // events say so) and where each block's arrival goes to anchor the stream on the clock.
    // `anchor` must outlive the stream.
    void joinCall(int input, StreamAnchor* anchor) noexcept;
    // Control thread, before the stream opens: where each block's arrival goes, so that a block
    // the server dropped unannounced is found and counted as an xrun (a one-input take's
    // anchor reports to no one). `anchor` must outlive the stream.
    void watchArrivals(StreamAnchor* anchor) noexcept;
    CaptureCallback(const CaptureCallback&) = delete;
    CaptureCallback& operator=(const CaptureCallback&) = delete;

    // Audio thread (real-time safe): PortAudio's stream callback; `userData` is the
    // CaptureCallback.
    static int streamCallback(const void* input, void* output, unsigned long frameCount,
                              const PaStreamCallbackTimeInfo* timeInfo, PaStreamCallbackFlags flags,
                              void* userData) noexcept;
    // Audio thread (real-time safe, or whichever thread PortAudio ends the stream on): the
    // stream's finished callback; `userData` is the CaptureCallback.
    static void streamFinished(void* userData) noexcept;

    // Control thread: while paused, the callback measures levels but passes no frame on, and
    // the timeline stands still.
    void setPaused(bool paused) noexcept;
    // Any thread.
    bool isPaused() const noexcept;
    // Control thread: the stream ends by itself once the timeline reaches `frame` (the device
    // went away). Lowers the limit, never raises it; it may lie behind the timeline already.
    void endAt(std::int64_t frame) noexcept;

    // Any thread: frames captured (the timeline: paused blocks do not count, dropped frames do).
    std::int64_t timelineFrames() const noexcept;
    // Any thread: callbacks that ran to the end of their block.
    std::int64_t callbacks() const noexcept;
    // Any thread: the stream's finished callback ran.
    bool hasFinished() const noexcept;
    // Any thread: the timeline reached endAt()'s frame and the stream completed.
    bool hasReachedLimit() const noexcept;
    // Any thread: the counters and callback timings (framesWritten is the disk thread's: 0).
    StreamStats stats() const;

private:
    // Audio thread (real-time safe): the whole of one block.
    int process(const void* input, unsigned long frameCount, PaStreamCallbackFlags flags) noexcept;
    // Audio thread (real-time safe): counts an xrun at `position`, tells both other threads.
    void noteXrun(std::int64_t position) noexcept;
    // Audio thread (real-time safe): the take's channels of `frames` stream frames into the
    // ring; how many frames it kept.
    std::int64_t writeToRing(const float* samples, std::int64_t frames) noexcept;
    // Audio thread (real-time safe): `lost` frames from timeline frame `at` found no room.
    void noteOverflow(std::int64_t at, std::int64_t lost) noexcept;
    // Audio thread (real-time safe): the levels of the take's channels, as an event.
    void sendLevels(const float* samples, std::int64_t frames, std::int64_t position) noexcept;

    SampleRing& ring_;
    DropoutQueue& dropouts_;
    EventQueue& events_;
    const InputChannelPicker picker_;
    const int channels_;             // the take's
    const int streamChannels_;       // the capture stream's: more when the take picks some inputs
    int input_ = 0;                  // which input of a two-input take
    StreamAnchor* anchor_ = nullptr; // a two-input take's
    // The picked inputs on their way to the ring, a block at a time.
    std::vector<float> pickScratch_;
    std::int64_t pickScratchFrames_ = 0;

    StreamCounters counters_;         // counters_.frames: the timeline
    AudioThreadCounter lostDropouts_; // dropouts the disk thread never heard of
    // The stream ends by itself at this timeline frame; 0: no limit.
    std::atomic<std::int64_t> frameLimit_{0};
    std::atomic<bool> paused_{false};
    std::atomic<bool> finished_{false};     // the finished callback ran
    std::atomic<bool> reachedLimit_{false}; // frameLimit_ captured: the stream completed
};

} // namespace tapedeck
