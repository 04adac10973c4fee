#include "core/call/CallInputFeed.h"

#include <algorithm>

namespace tapedeck {

namespace {
constexpr std::int64_t kChunkFrames = 8192;
} // namespace

CallInputFeed::CallInputFeed(SampleRing& ring, DropoutQueue& dropouts, AnchorQueue& anchors)
    : ring_(ring), dropouts_(dropouts), anchors_(anchors), channels_(ring.channels()),
      capacity_(ring.capacity() + 2 * kChunkFrames),
      window_(static_cast<std::size_t>(capacity_ * channels_)),
      chunk_(static_cast<std::size_t>(kChunkFrames * channels_)) {
    passed_.reserve(64);
}

void CallInputFeed::fill() {
    for (;;) {
        // Room for a chunk and for the silence of a dropout due before it.
        const std::int64_t room = capacity_ - count_;
        if (room < 2 * kChunkFrames) {
            return; // the combiner waits for the other input; the ring keeps the rest
        }
        const std::int64_t n = ring_.read(chunk_.data(), kChunkFrames);
        if (n == 0) {
            applyDueDropouts(); // a dropout at the very end still gets its silence
            return;
        }
        // The callback queues a dropout before it writes any frame after it.
        const float* frames = chunk_.data();
        std::int64_t left = n;
        while (left > 0) {
            applyDueDropouts();
            std::int64_t piece = left;
            if (nextDropout_) {
                piece = std::min(piece, nextDropout_->frame - end());
            }
            append(frames, piece);
            frames += piece * channels_;
            left -= piece;
        }
    }
}

void CallInputFeed::applyDueDropouts() {
    for (;;) {
        if (!nextDropout_) {
            Dropout d;
            if (!dropouts_.try_dequeue(d)) {
                return;
            }
            nextDropout_ = d;
        }
        if (nextDropout_->frame > end()) {
            return;
        }
        const Dropout due = *nextDropout_;
        nextDropout_.reset();
        passed_.push_back(due);
        // Silence of the lost length, as the disk writer does for one input; the window may
        // grow past its room by at most one dropout (the ring's size), which it has.
        std::int64_t lost = std::min(due.lostFrames, capacity_ - count_);
        while (lost > 0) {
            const std::int64_t piece = std::min(lost, kChunkFrames);
            std::fill_n(window_.data() + count_ * channels_, piece * channels_, 0.0f);
            count_ += piece;
            lost -= piece;
        }
    }
}

void CallInputFeed::append(const float* frames, std::int64_t count) {
    if (count <= 0) {
        return;
    }
    std::copy_n(frames, count * channels_, window_.data() + count_ * channels_);
    count_ += count;
}

void CallInputFeed::discardBefore(std::int64_t frame) {
    const std::int64_t drop = std::clamp<std::int64_t>(frame - begin_, 0, count_);
    if (drop == 0) {
        return;
    }
    std::copy(window_.begin() + drop * channels_, window_.begin() + count_ * channels_,
              window_.begin());
    count_ -= drop;
    begin_ += drop;
}

const float* CallInputFeed::at(std::int64_t frame) const {
    return window_.data() + (frame - begin_) * channels_;
}

} // namespace tapedeck
