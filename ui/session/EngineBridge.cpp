#include "ui/session/EngineBridge.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace tapedeck {

EngineBridge::EngineBridge(QObject* parent) : QObject(parent) {
    timer_.setInterval(kPollIntervalMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &EngineBridge::pollNow);
}

EngineBridge::~EngineBridge() {
    timer_.stop();
    if (recorder_)
        recorder_->stop();
    if (player_)
        player_->stop();
}

Status EngineBridge::startMonitoring(AudioSystem& system, const RecordSettings& settings,
                                     SamplesWrittenFn onSamplesWritten) {
    closePlayer();
    stopMonitoring();
    if (recorder_)
        return success(); // a take runs: it is monitored already
    auto opened = Recorder::monitor(system, settings, std::move(onSamplesWritten));
    if (!opened)
        return opened.error();
    recorder_ = std::move(opened.value());
    errorEvent_ = false;
    lastDropouts_ = lastXruns_ = lastPosition_ = -1;
    updateTimer();
    return success();
}

void EngineBridge::stopMonitoring() {
    if (!isMonitoring())
        return;
    recorder_->stop(); // no take: closes the stream, creates no file
    recorder_.reset();
    updateTimer();
}

void EngineBridge::setTakePaused(bool paused) {
    if (!recorder_ || !recorder_->hasTake())
        return;
    if (paused)
        recorder_->pause();
    else
        recorder_->resume();
}

std::optional<Marker> EngineBridge::addTakeMarker(const std::string& name) {
    return recorder_ ? recorder_->addMarker(name) : std::nullopt;
}

Status EngineBridge::startRecording(AudioSystem& system, const RecordSettings& settings,
                                    SamplesWrittenFn onSamplesWritten) {
    closePlayer();
    if (isMonitoring()) {
        recorder_->setTakeRules(settings.path, settings);
        if (!settings.startAboveDbfs) {
            if (Status begun = recorder_->beginTake(settings.path); !begun)
                return begun;
        }
        waitingForSound_ = recorder_->isWaitingForSound();
        lastPosition_ = -1;
        clippedSamples_ = 0;
        clipReported_ = false;
        return success();
    }
    auto started = settings.startAboveDbfs
                       ? Recorder::monitor(system, settings, std::move(onSamplesWritten))
                       : Recorder::start(system, settings, std::move(onSamplesWritten));
    if (!started)
        return started.error();
    recorder_ = std::move(started.value());
    lostDevice_.reset();
    waitingForSound_ = recorder_->isWaitingForSound();
    clippedSamples_ = 0;
    clipReported_ = false;
    errorEvent_ = false;
    lastDropouts_ = lastXruns_ = lastPosition_ = -1;
    updateTimer();
    return success();
}

Status EngineBridge::openPlayer(AudioSystem& system, const PlaySettings& settings) {
    closePlayer();
    auto opened = Player::open(system, settings);
    if (!opened)
        return opened.error();
    player_ = std::move(opened.value());
    player_->setSpeed(speed_);
    rangeFrom_ = 0;
    rangeTo_ = -1;
    errorEvent_ = false;
    lastDropouts_ = lastXruns_ = lastPosition_ = -1;
    updateTimer();
    return success();
}

Status EngineBridge::play() {
    if (!player_)
        return success();
    Status started = player_->play();
    updateTimer();
    return started;
}

void EngineBridge::pause() {
    if (!player_)
        return;
    player_->pause();
    pollNow(); // the last levels, and the position where it paused
    updateTimer();
}

void EngineBridge::setPlaybackSpeed(double speed) {
    speed_ = speed;
    if (player_)
        player_->setSpeed(speed);
}

void EngineBridge::setPlayRange(std::int64_t from, std::int64_t to) {
    rangeFrom_ = std::max<std::int64_t>(0, from);
    rangeTo_ = to;
    if (player_)
        player_->setEndFrame(to);
}

std::int64_t EngineBridge::playRangeEnd() const {
    const std::int64_t frames = length();
    return rangeTo_ < 0 ? frames : std::min(rangeTo_, frames);
}

void EngineBridge::seek(std::int64_t frame) {
    if (!player_)
        return;
    player_->seek(frame);
    lastPosition_ = -1;
    emit positionChanged(std::clamp<std::int64_t>(frame, 0, player_->frames()));
}

Status EngineBridge::stop() {
    if (recorder_) {
        pollNow(); // the last levels and counts
        if (!recorder_)
            return success(); // the poll found the take had already ended on a failure
        Status stopped = recorder_->stop();
        followClips();
        recorder_.reset();
        updateTimer();
        return stopped;
    }
    if (player_) {
        player_->pause();
        seek(0);
        updateTimer();
    }
    return success();
}

void EngineBridge::closePlayer() {
    if (!player_)
        return;
    player_->stop();
    player_.reset();
    updateTimer();
}

bool EngineBridge::isPlaying() const {
    return player_ && player_->isPlaying();
}

std::int64_t EngineBridge::position() const {
    if (recorder_ && recorder_->hasTake())
        return recorder_->stats().framesWritten;
    return player_ ? player_->position() : 0;
}

std::int64_t EngineBridge::length() const {
    return player_ ? player_->frames() : 0;
}

int EngineBridge::sampleRate() const {
    if (recorder_)
        return recorder_->sampleRate();
    return player_ ? player_->fileSampleRate() : 0;
}

int EngineBridge::channels() const {
    if (recorder_)
        return recorder_->channels();
    return player_ ? player_->fileChannels() : 0;
}

// Polls only while something moves: an idle window, or one with a paused file, wakes no
// timer at all.
void EngineBridge::updateTimer() {
    if (recorder_ || (player_ && player_->isStreaming())) {
        if (!timer_.isActive())
            timer_.start();
    } else {
        timer_.stop();
    }
}

