#include "core/engine/HeardClock.h"

#include <algorithm>

namespace tapedeck {

namespace {
std::int64_t nanosOf(HeardClock::TimePoint t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}
} // namespace

void HeardClock::publish(std::int64_t frame, TimePoint at) noexcept {
    const std::uint64_t s = sequence_.load(std::memory_order_relaxed);
    sequence_.store(s + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    frame_.store(frame, std::memory_order_relaxed);
    nanos_.store(nanosOf(at), std::memory_order_relaxed);
    valid_.store(true, std::memory_order_relaxed);
    sequence_.store(s + 2, std::memory_order_release);
}

void HeardClock::reset() noexcept {
    const std::uint64_t s = sequence_.load(std::memory_order_relaxed);
    sequence_.store(s + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    valid_.store(false, std::memory_order_relaxed);
    sequence_.store(s + 2, std::memory_order_release);
}

bool HeardClock::heardAt(TimePoint now, int rate, std::int64_t limit, std::int64_t& frame) const {
    std::int64_t base = 0;
    std::int64_t nanos = 0;
    bool valid = false;
    for (;;) {
        const std::uint64_t before = sequence_.load(std::memory_order_acquire);
        if ((before & 1U) != 0) {
            continue; // a publish is under way: it takes a few nanoseconds
        }
        base = frame_.load(std::memory_order_relaxed);
        nanos = nanos_.load(std::memory_order_relaxed);
        valid = valid_.load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (sequence_.load(std::memory_order_relaxed) == before) {
            break;
        }
    }
    if (!valid) {
        return false;
    }
    const std::int64_t elapsedNanos = std::max<std::int64_t>(0, nanosOf(now) - nanos);
    const auto advanced = static_cast<std::int64_t>(static_cast<double>(elapsedNanos) * 1e-9 *
                                                    static_cast<double>(rate));
    frame = std::min(base + advanced, limit);
    return true;
}

} // namespace tapedeck
