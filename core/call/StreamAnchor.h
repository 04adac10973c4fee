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
// It also finds a silent loss: a server that drops a block of the stream without an overflow
// flag (its client was late beyond its buffer; the ALSA pulse plugin never sets one). The
// stream's timeline then counts fewer frames than the clock passed, so from there every block
// arrives late by the lost length against the last window's anchor. Blocks come late anyway:
// through the ALSA pulse plugin a block is 2–40 ms late in a sawtooth of about 300 ms, and a
// backlog after a stall comes all at once. So a loss is a run of blocks all later than kLateNs
// whose lateness has stopped shrinking (a backlog's shrinks block by block) for
// kConfirmSeconds of arrivals. It lies where the run began: a new epoch begins there, anchored
// from the blocks after. While a run lasts, confirmedEnd() stays where it began: the frames
// after it may belong to the new epoch, and the combiner waits for the verdict (at most
// kMaxHoldSeconds of frames, well within the rings, then the run counts as begun anew).
//
// Built on the control thread before the stream opens. noteBlock() runs on the audio thread
// (real-time safe, never allocates); reanchor() on the control thread.
class StreamAnchor {
public:
    // `reports` must outlive this, or be null: a one-input take has nothing to align and only
    // finds silent losses. `sampleRate` in Hz; `windowFrames`: frames per report.
    StreamAnchor(AnchorQueue* reports, int sampleRate, std::int64_t windowFrames);

    // A block this much later than the last window's anchor is late: above the plugin's
    // sawtooth at its lowest, below the loss of a server block (2048 frames at 48 kHz: 43 ms).
    static constexpr std::int64_t kLateNs = 20'000'000;
    // A run's lateness shrinking by more than this is a backlog draining, not a loss.
    static constexpr std::int64_t kShrinkNs = 5'000'000;
    static constexpr double kConfirmSeconds = 1.0;
    static constexpr double kMaxHoldSeconds = 2.5;

    // Audio thread (real-time safe): a block of `frames` frames arrived at `arrivalNs` (the
    // monotonic clock), taking the timeline from `position` to `position + frames`. `xrun`:
    // the driver lost frames before this block, so a new epoch begins here. Returns the
    // timeline frame before which the stream silently lost frames, found with this block (a
    // new epoch begins there), or -1.
    std::int64_t noteBlock(std::int64_t arrivalNs, std::int64_t position, std::int64_t frames,
                           bool xrun) noexcept;
    // Any thread: the timeline frames before this one are placed by the reports already sent;
    // those after it wait for the verdict on a run of late blocks.
    std::int64_t confirmedEnd() const noexcept;
    // Any thread: silent losses found.
    std::int64_t silentLosses() const noexcept;
    // Control thread: the next block begins a new epoch (after a pause).
    void reanchor() noexcept;
    // Any thread: reports that found the queue full (the combiner then keeps its last anchor).
    std::int64_t lostReports() const noexcept;

private:
    void beginEpoch(std::int64_t position) noexcept; // audio thread
    void send(const AnchorReport& report) noexcept;  // audio thread
    // Audio thread: follows a run of late blocks; returns where a confirmed loss lies, or -1.
    std::int64_t checkForSilentLoss(std::int64_t zeroNs, std::int64_t arrivalNs,
                                    std::int64_t position) noexcept;

    AnchorQueue* const reports_;
    const double nsPerFrame_;
    const std::int64_t windowFrames_;
    std::atomic<bool> reanchorRequested_{true}; // the first block begins epoch 0
    std::atomic<std::int64_t> lostReports_{0};
    std::atomic<std::int64_t> silentLosses_{0};
    std::atomic<std::int64_t> confirmedEnd_{0};
    const std::int64_t confirmNs_;
    const std::int64_t maxHoldFrames_;
    // Audio thread only.
    std::int64_t epoch_ = -1;
    std::int64_t epochStart_ = 0;
    std::int64_t windowStart_ = 0;
    std::int64_t earliestNs_ = 0;
    bool haveEarliest_ = false;
    std::int64_t baselineNs_ = 0; // the last settled window's anchor, in this epoch
    bool haveBaseline_ = false;
    std::int64_t lateFrom_ = -1;   // the timeline frame where the current run of late blocks began
    std::int64_t lateSinceNs_ = 0; // the arrival since which the run's lateness held steady
    std::int64_t lateLeastNs_ = 0; // the frame-0 time when the steady lateness began
};

} // namespace tapedeck
