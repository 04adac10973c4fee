#include "core/recording/Recorder.h"

#include "core/devices/InputChannelPicker.h"
#include "core/devices/ServerQuery.h"
#include "core/devices/StreamTarget.h"
#include "core/dsp/Levels.h"
#include "core/engine/CallbackTimer.h"
#include "core/engine/EventQueue.h"
#include "core/engine/RealtimeScope.h"
#include "core/engine/SampleRing.h"
#include "core/engine/StreamCloser.h"
#include "core/engine/StreamCounters.h"
#include "core/engine/StreamRegistry.h"
#include "core/engine/StreamWatchdog.h"
#include "core/io/BroadcastInfo.h"
#include "core/markers/TakeMarkers.h"
#include "core/recording/DiskWriter.h"
#include "core/recording/RecordingFile.h"
#include "core/recovery/RecordingJournal.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <portaudio.h>

namespace tapedeck {

namespace {
constexpr double kRingSeconds = 5.0;
// While monitoring, the disk thread keeps this much more than the pre-roll: the control thread
// hands over the take's file a poll or two after R or the trigger, and the pre-roll is counted
// back from that moment.
constexpr double kPreRollSlackSeconds = 5.0;
constexpr double kMaxPreRollSeconds = 30.0;
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
    int channels = 0;       // the take's
    int streamChannels = 0; // the capture stream's: more when the take picks some inputs
    InputChannelPicker picker;
    // The picked inputs on their way to the ring, a block at a time. Allocated before the
    // stream opens.
    std::vector<float> pickScratch;
    std::int64_t pickScratchFrames = 0;
    PaStream* stream = nullptr;
    std::unique_ptr<SampleRing> ring;
    DropoutQueue dropoutQueue{kDropoutQueueCapacity};
    std::unique_ptr<DiskWriter> writer;
    RecordingJournal journal; // beside the take until it is finalized: crash recovery
    EventQueue events;
    StreamWatchdog watchdog;

    // The stream ends by itself at this timeline frame; 0: no limit. Set by the control
    // thread when the device is unplugged.
    std::atomic<std::int64_t> frameLimit{0};
    StreamCounters counters;         // counters.frames: the timeline (frames captured, not paused)
    AudioThreadCounter lostDropouts; // dropouts the disk thread never heard of
    std::atomic<bool> streamFinished{false}; // the finished callback ran
    std::atomic<bool> reachedLimit{false};   // frameLimit captured: the stream completed
    // The take is paused: the callback measures levels but passes no frames on.
    std::atomic<bool> paused{false};

