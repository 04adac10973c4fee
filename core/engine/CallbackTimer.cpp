#include "core/engine/CallbackTimer.h"

#include <algorithm>

namespace tapedeck {

void CallbackTimer::record(std::chrono::steady_clock::time_point start) noexcept {
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(now() - start).count();
    const auto bucket = std::clamp<std::int64_t>(nanos / 1000, 0, kBuckets - 1);
    auto& slot = buckets_[static_cast<std::size_t>(bucket)];
    slot.store(slot.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    if (nanos > worstNanos_.load(std::memory_order_relaxed)) {
        worstNanos_.store(nanos, std::memory_order_relaxed);
    }
}

double CallbackTimer::medianMicros() const {
    std::uint64_t total = 0;
    for (const auto& b : buckets_) {
        total += b.load(std::memory_order_relaxed);
    }
    if (total == 0) {
        return 0.0;
    }
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += buckets_[static_cast<std::size_t>(i)].load(std::memory_order_relaxed);
        if (seen * 2 >= total) {
            return i + 0.5; // bucket centre
        }
    }
    return kBuckets;
}

double CallbackTimer::worstMicros() const {
    return worstNanos_.load(std::memory_order_relaxed) / 1000.0;
}

} // namespace tapedeck
