#include "core/playback/Player.h"

#include "core/devices/StreamTarget.h"
#include "core/dsp/Levels.h"
#include "core/engine/CallbackTimer.h"
#include "core/engine/EventQueue.h"
#include "core/engine/HeardClock.h"
#include "core/engine/RealtimeScope.h"
#include "core/engine/SampleRing.h"
#include "core/engine/StreamCloser.h"
#include "core/engine/StreamCounters.h"
#include "core/engine/StreamRegistry.h"
#include "core/engine/StreamWatchdog.h"
#include "core/playback/DiskReader.h"
#include "core/playback/PlaybackPosition.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <portaudio.h>
#include <thread>

namespace tapedeck {

namespace {
constexpr double kRingSeconds = 2.0;
constexpr double kPrefillSeconds = 0.5;
constexpr auto kPrefillTimeout = std::chrono::milliseconds(2000);
constexpr auto kCloseTimeout = std::chrono::milliseconds(500);
// How long play() waits for the reader to finish a seek (a file read or two), and how often
// it looks.
constexpr auto kSeekTimeout = std::chrono::milliseconds(2000);
constexpr auto kSeekPoll = std::chrono::milliseconds(1);
// Long enough that the sound server runs long cycles: PortAudio's "high" default for the
// ALSA pulse device is 8.7 ms, which drives the whole server graph at 256-frame cycles, and
// a cycle the server misses on a busy or virtual machine is 5 ms of silence nothing reports.
// Short enough that pause and seek, which wait for what is queued, still feel immediate.
constexpr double kPlaybackLatencySeconds = 0.1;
// The callback's block: half the latency, so the callback, the disk reader and the ALSA
// plugin's thread each wake about 20 times a second instead of 50-120 (PortAudio's own
// choice for a 100 ms buffer is about 1000 frames). The playhead between callbacks comes
// from HeardClock, so it still moves smoothly.
constexpr double kPlaybackBlockSeconds = 0.05;
// How far each callback's measurement pulls the playhead's line (see noteHeard), and how far
// off a measurement must be to move the line there at once (a stall, a restart).
constexpr double kPhaseCorrection = 1.0 / 8.0;
constexpr double kSnapSeconds = 0.25;
// A DAC time further ahead than this is not believed (a driver reporting garbage).
constexpr double kLargestBelievableDelaySeconds = 2.0;
} // namespace

// Everything the callback can see; shared with the stream closer (see Recorder).
struct PlayerState {
    PlaySettings settings;
    DeviceInfo device;
    int deviceRate = 0;
    int deviceChannels = 0;
    std::int64_t latencyFrames = 0; // output latency, in device frames
    // Silence played after the last frame before the end counts as heard: the output latency
    // PortAudio reports, twice over. It does not count the sound server's own cycle, and the
    // stream is closed at once when the end is heard, so an estimate short by a few
    // milliseconds would cut them off the end of the file.
    std::int64_t endFrames = 0;
    // Audio thread only (or the control thread with no stream): the playhead's line, the
    // device frame heard at lineTime (see noteHeard).
    bool lineKnown = false;
    double lineFrame = 0.0;
    HeardClock::TimePoint lineTime;
    HeardClock heard; // written by the audio thread, read by position()
    PaStream* stream = nullptr;
    std::unique_ptr<SampleRing> ring;
    std::unique_ptr<DiskReader> reader;
    EventQueue events;
    StreamWatchdog watchdog;

    std::atomic<bool> paused{true};
    // Written by the audio thread only.
    AudioThreadCounter consumedSinceFlush; // device frames taken from the ring
    AudioThreadCounter silenceAfterEnd;
    std::atomic<bool> finished{false};
    StreamCounters counters; // counters.frames: frames played (device rate)
    std::atomic<bool> streamFinished{false};