    // Control thread only.
    bool stopped = false;
    std::optional<Error> failure;
    std::shared_ptr<const ServerWatcher> watcher; // a server device's hot-plug news
    std::uint64_t seenGeneration = 0;
    std::int64_t latencyFrames = 0; // capture latency: audio still in the server
    std::optional<Error> removal;   // the device went away; the take is ending
    std::chrono::steady_clock::time_point removedAt;
    bool hasTake = false;
    std::int64_t takeOrigin = 0; // timeline frame of the take's first file frame
    std::int64_t preRollFrames = 0;
    std::vector<Marker> markers;
};

namespace {

constexpr std::int64_t kPickBlockFrames = 1024;

// Audio thread: the take's channels of `frames` stream frames into the ring; how many frames
// it kept.
std::int64_t writeToRing(RecorderState& s, const float* samples, std::int64_t frames) noexcept {
    if (!s.picker.picks()) {
        return s.ring->write(samples, frames);
    }
    std::int64_t kept = 0;
    while (kept < frames) {
        const std::int64_t block = std::min(frames - kept, s.pickScratchFrames);
        s.picker.pick(samples + kept * s.streamChannels, s.pickScratch.data(), block);
        const std::int64_t written = s.ring->write(s.pickScratch.data(), block);
        kept += written;
        if (written < block) {
            break;
        }
    }
    return kept;
}

// Audio thread: levels of the take's channels only.
void measureTakeLevels(const RecorderState& s, const float* samples, std::int64_t frames,
                       EngineEvent& levels) noexcept {
    const int offset = s.picker.picks() ? s.picker.firstInput() - 1 : 0;
    measureLevels(samples + offset, frames, s.streamChannels, s.channels, levels);
}

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
    if (s.paused.load(std::memory_order_acquire)) {
        // Paused: the meters go on, nothing reaches the take and the timeline stands still.
        EngineEvent levels;
        measureTakeLevels(s, samples, static_cast<std::int64_t>(frameCount), levels);
        levels.frame = position;
        s.events.push(levels);
        s.counters.callbacks.add();
        s.counters.timer.record(started);
        return paContinue;
    }
    const std::int64_t kept = writeToRing(s, samples, frames);
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
    measureTakeLevels(s, samples, frames, levels);
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

// The disk thread's share of a take's rules: its length, its trigger and its silence.
void applyRules(const RecordSettings& rules, int sampleRate, DiskWriterOptions& options) {
    options.maxFileFrames = std::max<std::int64_t>(rules.maxFrames, 0);
    options.triggerLevel =
        rules.startAboveDbfs ? static_cast<float>(std::pow(10.0, *rules.startAboveDbfs / 20)) : 0;
    options.silenceFrames = 0;
    options.silenceLevel = 0;
    if (rules.stopAfterSilenceSeconds > 0) {
        options.silenceFrames =
            std::max<std::int64_t>(1, std::llround(rules.stopAfterSilenceSeconds * sampleRate));
        options.silenceLevel = static_cast<float>(
            std::pow(10.0, rules.startAboveDbfs.value_or(rules.silenceDbfs) / 20));
    }
}

} // namespace

Result<std::unique_ptr<Recorder>> Recorder::start(AudioSystem& system,
                                                  const RecordSettings& settings,
                                                  SamplesWrittenFn onSamplesWritten) {
    // The file first: a name that cannot be written fails before any stream opens.
    RecordSettings take = settings;
    take.preRollSeconds = 0;
    take.startAboveDbfs.reset();
    return open(system, take, std::move(onSamplesWritten), true);
}

Result<std::unique_ptr<Recorder>> Recorder::monitor(AudioSystem& system,
                                                    const RecordSettings& settings,
                                                    SamplesWrittenFn onSamplesWritten) {
    return open(system, settings, std::move(onSamplesWritten), false);
}

Result<std::unique_ptr<Recorder>> Recorder::open(AudioSystem& system,
                                                 const RecordSettings& settings,
                                                 SamplesWrittenFn onSamplesWritten,
                                                 bool takeAtOnce) {
    auto device = system.findDevice(settings.deviceName, Direction::Input);
    if (!device) {
        return device.error();
    }
    auto state = std::make_shared<RecorderState>();
    state->settings = settings;
    state->device = *device;
    state->sampleRate = settings.sampleRate > 0
                            ? settings.sampleRate
                            : static_cast<int>(std::lround(device->defaultSampleRate));
    if (settings.firstInputChannel > 0) {
        auto picker = InputChannelPicker::forDevice(*device, settings.firstInputChannel,
                                                    std::max(settings.channels, 1));
        if (!picker) {
            return picker.error();
        }
        state->picker = *picker;
        state->channels = picker->channels();
        state->streamChannels = picker->streamChannels();
        state->pickScratchFrames = kPickBlockFrames;
        state->pickScratch.resize(static_cast<std::size_t>(kPickBlockFrames * state->channels));
    } else {
        state->channels = settings.channels > 0 ? settings.channels : ownChannelCount(*device);
        state->streamChannels = state->channels;
    }
    if (const Status ok =
            system.checkFormat(*device, Direction::Input, state->streamChannels, state->sampleRate);
        !ok) {
        return ok.error();
    }
    const double preRoll = std::clamp(settings.preRollSeconds, 0.0, kMaxPreRollSeconds);
    state->preRollFrames = std::llround(preRoll * state->sampleRate);

    // Allocated here, before the stream opens: the callback and the disk thread never do.
    const auto ringFrames = static_cast<std::int64_t>(kRingSeconds * state->sampleRate);
    state->ring = std::make_unique<SampleRing>(ringFrames, state->channels);
    DiskWriterOptions options;
    options.sampleRate = state->sampleRate;
    if (!takeAtOnce) {
        options.preRollCapacity =
            state->preRollFrames + std::llround(kPreRollSlackSeconds * state->sampleRate);
    }
    applyRules(settings, state->sampleRate, options);
    state->writer = std::make_unique<DiskWriter>(*state->ring, state->dropoutQueue, options,
                                                 std::move(onSamplesWritten));
    std::unique_ptr<Recorder> recorder(new Recorder(state));
    if (takeAtOnce) {
        // Before the stream opens, so that the take holds the stream's very first frame.
        if (const Status opened = recorder->beginTake(settings.path); !opened) {
            return opened.error();
        }
    }
    const auto abandonTake = [&] {
        state->stopped = true;
        state->writer->finish();
        if (state->hasTake) {
            std::remove(state->settings.path.c_str()); // nothing was recorded: no empty file
            state->journal.finish();
        }
    };

    // Before the stream opens: once it runs, nothing should stand between it and its start.
    if (!device->serverId.empty()) {
        state->watcher = system.watchServer();
        state->seenGeneration = state->watcher ? state->watcher->generation() : 0;
    }
    const StreamTarget input(*device, state->streamChannels,
                             settings.suggestedLatency > 0 ? settings.suggestedLatency
                                                           : kRecordingLatencySeconds);
    const unsigned long framesPerBuffer = settings.framesPerBuffer > 0
                                              ? static_cast<unsigned long>(settings.framesPerBuffer)
                                              : paFramesPerBufferUnspecified;
    PaError err = Pa_OpenStream(&state->stream, input.parameters(), nullptr, state->sampleRate,
                                framesPerBuffer, paClipOff, recordCallback, state.get());
    if (err != paNoError) {
        state->stream = nullptr;
        abandonTake();
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
        abandonTake();
        return streamError(err, *device);
    }
    return recorder;
}

Status Recorder::beginTake(const std::string& path) {
    RecorderState& s = *state_;
    if (s.stopped || s.hasTake) {
        return success();
    }
    const std::int64_t now = s.counters.frames.value();
    return openTake(path.empty() ? s.settings.path : path, now,
                    std::max(now - s.preRollFrames, s.writer->oldestBuffered()));
}

Status Recorder::openTake(const std::string& path, std::int64_t startFrame, std::int64_t origin) {
    RecorderState& s = *state_;
    auto file = createRecordingFile(path, s.settings.format, s.sampleRate, s.channels);
    if (!file) {
        return file.error();
    }
    // bext: the wall-clock time of the take's first frame, which the pre-roll and the capture
    // latency put before this moment.
    const double ago =
        static_cast<double>(s.counters.frames.value() - origin + s.latencyFrames) / s.sampleRate;
    const auto firstSample = std::chrono::system_clock::now() -
                             std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                 std::chrono::duration<double>(std::max(ago, 0.0)));
    if (s.settings.format != FileFormat::Flac && s.settings.format != FileFormat::OggVorbis) {
        setBroadcastInfo(file->get(), broadcastInfoFor(s.device.name, firstSample, s.sampleRate));
    }
    // The journal reaches the disk before the first sample does, so a crash at any moment
    // leaves a take that recovery can find.
    JournalEntry entry;
    entry.takePath = path;
    entry.hostApi = s.device.hostApi;
    entry.deviceName = s.device.name;
    entry.sampleRate = s.sampleRate;
    entry.channels = s.channels;
    entry.format = s.settings.format;
    auto journal = RecordingJournal::begin(entry);
    if (!journal) {
        file->close();
        std::remove(path.c_str());
        return journal.error();
    }
    s.journal = std::move(*journal);
    s.settings.path = path;
    s.takeOrigin = origin;
    s.hasTake = true;
    s.writer->beginFile(std::move(*file), path, origin, startFrame);
    return success();
}

