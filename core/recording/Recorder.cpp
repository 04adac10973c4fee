#include "core/recording/Recorder.h"

#include "core/devices/InputChannelPicker.h"
#include "core/devices/StreamTarget.h"
#include "core/engine/EventQueue.h"
#include "core/engine/SampleRing.h"
#include "core/engine/StreamCloser.h"
#include "core/engine/StreamRegistry.h"
#include "core/engine/StreamWatchdog.h"
#include "core/io/BroadcastInfo.h"
#include "core/markers/TakeMarkers.h"
#include "core/recording/CaptureCallback.h"
#include "core/recording/DeviceRemovalWatch.h"
#include "core/recording/DiskWriter.h"
#include "core/recording/RecordingFile.h"
#include "core/recovery/RecordingJournal.h"

#include <algorithm>
#include <chrono>
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
} // namespace

// Everything the callback can see. Shared with the stream closer, so that a stream abandoned
// in a frozen server never sees freed memory.
struct RecorderState {
    RecordSettings settings;
    DeviceInfo device;
    int sampleRate = 0;
    int channels = 0; // the take's
    PaStream* stream = nullptr;
    std::unique_ptr<SampleRing> ring;
    DropoutQueue dropoutQueue{kDropoutQueueCapacity};
    std::unique_ptr<DiskWriter> writer;
    RecordingJournal journal; // beside the take until it is finalized: crash recovery
    EventQueue events;
    StreamWatchdog watchdog;
    // The per-block work and its counters (timelineFrames(): frames captured, not paused).
    // The stream's userData.
    std::unique_ptr<CaptureCallback> capture;

    // Control thread only.
    bool stopped = false;
    std::optional<Error> failure;
    DeviceRemovalWatch removal;
    std::int64_t latencyFrames = 0; // capture latency: audio still in the server
    bool hasTake = false;
    std::int64_t takeOrigin = 0; // timeline frame of the take's first file frame
    std::int64_t preRollFrames = 0;
    std::vector<Marker> markers;
    std::optional<Marker> clipMarker; // at the take's first clipped sample, once found
};

namespace {

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
    InputChannelPicker picker; // every stream channel goes to the take as it is
    int streamChannels = 0;    // the capture stream's: more when the take picks some inputs
    if (settings.firstInputChannel > 0) {
        auto picked = InputChannelPicker::forDevice(*device, settings.firstInputChannel,
                                                    std::max(settings.channels, 1));
        if (!picked) {
            return picked.error();
        }
        picker = *picked;
        state->channels = picker.channels();
        streamChannels = picker.streamChannels();
    } else {
        state->channels = settings.channels > 0 ? settings.channels : ownChannelCount(*device);
        streamChannels = state->channels;
    }
    if (const Status ok =
            system.checkFormat(*device, Direction::Input, streamChannels, state->sampleRate);
        !ok) {
        return ok.error();
    }
    const double preRoll = std::clamp(settings.preRollSeconds, 0.0, kMaxPreRollSeconds);
    state->preRollFrames = std::llround(preRoll * state->sampleRate);

    // Allocated here, before the stream opens: the callback and the disk thread never do.
    const auto ringFrames = static_cast<std::int64_t>(kRingSeconds * state->sampleRate);
    state->ring = std::make_unique<SampleRing>(ringFrames, state->channels);
    state->capture = std::make_unique<CaptureCallback>(
        *state->ring, state->dropoutQueue, state->events, picker, state->channels, streamChannels);
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
    state->removal.watch(system, *device);
    const StreamTarget input(*device, streamChannels,
                             settings.suggestedLatency > 0 ? settings.suggestedLatency
                                                           : kRecordingLatencySeconds);
    const unsigned long framesPerBuffer = settings.framesPerBuffer > 0
                                              ? static_cast<unsigned long>(settings.framesPerBuffer)
                                              : paFramesPerBufferUnspecified;
    PaError err = Pa_OpenStream(&state->stream, input.parameters(), nullptr, state->sampleRate,
                                framesPerBuffer, paClipOff, CaptureCallback::streamCallback,
                                state->capture.get());
    if (err != paNoError) {
        state->stream = nullptr;
        abandonTake();
        return streamError(err, *device);
    }
    StreamRegistry::instance().opened();
    Pa_SetStreamFinishedCallback(state->stream, CaptureCallback::streamFinished);
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
    const std::int64_t now = s.capture->timelineFrames();
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
        static_cast<double>(s.capture->timelineFrames() - origin + s.latencyFrames) / s.sampleRate;
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
        s.capture->setPaused(true);
    }
}

void Recorder::resume() {
    RecorderState& s = *state_;
    if (!s.capture->isPaused() || s.stopped) {
        return;
    }
    // The timeline stands still while paused: this is exactly where the next frame will go.
    addMarker(kPausedMarkerName);
    s.capture->setPaused(false);
}

bool Recorder::isPaused() const {
    return state_->capture->isPaused() && !state_->stopped;
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
    std::int64_t frames = std::max<std::int64_t>(0, s.capture->timelineFrames() - origin);
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
    markFirstClip(s);
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
    if (s.capture->hasReachedLimit() || s.removal.graceOver(std::chrono::steady_clock::now())) {
        // The take is as long as asked (a normal end), or as long as its device lived.
        s.failure = s.removal.removal();
        stop();
        return s.failure;
    }
    if (s.writer->failed()) {
        failure = s.writer->error();
    } else if (s.watchdog.streamLost(s.stream, s.capture->hasFinished(), s.capture->callbacks())) {
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
    if (s.removal.noticeRemoval(s.settings.path)) {
        s.capture->endAt(s.capture->timelineFrames() + s.latencyFrames);
    }
}

// The disk thread saw every sample and counted the clipped ones: the take gets a marker at
// the first, as if M had been pressed there (in the journal too, while the writer runs).
void Recorder::markFirstClip(RecorderState& s) {
    if (s.clipMarker || !s.hasTake || s.writer->firstClipFrame() < 0) {
        return;
    }
    s.clipMarker = Marker{s.writer->firstClipFrame(), kClipMarkerName};
    if (!s.stopped) {
        s.writer->journalMarker(*s.clipMarker);
    }
    s.markers.push_back(*s.clipMarker);
}

const std::optional<Marker>& Recorder::clipMarker() const {
    return state_->clipMarker;
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
        markFirstClip(s); // a clip in the last audio the writer drained
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
    StreamStats out = s.capture->stats();
    out.framesWritten = s.writer->framesWritten();
    out.clippedSamples = s.writer->clippedSamples();
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
const DeviceInfo* Recorder::secondDevice() const {
    return nullptr;
}
InputLayout Recorder::layout() const {
    return state_->settings.layout;
}
int Recorder::lostInput() {
    return -1;
}

} // namespace tapedeck
