#pragma once

#include <atomic>

namespace tapedeck {

// Counts the PortAudio streams that are open, and those abandoned in a frozen sound server
// (Pa_StopStream never returned). Any thread.
class StreamRegistry {
public:
    static StreamRegistry& instance();

    void opened() { open_.fetch_add(1); }
    void closed() { open_.fetch_sub(1); }
    void abandoned() { abandoned_.store(true); }

    int openStreams() const { return open_.load(); }
    bool hasAbandonedStreams() const { return abandoned_.load(); }

private:
    std::atomic<int> open_{0};
    std::atomic<bool> abandoned_{false};
};

} // namespace tapedeck
