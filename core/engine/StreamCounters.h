#pragma once

#include "core/engine/CallbackTimer.h"
#include "core/engine/StreamStats.h"

#include <atomic>
#include <cstdint>

namespace tapedeck {

// A counter that only the audio thread writes: a relaxed load and store, no locked
// read-modify-write in the callback. Any thread may read it.
class AudioThreadCounter {
public:
    void add(std::int64_t by = 1) noexcept {
        value_.store(value_.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }
    void reset() noexcept { value_.store(0, std::memory_order_relaxed); }
    std::int64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> value_{0};
};

// What every stream's callback counts and times. The audio thread writes; any thread reads.
struct StreamCounters {
    AudioThreadCounter callbacks;
    AudioThreadCounter frames; // captured (recording) or played (playback)
    AudioThreadCounter droppedFrames;
    AudioThreadCounter dropouts;
    AudioThreadCounter xruns;
    CallbackTimer timer;

    StreamStats snapshot(std::int64_t lostEvents) const {
        StreamStats out;
        out.callbacks = callbacks.value();
        out.framesProcessed = frames.value();
        out.droppedFrames = droppedFrames.value();
        out.dropouts = dropouts.value();
        out.xruns = xruns.value();
        out.lostEvents = lostEvents;
        out.callbackMedianMicros = timer.medianMicros();
        out.callbackWorstMicros = timer.worstMicros();
        return out;
    }
};

} // namespace tapedeck
