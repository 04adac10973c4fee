#include "core/devices/ServerWatcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <pulse/pulseaudio.h>
#include <thread>

namespace tapedeck {

namespace {
constexpr auto kConnectTimeout = std::chrono::milliseconds(1500);
// The desktop's settings let a source go up to 150 % (software gain); never further.
constexpr double kMaxVolumeFraction = 1.5;
} // namespace

// libpulse's callbacks; they run on the threaded main loop's thread with its lock held.
struct ServerWatcherCallbacks {
    static void onContextState(pa_context* context, void* userdata) {
        auto& watcher = *static_cast<ServerWatcher*>(userdata);
        switch (pa_context_get_state(context)) {
        case PA_CONTEXT_READY:
            watcher.connected_.store(true, std::memory_order_release);
            pa_threaded_mainloop_signal(watcher.loop_, 0);
            break;
        case PA_CONTEXT_FAILED:
        case PA_CONTEXT_TERMINATED: {
            const bool wasConnected = watcher.connected_.exchange(false);
            pa_threaded_mainloop_signal(watcher.loop_, 0);
            if (wasConnected) {
                watcher.noteChange(); // every device of the server is gone with it
            }
            break;
        }
        default:
            break;
        }
    }

    // The source's current volume arrived: scale it to the level asked for.
    static void onSourceForVolume(pa_context* context, const pa_source_info* info, int eol,
                                  void* userdata) {
        auto& watcher = *static_cast<ServerWatcher*>(userdata);
        if (eol < 0) {
            watcher.noteChange(); // the source is gone: whoever shows it reads the list again
            return;
        }
        if (info == nullptr) {
            return;
        }
        pa_cvolume volume = info->volume;
        pa_cvolume_scale(&volume, static_cast<pa_volume_t>(watcher.requestedVolume_));
        if (pa_operation* op = pa_context_set_source_volume_by_name(context, info->name, &volume,
                                                                    onVolumeSet, userdata)) {
            pa_operation_unref(op);
        }
    }

    static void onVolumeSet(pa_context* /*context*/, int success, void* userdata) {
        if (success == 0) {
            static_cast<ServerWatcher*>(userdata)->noteChange();
        }
    }

    static void onEvent(pa_context* /*context*/, pa_subscription_event_type_t /*type*/,
                        std::uint32_t /*index*/, void* userdata) {
        static_cast<ServerWatcher*>(userdata)->noteChange();
    }
};

std::unique_ptr<ServerWatcher> ServerWatcher::start(ChangeFn onChange) {
    std::unique_ptr<ServerWatcher> watcher(new ServerWatcher());
    watcher->onChange_ = std::move(onChange);
    watcher->loop_ = pa_threaded_mainloop_new();
    if (watcher->loop_ == nullptr) {
        return nullptr;
    }
    pa_threaded_mainloop_set_name(watcher->loop_, "tapedeck-hotplug");
    watcher->context_ =
        pa_context_new(pa_threaded_mainloop_get_api(watcher->loop_), "Tapedeck device watcher");
    if (watcher->context_ == nullptr) {
        return nullptr;
    }
    pa_context_set_state_callback(watcher->context_, ServerWatcherCallbacks::onContextState,
                                  watcher.get());
    pa_context_set_subscribe_callback(watcher->context_, ServerWatcherCallbacks::onEvent,
                                      watcher.get());
    if (pa_context_connect(watcher->context_, nullptr, PA_CONTEXT_NOAUTOSPAWN, nullptr) < 0 ||
        pa_threaded_mainloop_start(watcher->loop_) < 0) {
        return nullptr;
    }
    // Wait for the connection, but never longer than the timeout: a hung server must not
    // hang the caller. The loop thread signals on every state change.
    const auto deadline = std::chrono::steady_clock::now() + kConnectTimeout;
    pa_threaded_mainloop_lock(watcher->loop_);
    pa_context_state_t state = pa_context_get_state(watcher->context_);
    while (PA_CONTEXT_IS_GOOD(state) && state != PA_CONTEXT_READY &&
           std::chrono::steady_clock::now() < deadline) {
        pa_threaded_mainloop_unlock(watcher->loop_);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        pa_threaded_mainloop_lock(watcher->loop_);
        state = pa_context_get_state(watcher->context_);
    }
    bool subscribed = false;
    if (state == PA_CONTEXT_READY) {
        const auto mask = static_cast<pa_subscription_mask_t>(
            PA_SUBSCRIPTION_MASK_SOURCE | PA_SUBSCRIPTION_MASK_SINK | PA_SUBSCRIPTION_MASK_SERVER);
        if (pa_operation* op = pa_context_subscribe(watcher->context_, mask, nullptr, nullptr)) {
            pa_operation_unref(op);
            subscribed = true;
        }
    }
    pa_threaded_mainloop_unlock(watcher->loop_);
    if (!subscribed) {
        return nullptr;
    }
    return watcher;
}

ServerWatcher::~ServerWatcher() {
    if (loop_ != nullptr) {
        pa_threaded_mainloop_stop(loop_);
    }
    if (context_ != nullptr) {
        pa_context_disconnect(context_);
        pa_context_unref(context_);
    }
    if (loop_ != nullptr) {
        pa_threaded_mainloop_free(loop_);
    }
}

bool ServerWatcher::setSourceVolume(const std::string& sourceId, double fraction) {
    if (!isConnected()) {
        return false;
    }
    const double clamped = std::clamp(fraction, 0.0, kMaxVolumeFraction);
    pa_threaded_mainloop_lock(loop_);
    requestedVolume_ = static_cast<std::uint32_t>(std::lround(clamped * PA_VOLUME_NORM));
    pa_operation* op = pa_context_get_source_info_by_name(
        context_, sourceId.c_str(), ServerWatcherCallbacks::onSourceForVolume, this);
    if (op != nullptr) {
        pa_operation_unref(op);
    }
    pa_threaded_mainloop_unlock(loop_);
    return op != nullptr;
}

void ServerWatcher::noteChange() {
    generation_.fetch_add(1, std::memory_order_acq_rel);
    if (onChange_) {
        onChange_();
    }
}

} // namespace tapedeck
