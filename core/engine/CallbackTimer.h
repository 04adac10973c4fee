#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace tapedeck {

// Measures how long each callback takes, into a fixed histogram (1 µs buckets), so the
// callback records its cost without allocating. Written by the audio thread only; read by
// any thread (relaxed atomics: the figures are statistics, not synchronization).
class CallbackTimer {
public:
    static constexpr int kBuckets = 4096; // the last bucket holds everything ≥ 4.095 ms

    // Audio thread (real-time safe): the callback's start time.
    static std::chrono::steady_clock::time_point now() noexcept {
        return std::chrono::steady_clock::now();
    }
    // Audio thread (real-time safe).
    void record(std::chrono::steady_clock::time_point start) noexcept;

    double medianMicros() const;
    double worstMicros() const;

private:
    std::array<std::atomic<std::uint32_t>, kBuckets> buckets_{};
    std::atomic<std::int64_t> worstNanos_{0};
};

} // namespace tapedeck
