#include "core/devices/ServerQuery.h"

#include <memory>
#include <pulse/pulseaudio.h>

namespace tapedeck {

namespace {

using Clock = std::chrono::steady_clock;

// How long one poll of the main loop may block: short, so the deadline is kept.
constexpr int kPollSliceMicros = 20000;

struct MainLoopDeleter {
    void operator()(pa_mainloop* loop) const { pa_mainloop_free(loop); }
};
struct ContextDeleter {
    void operator()(pa_context* context) const {
        pa_context_disconnect(context);
        pa_context_unref(context);
    }
};

// What the callbacks fill in. Everything runs on the calling thread: the main loop is
// iterated by hand (pa_mainloop), so there is no libpulse thread and no lock.
struct Query {
    int pending = 0;
    bool failed = false;
    std::string defaultSink;
    std::string defaultSource;
    ServerSnapshot snapshot;
};

std::string orEmpty(const char* text) {
    return text != nullptr ? text : "";
}

void onServerInfo(pa_context* /*context*/, const pa_server_info* info, void* userdata) {
    auto& q = *static_cast<Query*>(userdata);
    if (info != nullptr) {
        q.defaultSink = orEmpty(info->default_sink_name);
        q.defaultSource = orEmpty(info->default_source_name);
        q.snapshot.serverName = orEmpty(info->server_name);
    }
    --q.pending;
}

// What sink and source infos share: libpulse gives both the same fields under these names.
template <typename Info> ServerDevice deviceFrom(const Info& info, ServerDeviceKind kind) {
    ServerDevice d;
    d.id = orEmpty(info.name);
    d.description = info.description != nullptr ? info.description : d.id;
    d.kind = kind;
    d.sampleRate = static_cast<int>(info.sample_spec.rate);
    d.channels = info.sample_spec.channels;
    return d;
}

void onSinkInfo(pa_context* /*context*/, const pa_sink_info* info, int eol, void* userdata) {
    auto& q = *static_cast<Query*>(userdata);
    if (eol != 0) {
        --q.pending;
        return;
    }
    q.snapshot.devices.push_back(deviceFrom(*info, ServerDeviceKind::Output));
}

void onSourceInfo(pa_context* /*context*/, const pa_source_info* info, int eol, void* userdata) {
    auto& q = *static_cast<Query*>(userdata);
    if (eol != 0) {
        --q.pending;
        return;
    }
    const bool monitor = info->monitor_of_sink != PA_INVALID_INDEX;
    ServerDevice d =
        deviceFrom(*info, monitor ? ServerDeviceKind::Monitor : ServerDeviceKind::Input);
    if (monitor) {
        d.monitoredSink = orEmpty(info->monitor_of_sink_name);
    }
    // The loudest channel, as pactl and the desktop's settings show one level for a source.
    if (info->volume.channels > 0 && pa_cvolume_valid(&info->volume) != 0) {
        d.volume = static_cast<double>(pa_cvolume_max(&info->volume)) / PA_VOLUME_NORM;
    }
    q.snapshot.devices.push_back(std::move(d));
}

// Names each monitor after the sink it listens to ("Sound from Built-in Audio (what the
// computer plays)") and marks the defaults.
void finish(Query& q) {
    for (auto& d : q.snapshot.devices) {
        if (d.kind == ServerDeviceKind::Output) {
            d.isDefault = d.id == q.defaultSink;
            continue;
        }
        d.isDefault = d.id == q.defaultSource;
        if (d.kind == ServerDeviceKind::Monitor) {
            std::string sink = d.monitoredSink;
            for (const auto& other : q.snapshot.devices) {
                if (other.kind == ServerDeviceKind::Output && other.id == d.monitoredSink) {
                    sink = other.description;
                }
            }
            d.monitoredSink = sink;
            d.description = "Sound from " + sink + " (what the computer plays)";
        }
    }
}

// Runs the loop until `done` says so, the context fails, or the deadline passes.
template <typename Done>
bool iterateUntil(pa_mainloop* loop, pa_context* context, Clock::time_point deadline, Done done) {
    while (!done()) {
        const pa_context_state_t state = pa_context_get_state(context);
        if (state == PA_CONTEXT_FAILED || state == PA_CONTEXT_TERMINATED) {
            return false;
        }
        if (Clock::now() > deadline) {
            return false;
        }
        if (pa_mainloop_prepare(loop, kPollSliceMicros) < 0 || pa_mainloop_poll(loop) < 0 ||
            pa_mainloop_dispatch(loop) < 0) {
            return false;
        }
    }
    return true;
}

Error noServer(const std::string& why) {
    return Error{ErrorCode::NoAudioSystem, "No sound server answered: " + why + "."};
}

} // namespace

Result<ServerSnapshot> ServerQuery::devices(std::chrono::milliseconds timeout) {
    const Clock::time_point deadline = Clock::now() + timeout;
    std::unique_ptr<pa_mainloop, MainLoopDeleter> loop(pa_mainloop_new());
    if (!loop) {
        return noServer("libpulse could not start");
    }
    std::unique_ptr<pa_context, ContextDeleter> context(
        pa_context_new(pa_mainloop_get_api(loop.get()), "Tapedeck"));
    if (!context) {
        return noServer("libpulse could not start");
    }
    if (pa_context_connect(context.get(), nullptr, PA_CONTEXT_NOAUTOSPAWN, nullptr) < 0) {
        return noServer(pa_strerror(pa_context_errno(context.get())));
    }
    const bool ready = iterateUntil(loop.get(), context.get(), deadline, [&] {
        return pa_context_get_state(context.get()) == PA_CONTEXT_READY;
    });
    if (!ready) {
        return noServer(pa_strerror(pa_context_errno(context.get())));
    }

    Query q;
    q.pending = 3;
    for (pa_operation* op : {pa_context_get_server_info(context.get(), onServerInfo, &q),
                             pa_context_get_sink_info_list(context.get(), onSinkInfo, &q),
                             pa_context_get_source_info_list(context.get(), onSourceInfo, &q)}) {
        if (op == nullptr) {
            return noServer(pa_strerror(pa_context_errno(context.get())));
        }
        pa_operation_unref(op);
    }
    if (!iterateUntil(loop.get(), context.get(), deadline, [&] { return q.pending == 0; })) {
        return noServer("it did not list its devices in time");
    }
    finish(q);
    return std::move(q.snapshot);
}

} // namespace tapedeck
