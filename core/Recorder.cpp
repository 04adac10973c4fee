#include "Recorder.h"

#include "CallbackTimer.h"
#include "DiskWriter.h"
#include "EventQueue.h"
#include "Levels.h"
#include "RealtimeScope.h"
#include "RecordingFile.h"
#include "SampleRing.h"
#include "StreamCloser.h"
#include "StreamCounters.h"
#include "StreamRegistry.h"
#include "StreamWatchdog.h"
#include "devices/ServerQuery.h"
#include "devices/StreamTarget.h"
#include "recovery/RecordingJournal.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <portaudio.h>

namespace tapedeck {

namespace {
constexpr double kRingSeconds = 5.0;
// A take goes to disk, so nothing waits on the capture latency but the meters: a large buffer
// lets the sound server run long cycles and wake every thread rarely. A short one (PortAudio's
// "low" default, 8.7 ms) drives the whole server graph at 256-frame cycles, and one cycle it
// misses on a busy or virtual machine is 5 ms of silence in the take that nothing reports.
constexpr double kRecordingLatencySeconds = 0.2;
constexpr auto kCloseTimeout = std::chrono::milliseconds(500);
constexpr std::size_t kDropoutQueueCapacity = 256;
// After the device went away: how long a device-list query may take, and how long to wait
// for the stream to reach the cut before stopping it anyway.
constexpr auto kRemovalQueryTimeout = std::chrono::milliseconds(500);
constexpr auto kRemovalGrace = std::chrono::milliseconds(1500);
} // namespace

// Everything the callback can see. Shared with the stream closer, so that a stream abandoned
// in a frozen server never sees freed memory.
struct RecorderState {
    RecordSettings settings;
    DeviceInfo device;
    int sampleRate = 0;
    int channels = 0;
    PaStream* stream = nullptr;
    std::unique_ptr<SampleRing> ring;
    DropoutQueue dropoutQueue{kDropoutQueueCapacity};
    std::unique_ptr<DiskWriter> writer;
    RecordingJournal journal; // beside the take until it is finalized: crash recovery
    EventQueue events;
    StreamWatchdog watchdog;

    // The take ends by itself at this frame; 0: no limit. settings.maxFrames to begin with;
    // lowered by the control thread when the device is unplugged.
    std::atomic<std::int64_t> frameLimit{0};
    StreamCounters counters;                 // counters.frames: frames captured
    AudioThreadCounter lostDropouts;         // dropouts the disk thread never heard of
    std::atomic<bool> streamFinished{false}; // the finished callback ran
    std::atomic<bool> reachedLimit{false};   // maxFrames captured: the stream completed