    // Control thread only.
    double speed = 1.0;
    bool stopped = false;
    std::optional<Error> failure;
};

namespace {

// The ring's read side of a seek: drops what the ring holds and forgets the end of the file.
// On the audio thread while a stream runs, else on the control thread (real-time safe).
void flushForSeek(PlayerState& s) noexcept {
    s.ring->discardAll();
    s.heard.reset();
    s.lineKnown = false;
    s.consumedSinceFlush.reset();
    s.silenceAfterEnd.reset();
    s.finished.store(false, std::memory_order_release);
    s.reader->acknowledgeFlush();
}

// Audio thread: works out which frame the listener hears now, from what was handed over
// before this block and how far ahead of the speaker this block is (PortAudio's DAC time),
// and publishes it for position(). Returns the output delay in frames.
//
// The delay is a sawtooth (it grows by a block at each callback and drains in between), and
// callbacks come in uneven bursts, so each measurement alone would make the playhead jump.
// The heard position instead follows a line at the nominal rate whose phase is pulled an
// eighth of the way towards each measurement: smooth, and right on average.
std::int64_t noteHeard(PlayerState& s, const PaStreamCallbackTimeInfo* timeInfo,
                       std::int64_t handedOverBefore, HeardClock::TimePoint now) noexcept {
    std::int64_t delay = s.latencyFrames;
    if (timeInfo != nullptr) {
        const double seconds = timeInfo->outputBufferDacTime - timeInfo->currentTime;
        if (seconds > 0.0 && seconds < kLargestBelievableDelaySeconds) {
            delay = static_cast<std::int64_t>(seconds * s.deviceRate);
        }
    }
    const auto measured = static_cast<double>(handedOverBefore - delay);
    double line = measured;
    if (s.lineKnown) {
        const double elapsed = std::chrono::duration<double>(now - s.lineTime).count();
        const double predicted = s.lineFrame + elapsed * s.deviceRate;
        if (std::abs(measured - predicted) < kSnapSeconds * s.deviceRate) {
            line = predicted + (measured - predicted) * kPhaseCorrection;
        }
    }
    line = std::min(line, static_cast<double>(handedOverBefore));
    s.lineKnown = true;
    s.lineFrame = line;
    s.lineTime = now;
    s.heard.publish(static_cast<std::int64_t>(line), now);
    return delay;
}

int playCallback(const void* /*input*/, void* output, unsigned long frameCount,
                 const PaStreamCallbackTimeInfo* timeInfo, PaStreamCallbackFlags flags,
                 void* userData) noexcept {
    realtime::CallbackScope scope;
    const auto started = CallbackTimer::now();
    auto& s = *static_cast<PlayerState*>(userData);
    const auto frames = static_cast<std::int64_t>(frameCount);
    auto* out = static_cast<float*>(output);
    const int channels = s.deviceChannels;
    DiskReader& reader = *s.reader;

    if ((flags & paOutputUnderflow) != 0) {
        s.counters.xruns.add();
        EngineEvent e;
        e.type = EngineEventType::Xrun;
        e.count = s.counters.xruns.value();
        s.events.push(e);
    }
    std::int64_t got = 0;
    if (reader.flushRequested()) {
        flushForSeek(s);
    } else if (!s.paused.load(std::memory_order_acquire) && !reader.seekPending()) {
        const std::int64_t delay = noteHeard(s, timeInfo, s.consumedSinceFlush.value(), started);
        got = s.ring->read(out, frames);
        s.consumedSinceFlush.add(got);
        s.counters.frames.add(got);
        if (got < frames) {
            if (reader.endOfFile()) {
                s.silenceAfterEnd.add(frames - got);
                // Finished once the last frame has reached the speaker: the silence after it
                // has pushed it through the whole output delay, with a block to spare.
                if (!s.finished.load(std::memory_order_relaxed) &&
                    s.silenceAfterEnd.value() >= std::max(s.endFrames, delay + frames)) {
                    s.finished.store(true, std::memory_order_release);
                    EngineEvent e;
                    e.type = EngineEventType::Finished;
                    s.events.push(e);
                }
            } else {
                s.counters.droppedFrames.add(frames - got);
                s.counters.dropouts.add();
                EngineEvent e;
                e.type = EngineEventType::Underflow;
                e.count = frames - got;
                s.events.push(e);
            }
        }
    }
    // Always fill the whole buffer: silence where there is nothing to play.
    std::fill(out + got * channels, out + frames * channels, 0.0f);

    EngineEvent levels;
    measureLevels(out, frames, channels, levels);
    s.events.push(levels);
    s.counters.callbacks.add();
    s.counters.timer.record(started);
    return paContinue;
}

void playFinished(void* userData) noexcept {
    static_cast<PlayerState*>(userData)->streamFinished.store(true, std::memory_order_release);
}

// The rate to run the device at: the file's if the device takes it, else the device's
// default rate, with the disk thread resampling.
int chooseDeviceRate(const AudioSystem& system, const DeviceInfo& device, int channels,
                     int fileRate) {
    if (system.checkFormat(device, Direction::Output, channels, fileRate)) {
        return fileRate;
    }
    return static_cast<int>(std::lround(device.defaultSampleRate));
}

} // namespace

Result<std::unique_ptr<Player>> Player::open(AudioSystem& system, const PlaySettings& settings) {
    auto file = SoundFile::open(settings.path);
    if (!file) {
        return file.error();
    }
    const AudioFormat format = file->format();
    if (format.frames == 0) {
        return Error{ErrorCode::FileEmpty,
                     settings.path + " holds no audio: it is zero seconds long."};
    }
    auto device = system.findDevice(settings.deviceName, Direction::Output);
    if (!device) {
        return device.error();
    }
    auto state = std::make_shared<PlayerState>();
    state->settings = settings;
    state->device = *device;
    const int fileChannels = format.channels;
    state->deviceChannels = fileChannels == 1
                                ? std::min(2, device->maxOutputChannels)
                                : std::min(fileChannels, std::min(2, device->maxOutputChannels));
    state->deviceChannels = std::max(1, state->deviceChannels);
    state->deviceRate =
        settings.deviceSampleRate > 0
            ? settings.deviceSampleRate
            : chooseDeviceRate(system, *device, state->deviceChannels, format.sampleRate);
    if (const Status ok = system.checkFormat(*device, Direction::Output, state->deviceChannels,
                                             state->deviceRate);
        !ok) {
        return ok.error();
    }

    state->ring = std::make_unique<SampleRing>(
        static_cast<std::int64_t>(kRingSeconds * state->deviceRate), state->deviceChannels);
    state->reader = std::make_unique<DiskReader>(std::move(*file), *state->ring, state->deviceRate);
    // The stream opens on play() and closes on pause: an open file that is not playing holds
    // nothing on the sound server, and the server can let the device sleep.
    state->reader->setConsuming(false);
    state->reader->start();
    auto player = std::unique_ptr<Player>(new Player(std::move(state)));
    player->setSpeed(settings.speed);
    return player;
}

Player::Player(std::shared_ptr<PlayerState> state) : state_(std::move(state)) {}

Player::~Player() {
    stop();
}

Status Player::play() {
    PlayerState& s = *state_;
    if (s.stopped) {
        return s.failure ? *s.failure : Error{ErrorCode::StreamFailed, "The player is closed."};
    }
    // At the end: from the start, unless a place to play from was asked for since.
    if (s.finished.load(std::memory_order_acquire) && !s.reader->seekPending()) {
        seek(0);
    }
    s.paused.store(false, std::memory_order_release);
    if (s.stream != nullptr) {
        return success();
    }
    if (Status started = openStream(); !started) {
        s.paused.store(true, std::memory_order_release);
        return started;
    }
    return success();
}

void Player::pause() {
    PlayerState& s = *state_;
    s.paused.store(true, std::memory_order_release);
    if (s.stream == nullptr) {
        return;
    }
    // Stop at once rather than let the server play out its buffer: the pause is heard when it
    // is pressed. The next play() starts where it was heard.
    const std::int64_t heard = position();
    closeOpenStream(StopMode::Abort);
    s.reader->requestSeek(heard);
}

void Player::seek(std::int64_t frame) {
    PlayerState& s = *state_;
    if (s.stream == nullptr) {
        s.reader->requestSeek(frame);
        return;
    }
    // While playing: drop what is queued on the server too, so the new place is heard at
    // once, not after the buffer.
    closeOpenStream(StopMode::Abort);
    s.reader->requestSeek(frame);
    if (Status started = openStream(); !started) {
        s.paused.store(true, std::memory_order_release);
        s.failure = started.error();
    }
}

void Player::setEndFrame(std::int64_t frame) {
    state_->reader->setEndFrame(frame);
}

Status Player::stop() {
    PlayerState& s = *state_;
    if (!s.stopped) {
        s.stopped = true;
        s.paused.store(true, std::memory_order_release);
        if (s.stream != nullptr) {
            // At the end of the file, let the buffers already queued play out (the last
            // fraction of a second is still on its way to the speaker); otherwise stop at once.
            closeOpenStream(s.finished.load(std::memory_order_acquire) ? StopMode::Drain
                                                                       : StopMode::Abort);
        }
        s.reader->stop();
    }
    if (s.failure) {
        return *s.failure;
    }
    return success();
}

// Control thread, with no stream running: the reader's seek waits for the ring to be
// emptied, which the callback does while a stream runs; with none, this thread does it.
void Player::finishPendingSeek() {
    PlayerState& s = *state_;
    DiskReader& reader = *s.reader;
    const auto deadline = std::chrono::steady_clock::now() + kSeekTimeout;
    while (reader.seekPending() && std::chrono::steady_clock::now() < deadline) {
        if (reader.flushRequested()) {
            flushForSeek(s);
        }
        std::this_thread::sleep_for(kSeekPoll);
    }
}

Status Player::openStream() {
    PlayerState& s = *state_;
    finishPendingSeek();
    s.reader->setConsuming(true);
    s.reader->waitForPrefill(static_cast<std::int64_t>(kPrefillSeconds * s.deviceRate),
                             kPrefillTimeout);
    const StreamTarget output(s.device, s.deviceChannels,
                              s.settings.suggestedLatency > 0 ? s.settings.suggestedLatency
                                                              : kPlaybackLatencySeconds);
    const unsigned long framesPerBuffer =
        s.settings.framesPerBuffer > 0
            ? static_cast<unsigned long>(s.settings.framesPerBuffer)
            : static_cast<unsigned long>(std::lround(kPlaybackBlockSeconds * s.deviceRate));
    const auto couldNotStart = [&s](PaError err) {
        return Error{ErrorCode::StreamFailed, "Playing on " + s.device.name +
                                                  " could not start: " + Pa_GetErrorText(err) +
                                                  ". Choose another output device."};
    };
    PaError err = Pa_OpenStream(&s.stream, nullptr, output.parameters(), s.deviceRate,
                                framesPerBuffer, paClipOff, playCallback, state_.get());
    if (err != paNoError) {
        s.stream = nullptr;
        return couldNotStart(err);
    }
    StreamRegistry::instance().opened();
    s.streamFinished.store(false, std::memory_order_release);
    Pa_SetStreamFinishedCallback(s.stream, playFinished);
    if (const PaStreamInfo* info = Pa_GetStreamInfo(s.stream)) {
        s.latencyFrames = static_cast<std::int64_t>(info->outputLatency * s.deviceRate);
    }
    s.endFrames = 2 * s.latencyFrames;
    s.lineKnown = false; // a new stream: its buffers are measured afresh
    s.heard.reset();
    s.watchdog.reset(std::chrono::steady_clock::now());
    err = Pa_StartStream(s.stream);
    if (err != paNoError) {
        closeOpenStream(StopMode::Abort);
        return couldNotStart(err);
    }
    return success();
}

void Player::closeOpenStream(StopMode mode) {
    PlayerState& s = *state_;
    closeStream(s.stream, mode, state_, kCloseTimeout);
    s.stream = nullptr;
    s.reader->setConsuming(false);
}

void Player::setSpeed(double speed) {
    PlayerState& s = *state_;
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    // Within a rounding error of 1 (0.1 steps added up): exactly 1, the bit-exact bypass.
    if (std::abs(speed - 1.0) < kSpeedEpsilon) {
        speed = 1.0;
    }
    if (speed == s.speed) {
        return;
    }
    s.speed = speed;
    s.reader->setSpeed(speed);
    if (s.stopped || s.finished.load(std::memory_order_acquire)) {
        return; // taken up by the seek of the next play()
    }
    // Refill from the frame heard now: the ring holds seconds stretched at the old speed,
    // and the new speed should be heard at once, not after them.
    seek(position());
}

double Player::speed() const {
    return state_->speed;
}

bool Player::isStreaming() const {
    return state_->stream != nullptr;
}

std::optional<Error> Player::poll() {
    PlayerState& s = *state_;
    if (s.stopped) {
        return s.failure;
    }
    if (s.stream == nullptr) {
        return s.failure; // paused or finished: nothing runs that could be lost
    }
    if (s.finished.load(std::memory_order_acquire)) {
        // The last frame has been heard (the callback waited out the latency): let go of the
        // server until the next play().
        closeOpenStream(StopMode::Abort);
        return s.failure;
    }
    if (s.watchdog.streamLost(s.stream, s.streamFinished.load(std::memory_order_acquire),
                              s.counters.callbacks.value())) {
        s.failure = Error{ErrorCode::DeviceLost,
                          s.device.name + " stopped playing: it may have been unplugged, or the "
                                          "sound server stopped. Choose another output device, "
                                          "or refresh the device list."};
        stop();
    }
    return s.failure;
}

bool Player::nextEvent(EngineEvent& event) {
    return state_->events.pop(event);
}

bool Player::isPlaying() const {
    return !state_->stopped && !state_->paused.load(std::memory_order_acquire) &&
           !state_->finished.load(std::memory_order_acquire);
}

bool Player::isFinished() const {
    return state_->finished.load(std::memory_order_acquire);
}

std::int64_t Player::position() const {
    const PlayerState& s = *state_;
    const DiskReader& reader = *s.reader;
    if (reader.seekPending()) {
        return reader.seekTarget();
    }
    if (s.finished.load(std::memory_order_acquire)) {
        return reader.endFrame();
    }
    const std::int64_t handedOver = s.consumedSinceFlush.value();
    std::int64_t heard = 0;
    if (!s.heard.heardAt(std::chrono::steady_clock::now(), s.deviceRate, handedOver, heard)) {
        heard = handedOver - s.latencyFrames; // no callback yet since the last seek
    }
    // Device frames heard since the flush, mapped to file time at the speed of the ring.
    PlaybackPosition mapping;
    mapping.baseFrame = reader.basePosition();
    mapping.speed = reader.baseSpeed();
    mapping.fileRate = reader.fileRate();
    mapping.deviceRate = s.deviceRate;
    mapping.fileFrames = reader.endFrame();
    return mapping.fileFrameHeard(heard, 0);
}

std::int64_t Player::frames() const {
    return state_->reader->fileFrames();
}
int Player::fileSampleRate() const {
    return state_->reader->fileRate();
}
int Player::fileChannels() const {
    return state_->reader->fileChannels();
}
int Player::deviceSampleRate() const {
    return state_->deviceRate;
}
int Player::deviceChannels() const {
    return state_->deviceChannels;
}
const DeviceInfo& Player::device() const {
    return state_->device;
}

StreamStats Player::stats() const {
    const PlayerState& s = *state_;
    return s.counters.snapshot(s.events.lost());
}

} // namespace tapedeck
