#include "core/call/CallInputFeed.h"

#include <algorithm>

namespace tapedeck {

namespace {
constexpr std::int64_t kChunkFrames = 8192;
constexpr std::int64_t kWindowChunks = 4;
} // namespace

CallInputFeed::CallInputFeed(SampleRing& ring, DropoutQueue& dropouts, AnchorQueue& anchors)
    : ring_(ring), dropouts_(dropouts), anchors_(anchors), channels_(ring.channels()),
      // A few chunks: the rest waits in the ring. Small, so a take does not fault in and zero
      // megabytes it never needs.
      capacity_(kWindowChunks * kChunkFrames),
      window_(static_cast<std::size_t>(capacity_ * channels_)),
      chunk_(static_cast<std::size_t>(kChunkFrames * channels_)) {
    passed_.reserve(64);
}

void CallInputFeed::fill() {
    for (;;) {
        fillSilence();
        if (silenceLeft_ > 0) {
            return; // a long dropout's silence goes in as the window empties
        }
        if (chunkLeft_ == 0) {
            if (capacity_ - count_ < kChunkFrames) {
                return; // the combiner waits for the other input; the ring keeps the rest
            }
            const std::int64_t n = ring_.read(chunk_.data(), kChunkFrames);
            if (n == 0) {
                applyDueDropouts(); // a dropout at the very end still gets its silence
                fillSilence();
                return;
            }
            chunkAt_ = 0;
            chunkLeft_ = n;
        }
        // The callback queues a dropout before it writes any frame after it.
        while (chunkLeft_ > 0) {
            applyDueDropouts();
            if (silenceLeft_ > 0) {
                break; // the rest of the chunk comes after the silence
            }
            std::int64_t piece = std::min(chunkLeft_, capacity_ - count_);
            if (nextDropout_) {
                piece = std::min(piece, nextDropout_->frame - end());
            }
            if (piece <= 0) {
                return;
            }
            append(chunk_.data() + chunkAt_ * channels_, piece);
            chunkAt_ += piece;
            chunkLeft_ -= piece;
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
        if (silenceLeft_ > 0 || nextDropout_->frame > end()) {
            return;
        }
        const Dropout due = *nextDropout_;
        nextDropout_.reset();
        passed_.push_back(due);
        // Silence of the lost length, as the disk writer does for one input.
        silenceLeft_ = due.lostFrames;
        fillSilence();
    }
}

void CallInputFeed::fillSilence() {
    const std::int64_t piece = std::min(silenceLeft_, capacity_ - count_);
    std::fill_n(window_.data() + count_ * channels_, piece * channels_, 0.0f);
    count_ += piece;
    silenceLeft_ -= piece;
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
