#include "core/recording/Recorder.h"

#include "core/call/CallParts.h"
#include "core/call/CallSources.h"
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
#include "core/recording/RecorderState.h"
#include "core/recording/RecordingFile.h"
#include "core/recovery/RecordingJournal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <portaudio.h>

namespace tapedeck {

using namespace recorder_limits;

// A sound-server source says how many channels it has: a mono mic gives a mono take. A
// PortAudio device only says how many it could take at most (the ALSA plugins claim 32), so
// stereo, or mono where that is all there is.
int ownChannelCount(const DeviceInfo& device) {
    if (!device.serverId.empty()) {
        return device.maxInputChannels;
    }
    return std::min(2, device.maxInputChannels);
}

namespace {

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
    std::optional<DeviceInfo> second;
    if (const Status ok = findSecondInput(system, settings, *device, second); !ok) {
        return ok.error();
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
    } else if (second) {
        state->channels = CallLayoutMixer::kChannels; // each input's own channels, combined
        streamChannels = ownChannelCount(*device);
    } else {
        state->channels = settings.channels > 0 ? settings.channels : ownChannelCount(*device);
        streamChannels = state->channels;
    }
    if (const Status ok =
            system.checkFormat(*device, Direction::Input, streamChannels, state->sampleRate);
        !ok) {
        return ok.error();
    }
    if (second) {
        if (const Status ok = system.checkFormat(*second, Direction::Input,
                                                 ownChannelCount(*second), state->sampleRate);
            !ok) {
            return ok.error();
        }
    }
    const double preRoll = std::clamp(settings.preRollSeconds, 0.0, kMaxPreRollSeconds);
    state->preRollFrames = std::llround(preRoll * state->sampleRate);

    // Allocated here, before the stream opens: the callback and the disk thread never do.
    const auto ringFrames = static_cast<std::int64_t>(kRingSeconds * state->sampleRate);
    if (second) {
        buildCall(*state, *second, picker, streamChannels, ringFrames);
    } else {
        state->ring = std::make_unique<SampleRing>(ringFrames, state->channels);
        state->capture =
            std::make_unique<CaptureCallback>(*state->ring, state->dropoutQueue, state->events,
                                              picker, state->channels, streamChannels);
        state->arrivals =
            std::make_unique<StreamAnchor>(nullptr, state->sampleRate, state->sampleRate);
        state->capture->watchArrivals(state->arrivals.get());
    }
    DiskWriterOptions options;
    options.sampleRate = state->sampleRate;
    if (!takeAtOnce) {
        options.preRollCapacity =
            state->preRollFrames + std::llround(kPreRollSlackSeconds * state->sampleRate);
    }
    applyRules(settings, state->sampleRate, options);
    if (state->call) {
        state->writer = std::make_unique<DiskWriter>(*state->call->combiner, state->dropoutQueue,
                                                     options, std::move(onSamplesWritten));
    } else {
        state->writer = std::make_unique<DiskWriter>(*state->ring, state->dropoutQueue, options,
                                                     std::move(onSamplesWritten));
    }
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
    PaError err = openCaptureStream(&state->stream, *device, streamChannels, settings,
                                    state->sampleRate, state->capture.get());
    if (err != paNoError) {
        abandonTake();
        return streamError(err, *device);
    }
    state->latencyFrames = latencyOf(state->stream, state->sampleRate);
    if (CallParts* call = state->call.get()) {
        call->removal.watch(system, call->device);
        err = openCaptureStream(&call->stream, call->device, call->ring->channels(), settings,
                                state->sampleRate, call->capture.get());
        if (err != paNoError) {
            closeStream(state->stream, StopMode::Abort, state, kCloseTimeout);
            state->stream = nullptr;
            abandonTake();
            return streamError(err, call->device);
        }
        call->latencyFrames = latencyOf(call->stream, state->sampleRate);
    }

