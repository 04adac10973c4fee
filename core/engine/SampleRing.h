#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace tapedeck {

// A single-producer single-consumer ring of interleaved float frames. Sized once, before the
// stream opens; after that, write() and read() never allocate, lock or block, so either side
// may be the audio thread. Like JUCE's AbstractFifo: two monotonically growing indices, and
// each transfer copies at most two regions (before and after the wrap).
class SampleRing {
public:
    SampleRing(std::int64_t capacityFrames, int channels)
        : channels_(channels), capacity_(capacityFrames),
          samples_(static_cast<std::size_t>(capacityFrames * channels)) {}

    int channels() const { return channels_; }
    std::int64_t capacity() const { return capacity_; }

    // Producer thread. Frames that fit are written; returns how many (the caller counts the
    // rest as dropped).
    std::int64_t write(const float* frames, std::int64_t count) noexcept {
        const std::int64_t head = head_.load(std::memory_order_relaxed);
        const std::int64_t tail = tail_.load(std::memory_order_acquire);
        const std::int64_t n = std::min(count, capacity_ - (head - tail));
        copyIn(head, frames, n);
        head_.store(head + n, std::memory_order_release);
        return n;
    }

    // Consumer thread. Reads up to `count` frames; returns how many.
    std::int64_t read(float* frames, std::int64_t count) noexcept {
        const std::int64_t tail = tail_.load(std::memory_order_relaxed);
        const std::int64_t head = head_.load(std::memory_order_acquire);
        const std::int64_t n = std::min(count, head - tail);
        copyOut(tail, frames, n);
        tail_.store(tail + n, std::memory_order_release);
        return n;
    }

    // Consumer thread: drops everything written so far (a seek).
    void discardAll() noexcept {
        tail_.store(head_.load(std::memory_order_acquire), std::memory_order_release);
    }

    // Either thread; exact on the calling side, a lower bound of the other side's view.
    std::int64_t readable() const noexcept {
        return head_.load(std::memory_order_acquire) - tail_.load(std::memory_order_acquire);
    }
    std::int64_t writable() const noexcept { return capacity_ - readable(); }

private:
    void copyIn(std::int64_t at, const float* src, std::int64_t n) noexcept {
        const std::int64_t start = at % capacity_;
        const std::int64_t first = std::min(n, capacity_ - start);
        std::copy_n(src, first * channels_, samples_.data() + start * channels_);
        std::copy_n(src + first * channels_, (n - first) * channels_, samples_.data());
    }
    void copyOut(std::int64_t at, float* dst, std::int64_t n) const noexcept {
        const std::int64_t start = at % capacity_;
        const std::int64_t first = std::min(n, capacity_ - start);
        std::copy_n(samples_.data() + start * channels_, first * channels_, dst);
        std::copy_n(samples_.data(), (n - first) * channels_, dst + first * channels_);
    }

    const int channels_;
    const std::int64_t capacity_;
    std::vector<float> samples_;
    alignas(64) std::atomic<std::int64_t> head_{0}; // frames ever written
    alignas(64) std::atomic<std::int64_t> tail_{0}; // frames ever read
};

} // namespace tapedeck
