#pragma once

#include "core/call/AnchorReport.h"

#include <atomic>
#include <cstdint>

namespace tapedeck {

// The audio-thread half of a two-input take's alignment: each callback block is noted with
// its arrival time on the monotonic clock and the timeline position it reaches; the earliest
// "arrival minus frames delivered" over each window is reported to the combiner. Reports go
// out when an epoch begins (at once) and at the end of every window (`windowFrames`).
//
// Built on the control thread before the stream opens. noteBlock() runs on the audio thread
// (real-time safe, never allocates); reanchor() on the control thread.
class StreamAnchor {
public:
    // `reports` must outlive this; `sampleRate` in Hz; `windowFrames`: frames per report.
    StreamAnchor(AnchorQueue& reports, int sampleRate, std::int64_t windowFrames);

    // Audio thread (real-time safe): a block of `frames` frames arrived at `arrivalNs` (the
    // monotonic clock), taking the timeline from `position` to `position + frames`. `xrun`:
    // the driver lost frames before this block, so a new epoch begins here.
    void noteBlock(std::int64_t arrivalNs, std::int64_t position, std::int64_t frames,
                   bool xrun) noexcept;
    // Control thread: the next block begins a new epoch (after a pause).
    void reanchor() noexcept;
    // Any thread: reports that found the queue full (the combiner then keeps its last anchor).
    std::int64_t lostReports() const noexcept;

private:
    void beginEpoch(std::int64_t position) noexcept; // audio thread
    void send(const AnchorReport& report) noexcept;  // audio thread

    AnchorQueue& reports_;
    const double nsPerFrame_;
    const std::int64_t windowFrames_;
    std::atomic<bool> reanchorRequested_{true}; // the first block begins epoch 0
    std::atomic<std::int64_t> lostReports_{0};
    // Audio thread only.
    std::int64_t epoch_ = -1;
    std::int64_t epochStart_ = 0;
    std::int64_t windowStart_ = 0;
    std::int64_t earliestNs_ = 0;
    bool haveEarliest_ = false;
};

} // namespace tapedeck