    state->writer->start();
    state->watchdog.reset(std::chrono::steady_clock::now());
    err = Pa_StartStream(state->stream);
    const DeviceInfo* failed = device.operator->();
    if (err == paNoError && state->call) {
        // Right after the first: the anchors, not the moment, align them.
        state->call->watchdog.reset(std::chrono::steady_clock::now());
        err = Pa_StartStream(state->call->stream);
        failed = &state->call->device;
    }
    if (err != paNoError) {
        closeStream(state->stream, StopMode::Abort, state, kCloseTimeout);
        state->stream = nullptr;
        if (state->call) {
            closeStream(state->call->stream, StopMode::Abort, state, kCloseTimeout);
            state->call->stream = nullptr;
        }
        abandonTake();
        return streamError(err, *failed);
    }
    return recorder;
}

Status Recorder::beginTake(const std::string& path) {
    RecorderState& s = *state_;
    if (s.stopped || s.hasTake) {
        return success();
    }
    const std::int64_t now = timelineOf(s);
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
    const double ago = static_cast<double>(timelineOf(s) - origin + s.latencyFrames) / s.sampleRate;
    const auto firstSample = std::chrono::system_clock::now() -
                             std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                 std::chrono::duration<double>(std::max(ago, 0.0)));
    // A call names both inputs and where each went: in bext's description, and in the
    // comment (LIST/INFO in a WAV, a tag in FLAC and Ogg) that --info reads back.
    const std::string description =
        s.call ? describeCallSources(s.device.name, s.call->device.name, s.settings.layout)
               : s.device.name;
    if (s.settings.format != FileFormat::Flac && s.settings.format != FileFormat::OggVorbis) {
        setBroadcastInfo(file->get(), broadcastInfoFor(description, firstSample, s.sampleRate));
    }
    if (s.call) {
        sf_set_string(file->get(), SF_STR_COMMENT, description.c_str());
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
        if (s.call) {
            s.call->capture->setPaused(true);
        }
    }
}

void Recorder::resume() {
    RecorderState& s = *state_;
    if (!s.capture->isPaused() || s.stopped) {
        return;
    }
    // The timeline stands still while paused: this is exactly where the next frame will go.
    addMarker(kPausedMarkerName);
    if (s.call) {
        // The two streams paused at different blocks: each is anchored anew.
        s.call->firstAnchor->reanchor();
        s.call->anchor->reanchor();
        s.call->capture->setPaused(false);
    } else {
        s.arrivals->reanchor(); // the clock went on while the timeline stood still
    }
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
    std::int64_t frames = std::max<std::int64_t>(0, timelineOf(s) - origin);
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
    if (s.call) {
        return pollCall();
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
// server's buffer, so the take keeps that much more (the capture latency) and then ends. The
// silence of a source the stream was moved to is held back by the writer and left out.
void Recorder::noticeRemoval(RecorderState& s) {
    if (s.removal.noticeRemoval(s.settings.path)) {
        const std::int64_t now = s.capture->timelineFrames();
        if (!s.call) { // a call's take goes on with its other input, silent or not
            s.writer->holdSilenceFrom(now);
        }
        s.capture->endAt(now + s.latencyFrames);
    }
    if (s.call && s.call->removal.noticeRemoval(s.settings.path)) {
        s.call->capture->endAt(s.call->capture->timelineFrames() + s.call->latencyFrames);
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
    RecorderState& s = *state_;
    if (s.call && !s.call->lostToAnnounce.empty()) {
        event = EngineEvent{};
        event.type = EngineEventType::InputLost;
        event.input = s.call->lostToAnnounce.front();
        event.frame = takeFrames();
        s.call->lostToAnnounce.pop_front();
        return true;
    }
    return s.events.pop(event) || (s.call && s.call->events.pop(event));
}

Status Recorder::stop() {
    RecorderState& s = *state_;
    if (!s.stopped) {
        s.stopped = true;
        closeStream(s.stream, s.failure ? StopMode::Abort : StopMode::Drain, state_, kCloseTimeout);
        if (s.call) {
            closeStream(s.call->stream, s.failure ? StopMode::Abort : StopMode::Drain, state_,
                        kCloseTimeout);
            // Both streams have stopped: the combiner passes on what either still holds.
            s.call->combiner->markLost(0, s.capture->timelineFrames());
            s.call->combiner->markLost(1, s.call->capture->timelineFrames());
        }
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
    if (s.call) {
        // A dropout or xrun on either input counts.
        const StreamStats second = s.call->capture->stats();
        out.droppedFrames += second.droppedFrames;
        out.dropouts += second.dropouts;
        out.xruns += second.xruns;
        out.lostEvents += second.lostEvents;
        out.lostDropoutMarks += second.lostDropoutMarks;
    }
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
    return state_->call ? &state_->call->device : nullptr;
}
InputLayout Recorder::layout() const {
    return state_->call ? state_->settings.layout : InputLayout::Split;
}
int Recorder::lostInput() {
    RecorderState& s = *state_;
    if (!s.call || s.call->lostToReport.empty()) {
        return -1;
    }
    const int input = s.call->lostToReport.front();
    s.call->lostToReport.pop_front();
    return input;
}

} // namespace tapedeck
