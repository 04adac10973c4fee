#pragma once

#include <chrono>
#include <cstdint>

typedef void PaStream;

namespace tapedeck {

// Notices a stream whose callbacks stopped arriving (device unplugged, sound server killed
// or frozen). Control thread: feed it the callback count on every poll.
class StreamWatchdog {
public:
    // A stream gets longer for its first callback: servers can take a moment to start one.
    static constexpr auto kFirstCallbackGrace = std::chrono::milliseconds(3000);
    static constexpr auto kStallLimit = std::chrono::milliseconds(1000);
    // Polls come every 100 ms or so; a longer gap means this thread was held up too (the whole
    // process stopped, or starved), and the callbacks had no chance to be seen.
    static constexpr auto kPollGapLimit = std::chrono::milliseconds(500);

    void reset(std::chrono::steady_clock::time_point now) {
        lastCount_ = 0;
        lastProgress_ = now;
        lastPoll_ = now;
    }

    // Whether the stream is gone: its finished callback ran, PortAudio reports it inactive
    // (a killed server), or its callbacks stopped arriving (a frozen one). Only for a stream
    // that should be running.
    bool streamLost(PaStream* stream, bool finishedCallbackRan, std::int64_t callbackCount);

    // Returns true when the stream counts as stalled.
    bool stalled(std::int64_t callbackCount, std::chrono::steady_clock::time_point now) {
        if (now - lastPoll_ > kPollGapLimit) {
            lastProgress_ = now; // the watch starts over: after a gap, the stream gets its chance
        }
        lastPoll_ = now;
        if (callbackCount != lastCount_) {
            lastCount_ = callbackCount;
            lastProgress_ = now;
            return false;
        }
        const auto limit = callbackCount == 0 ? kFirstCallbackGrace : kStallLimit;
        return now - lastProgress_ > limit;
    }

private:
    std::int64_t lastCount_ = 0;
    std::chrono::steady_clock::time_point lastProgress_{};
    std::chrono::steady_clock::time_point lastPoll_{};
};

} // namespace tapedeck
