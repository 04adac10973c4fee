#include "core/call/StreamAnchor.h"

#include <cmath>

namespace tapedeck {

StreamAnchor::StreamAnchor(AnchorQueue* reports, int sampleRate, std::int64_t windowFrames)
    : reports_(reports), nsPerFrame_(1e9 / sampleRate), windowFrames_(windowFrames),
      confirmNs_(static_cast<std::int64_t>(kConfirmSeconds * 1e9)),
      maxHoldFrames_(static_cast<std::int64_t>(kMaxHoldSeconds * sampleRate)) {}

std::int64_t StreamAnchor::noteBlock(std::int64_t arrivalNs, std::int64_t position,
                                     std::int64_t frames, bool xrun) noexcept {
    if (xrun || reanchorRequested_.exchange(false, std::memory_order_acq_rel)) {
        beginEpoch(position);
    }
    const std::int64_t end = position + frames;
    // The block's last frame was captured no later than its arrival: frame 0 no later than
    // this. Lateness (scheduling, the server's cycle) only adds, so the earliest is the truest.
    const auto zeroNs = arrivalNs - static_cast<std::int64_t>(std::llround(end * nsPerFrame_));
    const std::int64_t lossAt = checkForSilentLoss(zeroNs, arrivalNs, position);
    if (!haveEarliest_ || zeroNs < earliestNs_) {
        earliestNs_ = zeroNs;
        haveEarliest_ = true;
    }
    if (end - windowStart_ >= windowFrames_) {
        send(AnchorReport{epoch_, epochStart_, earliestNs_, end, true});
        if (lateFrom_ < 0) { // a window of a late run would hide the loss it may be
            baselineNs_ = earliestNs_;
            haveBaseline_ = true;
        }
        windowStart_ = end;
        haveEarliest_ = false;
    }
    // After the report: a reader that sees this also finds the report of a new epoch.
    confirmedEnd_.store(lateFrom_ >= 0 ? lateFrom_ : end, std::memory_order_release);
    return lossAt;
}

std::int64_t StreamAnchor::checkForSilentLoss(std::int64_t zeroNs, std::int64_t arrivalNs,
                                              std::int64_t position) noexcept {
    if (!haveBaseline_ || zeroNs <= baselineNs_ + kLateNs) {
        lateFrom_ = -1; // on time: whatever came late before was a delay, not a loss
        return -1;
    }
    if (lateFrom_ < 0 || position - lateFrom_ > maxHoldFrames_) {
        lateFrom_ = position;
        lateSinceNs_ = arrivalNs;
        lateLeastNs_ = zeroNs;
    } else if (zeroNs < lateLeastNs_ - kShrinkNs) {
        lateSinceNs_ = arrivalNs; // still catching up: the steady lateness is yet to show
        lateLeastNs_ = zeroNs;
    }
    if (arrivalNs - lateSinceNs_ < confirmNs_) {
        return -1;
    }
    const std::int64_t lossAt = lateFrom_;
    silentLosses_.fetch_add(1, std::memory_order_relaxed);
    beginEpoch(lossAt);
    // The new anchor comes from this block on: the blocks around the loss came late anyway.
    windowStart_ = position;
    return lossAt;
}

void StreamAnchor::reanchor() noexcept {
    reanchorRequested_.store(true, std::memory_order_release);
}

std::int64_t StreamAnchor::lostReports() const noexcept {
    return lostReports_.load(std::memory_order_relaxed);
}

std::int64_t StreamAnchor::confirmedEnd() const noexcept {
    return confirmedEnd_.load(std::memory_order_acquire);
}

std::int64_t StreamAnchor::silentLosses() const noexcept {
    return silentLosses_.load(std::memory_order_relaxed);
}

void StreamAnchor::beginEpoch(std::int64_t position) noexcept {
    ++epoch_;
    epochStart_ = position;
    windowStart_ = position;
    haveEarliest_ = false;
    haveBaseline_ = false;
    lateFrom_ = -1;
    send(AnchorReport{epoch_, position, 0, position, false});
}

void StreamAnchor::send(const AnchorReport& report) noexcept {
    if (reports_ != nullptr && !reports_->try_enqueue(report)) {
        lostReports_.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace tapedeck
