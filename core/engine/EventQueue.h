#pragma once

#include "core/engine/EngineEvent.h"

#include <atomic>
#include <cstdint>
#include <readerwriterqueue/readerwriterqueue.h>

namespace tapedeck {

// Audio thread → control thread messages. moodycamel's ReaderWriterQueue (Debian
// libreaderwriterqueue-dev) is a well-tested SPSC queue; try_enqueue never allocates once the
// queue is built, so the callback may use it. Levels may be lost when the control thread
// falls behind; every loss is counted.
class EventQueue {
public:
    static constexpr std::size_t kCapacity = 1024;

    EventQueue() : queue_(kCapacity) {}

    // Audio thread (real-time safe).
    bool push(const EngineEvent& event) noexcept {
        if (queue_.try_enqueue(event)) {
            return true;
        }
        lost_.store(lost_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        return false;
    }

    // Control thread.
    bool pop(EngineEvent& event) { return queue_.try_dequeue(event); }

    std::int64_t lost() const { return lost_.load(std::memory_order_relaxed); }

private:
    moodycamel::ReaderWriterQueue<EngineEvent> queue_;
    std::atomic<std::int64_t> lost_{0};
};

} // namespace tapedeck
