#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

struct pa_threaded_mainloop;
struct pa_context;

namespace tapedeck {

// Listens to the sound server for sources and sinks that appear, disappear or change, and for
// a new default device: hot-plug. It only says that something changed; whoever cares asks
// ServerQuery for the new list (one small round trip), which keeps this class free of state
// shared between threads beyond one counter.
//
// It also sets a source's volume over the same connection (setSourceVolume), so the level a
// person picks is the one the desktop's settings and other programs see.
//
// start(), setSourceVolume() and the destructor: control thread. generation() and
// isConnected(): any thread.
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

    // Sets the source's volume to this fraction of its normal level (1.0: 100 %), keeping
    // the balance between its channels. Returns at once; the server's change event then says
    // that the volume moved. If the server refuses, a change is reported all the same, so
    // whoever shows the level reads the real one again. False when not connected.
    bool setSourceVolume(const std::string& sourceId, double fraction);

private:
    friend struct ServerWatcherCallbacks; // libpulse's callbacks, in the .cpp
    ServerWatcher() = default;
    void noteChange();

    pa_threaded_mainloop* loop_ = nullptr;
    pa_context* context_ = nullptr;
    ChangeFn onChange_;
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<bool> connected_{false};
    // The volume last asked for, as a pa_volume_t; read and written only with the main
    // loop's lock held (setSourceVolume() and libpulse's callbacks).
    std::uint32_t requestedVolume_ = 0;
};

} // namespace tapedeck
