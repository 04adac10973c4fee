#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

struct pa_threaded_mainloop;
struct pa_context;

namespace tapedeck {

// Listens to the sound server for sources and sinks that appear, disappear or change, and for
// a new default device: hot-plug. It only says that something changed; whoever cares asks
// ServerQuery for the new list (one small round trip), which keeps this class free of state
// shared between threads beyond one counter.
//
// start() and the destructor: control thread. generation() and isConnected(): any thread.
// The change callback runs on libpulse's own thread: it must only hand the news on (post an
// event to the GUI thread, set a flag) and never call back into this object.
class ServerWatcher {
public:
    using ChangeFn = std::function<void()>;

    // Connects and subscribes; nullptr when no server answers.
    static std::unique_ptr<ServerWatcher> start(ChangeFn onChange = {});
    ~ServerWatcher();
    ServerWatcher(const ServerWatcher&) = delete;
    ServerWatcher& operator=(const ServerWatcher&) = delete;

    // Grows by one with every change the server reports; compare two readings to learn
    // whether the device list may differ.
    std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
    // False once the server has gone away (the watcher does not reconnect).
    bool isConnected() const { return connected_.load(std::memory_order_acquire); }

private:
    friend struct ServerWatcherCallbacks; // libpulse's callbacks, in the .cpp
    ServerWatcher() = default;
    void noteChange();

    pa_threaded_mainloop* loop_ = nullptr;
    pa_context* context_ = nullptr;
    ChangeFn onChange_;
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<bool> connected_{false};
};

} // namespace tapedeck