void Recorder::setTakeRules(const std::string& path, const RecordSettings& rules) {
    RecorderState& s = *state_;
    if (s.stopped || s.hasTake) {
        return;
    }
    s.settings.path = path;
    s.settings.format = rules.format;
    s.settings.maxFrames = rules.maxFrames;
    s.settings.startAboveDbfs = rules.startAboveDbfs;
    s.settings.stopAfterSilenceSeconds = rules.stopAfterSilenceSeconds;
    s.settings.silenceDbfs = rules.silenceDbfs;
    DiskWriterOptions options;
    applyRules(s.settings, s.sampleRate, options);
    s.writer->setRules(options.maxFileFrames, options.triggerLevel, options.silenceFrames,
                       options.silenceLevel);
}

bool Recorder::hasTake() const {
    return state_->hasTake;
}

bool Recorder::isWaitingForSound() const {
    const RecorderState& s = *state_;
    return !s.stopped && !s.hasTake && s.settings.startAboveDbfs.has_value();
}

void Recorder::pause() {
    RecorderState& s = *state_;
    if (s.hasTake && !s.stopped) {
        s.paused.store(true, std::memory_order_release);
    }
}

void Recorder::resume() {
    RecorderState& s = *state_;
    if (!s.paused.load(std::memory_order_acquire) || s.stopped) {
        return;
    }
    // The timeline stands still while paused: this is exactly where the next frame will go.
    addMarker(kPausedMarkerName);
    s.paused.store(false, std::memory_order_release);
}

