#include "core/call/StreamAnchor.h"

#include <cmath>

namespace tapedeck {

StreamAnchor::StreamAnchor(AnchorQueue& reports, int sampleRate, std::int64_t windowFrames)
    : reports_(reports), nsPerFrame_(1e9 / sampleRate), windowFrames_(windowFrames) {}

void StreamAnchor::noteBlock(std::int64_t arrivalNs, std::int64_t position, std::int64_t frames,
                             bool xrun) noexcept {
    if (xrun || reanchorRequested_.exchange(false, std::memory_order_acq_rel)) {
        beginEpoch(position);
    }
    const std::int64_t end = position + frames;
    // The block's last frame was captured no later than its arrival: frame 0 no later than
    // this. Lateness (scheduling, the server's cycle) only adds, so the earliest is the truest.
    const auto zeroNs = arrivalNs - static_cast<std::int64_t>(std::llround(end * nsPerFrame_));
    if (!haveEarliest_ || zeroNs < earliestNs_) {
        earliestNs_ = zeroNs;
        haveEarliest_ = true;
    }
    if (end - windowStart_ >= windowFrames_) {
        send(AnchorReport{epoch_, epochStart_, earliestNs_, end, true});
        windowStart_ = end;
        haveEarliest_ = false;
    }
}

void StreamAnchor::reanchor() noexcept {
    reanchorRequested_.store(true, std::memory_order_release);
}

std::int64_t StreamAnchor::lostReports() const noexcept {
    return lostReports_.load(std::memory_order_relaxed);
}

void StreamAnchor::beginEpoch(std::int64_t position) noexcept {
    ++epoch_;
    epochStart_ = position;
    windowStart_ = position;
    haveEarliest_ = false;
    send(AnchorReport{epoch_, position, 0, position, false});
}

void StreamAnchor::send(const AnchorReport& report) noexcept {
    if (!reports_.try_enqueue(report)) {
        lostReports_.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace tapedeck
