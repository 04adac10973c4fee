#include "core/recording/CaptureCallback.h"

#include "core/call/StreamAnchor.h"
#include "core/dsp/Levels.h"
#include "core/engine/CallbackTimer.h"
#include "core/engine/RealtimeScope.h"

#include <algorithm>

namespace tapedeck {

namespace {
constexpr std::int64_t kPickBlockFrames = 1024;
} // namespace

CaptureCallback::CaptureCallback(SampleRing& ring, DropoutQueue& dropouts, EventQueue& events,
                                 const InputChannelPicker& picker, int channels, int streamChannels)
    : ring_(ring), dropouts_(dropouts), events_(events), picker_(picker), channels_(channels),
      streamChannels_(streamChannels) {
    if (picker_.picks()) {
        pickScratchFrames_ = kPickBlockFrames;
        pickScratch_.resize(static_cast<std::size_t>(kPickBlockFrames * channels_));
    }
}

void CaptureCallback::joinCall(int input, StreamAnchor* anchor) noexcept {
    input_ = input;
    watchArrivals(anchor);
}

void CaptureCallback::watchArrivals(StreamAnchor* anchor) noexcept {
    anchor_ = anchor;
}

int CaptureCallback::streamCallback(const void* input, void* /*output*/, unsigned long frameCount,
                                    const PaStreamCallbackTimeInfo* /*timeInfo*/,
                                    PaStreamCallbackFlags flags, void* userData) noexcept {
    return static_cast<CaptureCallback*>(userData)->process(input, frameCount, flags);
}

void CaptureCallback::streamFinished(void* userData) noexcept {
    static_cast<CaptureCallback*>(userData)->finished_.store(true, std::memory_order_release);
}

int CaptureCallback::process(const void* input, unsigned long frameCount,
                             PaStreamCallbackFlags flags) noexcept {
    realtime::CallbackScope scope;
    const auto started = CallbackTimer::now();
    const std::int64_t position = counters_.frames.value();
    const std::int64_t limit = frameLimit_.load(std::memory_order_acquire);
    // The limit may be lowered below the position by the control thread (an unplugged device).
    const auto frames = limit > 0 ? std::clamp<std::int64_t>(limit - position, 0,
                                                             static_cast<std::int64_t>(frameCount))
                                  : static_cast<std::int64_t>(frameCount);

    const bool xrun = (flags & (paInputOverflow | paInputUnderflow)) != 0;
    if (xrun) {
        noteXrun(position);
    }
    if (input == nullptr) {
        EngineEvent e;
        e.type = EngineEventType::Error;
        e.error = ErrorCode::DeviceLost;
        e.frame = position;
        e.input = input_;
        events_.push(e);
        return paAbort;
    }
    const auto* samples = static_cast<const float*>(input);
    if (paused_.load(std::memory_order_acquire)) {
        // Paused: the meters go on, nothing reaches the take and the timeline stands still.
        sendLevels(samples, static_cast<std::int64_t>(frameCount), position);
        counters_.callbacks.add();
        counters_.timer.record(started);
        return paContinue;
    }
    if (anchor_ != nullptr) {
        // Before the frames reach the ring: a combiner learns of a new epoch first.
        const std::int64_t silentLossAt = anchor_->noteBlock(
            std::chrono::duration_cast<std::chrono::nanoseconds>(started.time_since_epoch())
                .count(),
            position, frames, xrun);
        if (silentLossAt >= 0) {
            noteXrun(silentLossAt); // the server dropped frames unannounced: counted as one
        }
    }
    const std::int64_t kept = writeToRing(samples, frames);
    if (kept < frames) {
        noteOverflow(position + kept, frames - kept);
    }
    sendLevels(samples, frames, position);

    counters_.frames.add(frames);
    counters_.callbacks.add();
    counters_.timer.record(started);
    if (limit > 0 && position + frames >= limit) {
        reachedLimit_.store(true, std::memory_order_release);
        return paComplete;
    }
    return paContinue;
}

void CaptureCallback::noteXrun(std::int64_t position) noexcept {
    counters_.xruns.add();
    EngineEvent e;
    e.type = EngineEventType::Xrun;
    e.frame = position;
    e.count = counters_.xruns.value();
    e.input = input_;
    events_.push(e);
    if (!dropouts_.try_enqueue(Dropout{position, 0, DropoutKind::Xrun})) {
        lostDropouts_.add();
    }
}

std::int64_t CaptureCallback::writeToRing(const float* samples, std::int64_t frames) noexcept {
    if (!picker_.picks()) {
        return ring_.write(samples, frames);
    }
    std::int64_t kept = 0;
    while (kept < frames) {
        const std::int64_t block = std::min(frames - kept, pickScratchFrames_);
        picker_.pick(samples + kept * streamChannels_, pickScratch_.data(), block);
        const std::int64_t written = ring_.write(pickScratch_.data(), block);
        kept += written;
        if (written < block) {
            break;
        }
    }
    return kept;
}

void CaptureCallback::noteOverflow(std::int64_t at, std::int64_t lost) noexcept {
    counters_.droppedFrames.add(lost);
    counters_.dropouts.add();
    // The disk thread writes the lost span as silence, so what follows stays in time.
    if (!dropouts_.try_enqueue(Dropout{at, lost, DropoutKind::RingOverflow})) {
        lostDropouts_.add();
    }
    EngineEvent e;
    e.type = EngineEventType::Overflow;
    e.frame = at;
    e.count = lost;
    e.input = input_;
    events_.push(e);
}

void CaptureCallback::sendLevels(const float* samples, std::int64_t frames,
                                 std::int64_t position) noexcept {
    // Only the take's channels.
    const int offset = picker_.picks() ? picker_.firstInput() - 1 : 0;
    EngineEvent levels;
    measureLevels(samples + offset, frames, streamChannels_, channels_, levels);
    levels.frame = position;
    levels.input = input_;
    events_.push(levels);
}

void CaptureCallback::setPaused(bool paused) noexcept {
    paused_.store(paused, std::memory_order_release);
}

bool CaptureCallback::isPaused() const noexcept {
    return paused_.load(std::memory_order_acquire);
}

void CaptureCallback::endAt(std::int64_t frame) noexcept {
    const std::int64_t limit = frameLimit_.load(std::memory_order_relaxed);
    if (limit == 0 || frame < limit) {
        frameLimit_.store(frame, std::memory_order_release);
    }
}

std::int64_t CaptureCallback::timelineFrames() const noexcept {
    return counters_.frames.value();
}

std::int64_t CaptureCallback::callbacks() const noexcept {
    return counters_.callbacks.value();
}

bool CaptureCallback::hasFinished() const noexcept {
    return finished_.load(std::memory_order_acquire);
}

bool CaptureCallback::hasReachedLimit() const noexcept {
    return reachedLimit_.load(std::memory_order_acquire);
}

StreamStats CaptureCallback::stats() const {
    StreamStats out = counters_.snapshot(events_.lost());
    out.lostDropoutMarks = lostDropouts_.value();
    return out;
}

} // namespace tapedeck