template <typename Engine> void EngineBridge::drain(Engine& engine) {
    // Per input: a take of two inputs meters each on its own.
    std::array<MeterReading, kMaxInputs> readings{};
    std::array<std::array<double, kMaxMeteredChannels>, kMaxInputs> power{};
    std::array<int, kMaxInputs> blocks{};
    bool finished = false;
    EngineEvent event;
    while (engine.nextEvent(event)) {
        switch (event.type) {
        case EngineEventType::Levels: {
            const int input = std::clamp<int>(event.input, 0, kMaxInputs - 1);
            MeterReading& reading = readings[input];
            const int channels = std::clamp<int>(event.channels, 0, kMaxMeteredChannels);
            reading.channels = std::max(reading.channels, channels);
            for (int c = 0; c < channels; ++c) {
                reading.peak[c] = std::max(reading.peak[c], event.peak[c]);
                power[input][c] += static_cast<double>(event.rms[c]) * event.rms[c];
            }
            ++blocks[input];
            break;
        }
        case EngineEventType::InputLost:
            break; // read from lostInput() after the poll that found it
        case EngineEventType::Finished:
            finished = true;
            break;
        case EngineEventType::Error:
            errorEvent_ = true;
            errorEventCode_ = event.error;
            break;
        case EngineEventType::Xrun:
        case EngineEventType::Overflow:
            // Counted in the stream's stats, read below; a take also marks where.
            if constexpr (std::is_same_v<Engine, Recorder>) {
                if (const std::int64_t at = engine.fileFrameOf(event.frame); at >= 0)
                    emit dropoutAt(at);
            }
            break;
        case EngineEventType::Underflow:
            break; // counted in the stream's stats, read below
        }
    }
    for (int input = 0; input < kMaxInputs; ++input) {
        if (blocks[input] == 0)
            continue;
        MeterReading& reading = readings[input];
        reading.input = input;
        for (int c = 0; c < reading.channels; ++c)
            reading.rms[c] = static_cast<float>(std::sqrt(power[input][c] / blocks[input]));
        emit levelsChanged(reading);
    }
    const StreamStats stats = engine.stats();
    if (stats.dropouts != lastDropouts_ || stats.xruns != lastXruns_) {
        lastDropouts_ = stats.dropouts;
        lastXruns_ = stats.xruns;
        emit countsChanged(stats.dropouts, stats.xruns);
    }
    // The news may be older than the player's state: Home or a click at the very end moves
    // the player and starts a new run before this poll. Only a player that is still at its
    // end has finished; otherwise the news is stale and the new run goes on.
    if (finished && player_ && player_->isFinished()) {
        if (loop_) {
            player_->seek(rangeFrom_);
            player_->play();
        } else {
            emit playbackFinished();
        }
    }
}

void EngineBridge::followClips() {
    clippedSamples_ = recorder_->stats().clippedSamples;
    if (!clipReported_ && recorder_->clipMarker()) {
        clipReported_ = true;
        emit clipped(*recorder_->clipMarker());
    }
}

void EngineBridge::pollNow() {
    if (recorder_) {
        drain(*recorder_);
        const bool monitorOnly = isMonitoring();
        std::optional<Error> failure = recorder_->poll();
        if (!failure && errorEvent_ && !recorder_->isRunning())
            failure = Error{errorEventCode_, {}};
        if (failure) {
            const QString path = QString::fromStdString(recorder_->path());
            const bool hadTake = recorder_->hasTake();
            recorder_->stop(); // already stopped and finalized; releases the device
            followClips();
            if (failure->code == ErrorCode::DeviceLost)
                lostDevice_ = recorder_->device();
            recorder_.reset();
            waitingForSound_ = false;
            updateTimer();
            if (monitorOnly || !hadTake)
                emit monitoringFailed(describeError(*failure));
            else
                emit recordingFailed(path, describeError(*failure));
            return;
        }
        if (!recorder_->isRunning()) { // the take reached its length or its silence
            const QString path = QString::fromStdString(recorder_->path());
            followClips();
            recorder_.reset();
            waitingForSound_ = false;
            updateTimer();
            emit takeEnded(path);
            return;
        }
        // One input of two gone: the take goes on with the other.
        if (const int lost = recorder_->lostInput(); lost >= 0)
            emit inputLost(lost);
        if (waitingForSound_ && recorder_->hasTake()) {
            waitingForSound_ = false;
            emit takeStarted();
        }
        if (!recorder_->hasTake())
            return;
        followClips();
        if (recorder_->stats().framesWritten != lastPosition_) {
            lastPosition_ = recorder_->stats().framesWritten;
            emit positionChanged(lastPosition_);
        }
        return;
    }
    if (player_) {
        drain(*player_);
        if (!player_)
            return;
        std::optional<Error> failure = player_->poll();
        if (!failure && errorEvent_ && !player_->isPlaying())
            failure = Error{errorEventCode_, {}};
        if (failure) {
            closePlayer();
            emit playbackFailed(describeError(*failure));
            return;
        }
        if (!player_->isStreaming()) {
            // The poll may have closed the stream at the end of the file just after the drain
            // above: the callback's last news (the end) is read now, or it would wait in the
            // queue with the timer stopped and the window still saying Playing.
            drain(*player_);
            if (!player_)
                return;
        }
        const std::int64_t now = player_->position();
        if (now != lastPosition_) {
            lastPosition_ = now;
            emit positionChanged(now);
        }
        updateTimer(); // at the end of the file the stream closes: the polling stops too
    }
}

} // namespace tapedeck
