#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace tapedeck {

// Which device frame the listener hears, as the playback callback last worked it out, and
// when. The callback knows how much it has handed over and how long the output buffers are
// (PortAudio's DAC time); the control thread wants the frame heard *now*, between callbacks,
// for a playhead that moves smoothly even with 50 ms blocks.
//
// One writer, the audio thread (real-time safe: atomics only, no locks). Readers on any
// thread; a sequence counter lets a reader retry a read torn by a concurrent publish.
class HeardClock {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    // Audio thread: at `at`, the listener hears device frame `frame` (may be negative while
    // the first buffers are on their way).
    void publish(std::int64_t frame, TimePoint at) noexcept;
    // Audio thread, or the control thread while no stream runs: nothing is known (a seek
    // dropped what was queued).
    void reset() noexcept;

    // Any thread: the frame heard at `now`, extrapolated at `rate` frames a second from the
    // last publish and capped at `limit` (what has been handed over so far). False if nothing
    // has been published since the last reset().
    bool heardAt(TimePoint now, int rate, std::int64_t limit, std::int64_t& frame) const;

private:
    std::atomic<std::uint64_t> sequence_{0}; // odd while a publish is under way
    std::atomic<std::int64_t> frame_{0};
    std::atomic<std::int64_t> nanos_{0};
    std::atomic<bool> valid_{false};
};

} // namespace tapedeck