bool Recorder::isPaused() const {
    return state_->paused.load(std::memory_order_acquire) && !state_->stopped;
}

std::optional<Marker> Recorder::addMarker(const std::string& name) {
    RecorderState& s = *state_;
    if (!s.hasTake || s.stopped) {
        return std::nullopt;
    }
    Marker marker{takeFrames(), name};
    s.writer->journalMarker(marker); // synced on the disk thread: M never waits for the disk
    s.markers.push_back(marker);
    return marker;
}

const std::vector<Marker>& Recorder::markers() const {
    return state_->markers;
}

std::int64_t Recorder::fileFrameOf(std::int64_t streamFrame) const {
    const RecorderState& s = *state_;
    if (!s.hasTake) {
        return -1;
    }
    const std::int64_t origin = s.writer->origin() >= 0 ? s.writer->origin() : s.takeOrigin;
    return streamFrame >= origin ? streamFrame - origin : -1;
}

std::int64_t Recorder::takeFrames() const {
    const RecorderState& s = *state_;
    if (!s.hasTake) {
        return 0;
    }
    const std::int64_t origin = s.writer->origin() >= 0 ? s.writer->origin() : s.takeOrigin;
    std::int64_t frames = std::max<std::int64_t>(0, s.counters.frames.value() - origin);
    if (s.settings.maxFrames > 0) {
        frames = std::min(frames, s.settings.maxFrames);
    }
    return frames;
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
    if (!s.hasTake && s.settings.startAboveDbfs && s.writer->triggerFrame() >= 0) {
        const std::int64_t trigger = s.writer->triggerFrame();
        const Status opened =
            openTake(s.settings.path, trigger,
                     std::max(trigger - s.preRollFrames, s.writer->oldestBuffered()));
        if (!opened) {
            s.failure = opened.error();
            stop();
            return s.failure;
        }
    }
    if (s.writer->ended()) {
        stop(); // the take has its length, or the silence that ends it
        return s.failure;
    }
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
        // FLAC and Ogg takes also without markers: the room kept for them is cleared.
        if (s.hasTake && (!s.markers.empty() || s.settings.format == FileFormat::Flac ||
                          s.settings.format == FileFormat::OggVorbis)) {
            const Status saved =
                take_markers::save(s.settings.path, s.settings.format, s.markers, s.sampleRate);
            if (!saved && !s.failure && !s.markers.empty()) {
                s.failure = saved.error();
            }
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
int Recorder::firstInputChannel() const {
    return state_->settings.firstInputChannel;
}
const std::string& Recorder::path() const {
    return state_->settings.path;
}
const DeviceInfo& Recorder::device() const {
    return state_->device;
}

} // namespace tapedeck