    // Control thread only.
    bool stopped = false;
    std::optional<Error> failure;
    std::shared_ptr<const ServerWatcher> watcher; // a server device's hot-plug news
    std::uint64_t seenGeneration = 0;
    std::int64_t latencyFrames = 0; // capture latency: audio still in the server
    std::optional<Error> removal;   // the device went away; the take is ending
    std::chrono::steady_clock::time_point removedAt;
};

namespace {

int recordCallback(const void* input, void* /*output*/, unsigned long frameCount,
                   const PaStreamCallbackTimeInfo* /*timeInfo*/, PaStreamCallbackFlags flags,
                   void* userData) noexcept {
    realtime::CallbackScope scope;
    const auto started = CallbackTimer::now();
    auto& s = *static_cast<RecorderState*>(userData);
    const std::int64_t position = s.counters.frames.value();
    const std::int64_t limit = s.frameLimit.load(std::memory_order_acquire);
    // The limit may be lowered below the position by the control thread (an unplugged device).
    const auto frames = limit > 0 ? std::clamp<std::int64_t>(limit - position, 0,
                                                             static_cast<std::int64_t>(frameCount))
                                  : static_cast<std::int64_t>(frameCount);

    if ((flags & (paInputOverflow | paInputUnderflow)) != 0) {
        s.counters.xruns.add();
        EngineEvent e;
        e.type = EngineEventType::Xrun;
        e.frame = position;
        e.count = s.counters.xruns.value();
        s.events.push(e);
        if (!s.dropoutQueue.try_enqueue(Dropout{position, 0, DropoutKind::Xrun})) {
            s.lostDropouts.add();
        }
    }
    if (input == nullptr) {
        EngineEvent e;
        e.type = EngineEventType::Error;
        e.error = ErrorCode::DeviceLost;
        e.frame = position;
        s.events.push(e);
        return paAbort;
    }
    const auto* samples = static_cast<const float*>(input);
    const std::int64_t kept = s.ring->write(samples, frames);
    if (kept < frames) {
        s.counters.droppedFrames.add(frames - kept);
        s.counters.dropouts.add();
        // The disk thread writes the lost span as silence, so what follows stays in time.
        if (!s.dropoutQueue.try_enqueue(
                Dropout{position + kept, frames - kept, DropoutKind::RingOverflow})) {
            s.lostDropouts.add();
        }
        EngineEvent e;
        e.type = EngineEventType::Overflow;
        e.frame = position + kept;
        e.count = frames - kept;
        s.events.push(e);
    }
    EngineEvent levels;
    measureLevels(samples, frames, s.channels, levels);
    levels.frame = position;
    s.events.push(levels);

    s.counters.frames.add(frames);
    s.counters.callbacks.add();
    s.counters.timer.record(started);
    if (limit > 0 && position + frames >= limit) {
        s.reachedLimit.store(true, std::memory_order_release);
        return paComplete;
    }
    return paContinue;
}

void recordFinished(void* userData) noexcept {
    static_cast<RecorderState*>(userData)->streamFinished.store(true, std::memory_order_release);
}

// A sound-server source says how many channels it has: a mono mic gives a mono take. A
// PortAudio device only says how many it could take at most (the ALSA plugins claim 32), so
// stereo, or mono where that is all there is.
int ownChannelCount(const DeviceInfo& device) {
    if (!device.serverId.empty()) {
        return device.maxInputChannels;
    }
    return std::min(2, device.maxInputChannels);
}

Error streamError(PaError err, const DeviceInfo& device) {
    if (err == paInvalidSampleRate) {
        return {ErrorCode::UnsupportedRate, device.name + " cannot record at the chosen rate."};
    }
    if (err == paDeviceUnavailable) {
        return {ErrorCode::StreamFailed,
                device.name + " is busy or unavailable. Close other programs using it, or choose "
                              "another input."};
    }
    return {ErrorCode::StreamFailed,
            "Recording from " + device.name + " could not start: " + Pa_GetErrorText(err) + "."};
}

} // namespace

Result<std::unique_ptr<Recorder>> Recorder::start(AudioSystem& system,
                                                  const RecordSettings& settings,
                                                  SamplesWrittenFn onSamplesWritten) {
    auto device = system.findDevice(settings.deviceName, Direction::Input);
    if (!device) {
        return device.error();
    }
    auto state = std::make_shared<RecorderState>();
    state->settings = settings;
    state->device = *device;
    state->frameLimit.store(settings.maxFrames, std::memory_order_relaxed);
    state->sampleRate = settings.sampleRate > 0
                            ? settings.sampleRate
                            : static_cast<int>(std::lround(device->defaultSampleRate));
    state->channels = settings.channels > 0 ? settings.channels : ownChannelCount(*device);
    if (const Status ok =
            system.checkFormat(*device, Direction::Input, state->channels, state->sampleRate);
        !ok) {
        return ok.error();
    }

    auto file =
        createRecordingFile(settings.path, settings.format, state->sampleRate, state->channels);
    if (!file) {
        return file.error();
    }
    // The journal reaches the disk before the first sample does, so a crash at any moment
    // leaves a take that recovery can find.
    JournalEntry entry;
    entry.takePath = settings.path;
    entry.hostApi = device->hostApi;
    entry.deviceName = device->name;
    entry.sampleRate = state->sampleRate;
    entry.channels = state->channels;
    entry.format = settings.format;
    auto journal = RecordingJournal::begin(entry);
    if (!journal) {
        file->close();
        std::remove(settings.path.c_str());
        return journal.error();
    }
    state->journal = std::move(*journal);
    const auto ringFrames = static_cast<std::int64_t>(kRingSeconds * state->sampleRate);
    state->ring = std::make_unique<SampleRing>(ringFrames, state->channels);
    state->writer =
        std::make_unique<DiskWriter>(*state->ring, state->dropoutQueue, std::move(*file),
                                     settings.path, state->sampleRate, std::move(onSamplesWritten));

    // Before the stream opens: once it runs, nothing should stand between it and its start.
    if (!device->serverId.empty()) {
        state->watcher = system.watchServer();
        state->seenGeneration = state->watcher ? state->watcher->generation() : 0;
    }
    const StreamTarget input(*device, state->channels,
                             settings.suggestedLatency > 0 ? settings.suggestedLatency
                                                           : kRecordingLatencySeconds);
    const unsigned long framesPerBuffer = settings.framesPerBuffer > 0
                                              ? static_cast<unsigned long>(settings.framesPerBuffer)
                                              : paFramesPerBufferUnspecified;
    PaError err = Pa_OpenStream(&state->stream, input.parameters(), nullptr, state->sampleRate,
                                framesPerBuffer, paClipOff, recordCallback, state.get());
    if (err != paNoError) {
        state->writer->finish();
        std::remove(settings.path.c_str()); // nothing was recorded: leave no empty file behind
        state->journal.finish();
        return streamError(err, *device);
    }
    StreamRegistry::instance().opened();
    Pa_SetStreamFinishedCallback(state->stream, recordFinished);
    if (const PaStreamInfo* info = Pa_GetStreamInfo(state->stream)) {
        state->latencyFrames = static_cast<std::int64_t>(info->inputLatency * state->sampleRate);
    }

    state->writer->start();
    state->watchdog.reset(std::chrono::steady_clock::now());
    err = Pa_StartStream(state->stream);
    if (err != paNoError) {
        closeStream(state->stream, StopMode::Abort, state, kCloseTimeout);
        state->stream = nullptr;
        state->writer->finish();
        std::remove(settings.path.c_str());
        state->journal.finish();
        return streamError(err, *device);
    }
    return std::unique_ptr<Recorder>(new Recorder(std::move(state)));
}

Recorder::Recorder(std::shared_ptr<RecorderState> state) : state_(std::move(state)) {}

Recorder::~Recorder() {
    stop();
}

std::optional<Error> Recorder::poll() {
    RecorderState& s = *state_;
    if (s.stopped) {
        return s.failure;
    }
    noticeRemoval(s);
    std::optional<Error> failure;
    if (s.reachedLimit.load(std::memory_order_acquire) ||
        (s.removal && std::chrono::steady_clock::now() - s.removedAt > kRemovalGrace)) {
        // The take is as long as asked (a normal end), or as long as its device lived.
        s.failure = s.removal;
        stop();
        return s.failure;
    }
    if (s.writer->failed()) {
        failure = s.writer->error();
    } else if (s.watchdog.streamLost(s.stream, s.streamFinished.load(std::memory_order_acquire),
                                     s.counters.callbacks.value())) {
        failure = Error{ErrorCode::DeviceLost,
                        s.device.name +
                            " stopped sending audio: it may have been unplugged, or the sound "
                            "server stopped. The recording was saved up to that moment in " +
                            s.settings.path + "."};
    }
    if (failure) {
        s.failure = failure;
        stop();
    }
    return s.failure;
}

// When the take's server device disappears, the server moves the stream to another source
// and would go on recording that. What the device captured before it went is still in the
// server's buffer, so the take keeps that much more (the capture latency) and then ends.
void Recorder::noticeRemoval(RecorderState& s) {
    if (s.removal || !s.watcher || s.watcher->generation() == s.seenGeneration) {
        return;
    }
    s.seenGeneration = s.watcher->generation();
    const auto server = ServerQuery::devices(kRemovalQueryTimeout);
    if (!server) {
        return; // the server itself is gone: the watchdog notices the stream stopping
    }
    for (const ServerDevice& d : server->devices) {
        if (d.id == s.device.serverId && d.kind != ServerDeviceKind::Output) {
            return;
        }
    }
    s.removal =
        Error{ErrorCode::DeviceLost, s.device.name +
                                         " was unplugged or removed. The take is saved up to "
                                         "that moment in " +
                                         s.settings.path + "."};
    s.removedAt = std::chrono::steady_clock::now();
    const std::int64_t cut = s.counters.frames.value() + s.latencyFrames;
    const std::int64_t limit = s.frameLimit.load(std::memory_order_relaxed);
    if (limit == 0 || cut < limit) {
        s.frameLimit.store(cut, std::memory_order_release);
    }
}

bool Recorder::nextEvent(EngineEvent& event) {
    return state_->events.pop(event);
}

Status Recorder::stop() {
    RecorderState& s = *state_;
    if (!s.stopped) {
        s.stopped = true;
        closeStream(s.stream, s.failure ? StopMode::Abort : StopMode::Drain, state_, kCloseTimeout);
        if (auto writeError = s.writer->finish(); writeError && !s.failure) {
            s.failure = writeError;
        }
        // The file is closed and its header final, even after a failure: nothing to recover.
        s.journal.finish();
    }
    if (s.failure) {
        return *s.failure;
    }
    return success();
}

bool Recorder::isRunning() const {
    return !state_->stopped;
}

StreamStats Recorder::stats() const {
    const RecorderState& s = *state_;
    StreamStats out = s.counters.snapshot(s.events.lost());
    out.framesWritten = s.writer->framesWritten();
    out.lostDropoutMarks = s.lostDropouts.value();
    return out;
}

int Recorder::sampleRate() const {
    return state_->sampleRate;
}
int Recorder::channels() const {
    return state_->channels;
}
const std::string& Recorder::path() const {
    return state_->settings.path;
}
const DeviceInfo& Recorder::device() const {
    return state_->device;
}

} // namespace tapedeck
