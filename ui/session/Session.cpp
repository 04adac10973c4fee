#include "ui/session/Session.h"

#include "core/io/FileFormat.h"
#include "core/loudness/LiveLoudness.h"
#include "core/playback/PlaybackLoudness.h"
#include "core/summary/WaveformSummary.h"
#include "ui/recording/RecordingFolder.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/window/Settings.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace tapedeck {

QString Session::displayPath(const QString& path) {
    const QString home = QDir::homePath();
    QString shown = QDir::toNativeSeparators(path);
    if (path.startsWith(home + QLatin1Char('/')))
        shown = QStringLiteral("~") + QDir::toNativeSeparators(path.mid(home.size()));
    return shown;
}

namespace {

QString channelWord(int channels) {
    if (channels == 1)
        return Session::tr("mono");
    if (channels == 2)
        return Session::tr("stereo");
    return Session::tr("%n channels", nullptr, channels);
}

} // namespace

QString Session::describeStream(int sampleRate, int channels, const QString& format) {
    return tr("%1 Hz, %2, %3").arg(sampleRate).arg(channelWord(channels), format);
}

Session::Session(Settings& settings, QObject* parent)
    : QObject(parent), settings_(settings), choice_(settings.deviceChoice()),
      takeOptions_(settings.takeOptions()) {
    bridge_.setLoop(settings_.loop());
    connect(&bridge_, &EngineBridge::levelsChanged, this, &Session::levelsChanged);
    connect(&bridge_, &EngineBridge::countsChanged, this, &Session::countsChanged);
    connect(&bridge_, &EngineBridge::dropoutAt, this, &Session::dropoutMarked);
    connect(&bridge_, &EngineBridge::positionChanged, this, [this](qint64 frame) {
        if (!bridge_.isRecording())
            resumeFrame_ = frame;
        if (state_ == TransportState::Playing && playbackLoudness_)
            playbackLoudness_->follow(frame);
        emit positionChanged(frame, bridge_.isRecording() ? -1 : bridge_.length(),
                             bridge_.sampleRate());
    });
    connect(&bridge_, &EngineBridge::playbackFinished, this, &Session::onPlaybackFinished);
    connect(&bridge_, &EngineBridge::recordingFailed, this, &Session::onRecordingFailed);
    connect(&bridge_, &EngineBridge::playbackFailed, this, &Session::onPlaybackFailed);
    connect(&bridge_, &EngineBridge::takeStarted, this, [this] {
        emit statusMessage(tr("Recording to %1").arg(displayPath(path_)));
        emit soundArrived();
    });
    connect(&bridge_, &EngineBridge::takeEnded, this, &Session::onTakeEnded);
    connect(&bridge_, &EngineBridge::inputLost, this, &Session::onInputLost);
    connect(&bridge_, &EngineBridge::clipped, this,
            [this](const Marker& marker) { emit markerAdded(marker, false); });
    connect(&bridge_, &EngineBridge::monitoringFailed, this, [this](const UserMessage& text) {
        report(text);
        if (state_ == TransportState::Recording) // a take that never began: no file
            setState(path_.isEmpty() ? TransportState::NoFile : TransportState::Stopped);
        if (monitoring_) {
            monitoring_ = false;
            emit monitoringChanged(false);
        }
    });
    // A plug-in brings several server events at once (a source, its sink, a new default):
    // one refresh after they settle.
    hotplugTimer_.setSingleShot(true);
    hotplugTimer_.setInterval(kHotplugSettleMs);
    connect(&hotplugTimer_, &QTimer::timeout, this, &Session::onServerDevicesChanged);
    diskTimer_.setInterval(kDiskCheckIntervalMs);
    connect(&diskTimer_, &QTimer::timeout, this, &Session::updateDiskTimeLeft);
}

void Session::setDiskSpaceMeasure(DiskSpaceFn measure) {
    disk_.setMeasure(std::move(measure));
}

Session::~Session() {
    // The bridge stops the engine (finalizing any take) before the audio system goes.
    if (bridge_.isRecording())
        bridge_.stop();
    bridge_.closePlayer();
}

void Session::startAudio() {
    auto started = AudioSystem::start();
    if (!started) {
        audioError_ = describeError(started.error());
        report(*audioError_);
        emit devicesChanged();
        return;
    }
    audio_ = std::move(started.value());
    audioError_.reset();
    // Runs on libpulse's thread: only hand the news to the GUI thread.
    audio_->setDeviceChangeCallback([this] {
        QMetaObject::invokeMethod(&hotplugTimer_, qOverload<>(&QTimer::start),
                                  Qt::QueuedConnection);
    });
    reportIfNoDevices();
    emit devicesChanged();
    reportInput();
    updateDiskTimeLeft();
    // A file opened before the device scan gets its player now, so Play starts at once. If
    // that fails, Play tries again and says why.
    if (!path_.isEmpty() && state_ != TransportState::Recording && !bridge_.hasPlayer())
        openPlayer(path_, resumeFrame_);
}

QString Session::soundServer() const {
    return audio_ ? QString::fromStdString(audio_->soundServer()) : QString();
}

ServerAccess Session::serverAccess() const {
    return audio_ ? audio_->serverAccess() : ServerAccess::None;
}

void Session::onServerDevicesChanged() {
    if (!audio_)
        return;
    audio_->refreshServerDevices();
    emit devicesChanged();
    reportInput();
    noticeLostDeviceBack();
}

std::vector<DeviceInfo> Session::devices() const {
    return audio_ ? audio_->devices() : std::vector<DeviceInfo>{};
}

std::optional<QString> Session::checkFormat(const DeviceInfo& device, Direction direction,
                                            int channels, int sampleRate) const {
    if (!audio_)
        return std::nullopt;
    Status supported = audio_->checkFormat(device, direction, channels, sampleRate);
    if (supported)
        return std::nullopt;
    return QString::fromStdString(supported.error().message);
}

QString Session::recordingFolder() const {
    return settings_.recordingFolder();
}

void Session::setState(TransportState state) {
    if (state == state_)
        return;
    const bool wasRecording = state_ == TransportState::Recording;
    state_ = state;
    // Free space only shrinks fast while a take grows: it is checked on the timer then, and
    // otherwise when something changes it (a take ends, another folder or format).
    if (state == TransportState::Recording) {
        diskTimer_.start();
    } else if (wasRecording) {
        diskTimer_.stop();
        updateDiskTimeLeft();
    }
    emit stateChanged(state);
}

void Session::report(const UserMessage& text) {
    lostDevice_.reset(); // the banner now says something else
    emit errorOccurred(text);
}

void Session::record() {
    if (!isTransportActionEnabled(TransportAction::Record, state_))
        return;
    if (!audio_) {
        report(describeError(ErrorCode::NoAudioSystem));
        return;
    }
    const RecordingFolder folder(settings_.recordingFolder());
    if (!folder.ensureExists()) {
        report({tr("Tapedeck cannot write to the recordings folder “%1”.")
                    .arg(QDir::toNativeSeparators(folder.path())),
                describeError(ErrorCode::Unwritable).nextStep});
        return;
    }
    const std::int64_t resumeAt = resumeFrame_;
    const QString path = folder.nextTakePath(QDateTime::currentDateTime(),
                                             QString::fromStdString(fileExtension(choice_.format)));
    if (path.isEmpty()) {
        report(describeError(ErrorCode::FileExists));
        return;
    }

    const RecordSettings settings = takeSettings(path);
    // The live waveform: grown by the disk-writer thread as samples reach the file. A
    // monitoring stream has its own already.
    const bool onMonitor = bridge_.isMonitoring() && monitorSummary_;
    const int liveChannels = onMonitor ? bridge_.channels() : plannedFileChannels();
    auto live = onMonitor ? monitorSummary_ : std::make_shared<WaveformSummary>(liveChannels);
    monitorSummary_.reset();
    // Live loudness, measured on the disk-writer thread beside the live waveform; a take
    // begun on the monitoring stream has it from that stream's function.
    auto loudness = onMonitor ? monitorLoudness_ : std::make_shared<LiveLoudness>(liveChannels);
    monitorLoudness_.reset();
    Status started = bridge_.startRecording(
        *audio_, settings, [live, loudness](const float* interleaved, std::int64_t frames) {
            live->appendInterleaved(interleaved, frames);
            if (loudness)
                loudness->addFrames(interleaved, frames);
        });
    if (!started) {
        report(describeError(started.error()));
        // The open file's player was closed to free the device; the file stays open.
        if (!path_.isEmpty())
            playerStale_ = true;
        resumeFrame_ = resumeAt;
        setState(path_.isEmpty() ? TransportState::NoFile : TransportState::Stopped);
        return;
    }
    emit errorCleared();
    path_ = path;
    playerStale_ = false;
    resumeFrame_ = 0;
    documentFrames_ = 0;
    documentRate_ = 0;
    selectionStart_ = selectionEnd_ = -1;
    disk_.rearm();
    setState(TransportState::Recording);
    emit documentChanged(path_);
    if (bridge_.channels() == liveChannels)
        emit liveSummaryStarted(live, bridge_.sampleRate());
    if (loudness && bridge_.channels() == liveChannels) {
        loudness->setSampleRate(bridge_.sampleRate());
        emit liveLoudnessStarted(loudness);
    } else {
        if (loudness)
            loudness->setSampleRate(LiveLoudness::kDisabled); // keeps nothing
        emit liveLoudnessStarted(nullptr);
    }
    reportMeters(bridge_.channels());
    emit streamDescriptionChanged(
        describeStream(bridge_.sampleRate(), bridge_.channels(),
                       QString::fromStdString(describeFileFormat(choice_.format))));
    emit countsChanged(0, 0);
    emit positionChanged(0, -1, bridge_.sampleRate());
    if (bridge_.isWaitingForSound())
        emit statusMessage(tr("Waiting for sound above %1 dBFS… Stop ends the wait; no file is "
                              "kept until the sound comes.")
                               .arg(RecordingScreen::formatDbfs(takeOptions_.startAboveDbfs)));
    else
        emit statusMessage(tr("Recording to %1").arg(displayPath(path)));
    updateDiskTimeLeft();
}

void Session::play() {
    if (!isTransportActionEnabled(TransportAction::Play, state_))
        return;
    setMonitoring(false); // the meters follow what plays
    if (!ensurePlayer())
        return;
    // Play at the end of the file or selection (after End, or a click at the very end)
    // starts again from its start, as it does once it has played to its end.
    applyPlayRange(bridge_.position());
    if (Status started = bridge_.play(); !started) {
        report(describeError(started.error()));
        playerStale_ = true; // the next Play opens the device afresh
        return;
    }
    setState(TransportState::Playing);
    if (!playbackLoudness_)
        playbackLoudness_ = std::make_shared<PlaybackLoudness>(path_.toStdString());
    playbackLoudness_->follow(bridge_.position());
    emit playbackLoudnessStarted(playbackLoudness_);
}

bool Session::ensurePlayer() {
    if (bridge_.hasPlayer() && !playerStale_)
        return true;
    const std::int64_t at = bridge_.hasPlayer() ? bridge_.position() : resumeFrame_;
    Status opened = openPlayer(path_, at);
    if (!opened) {
        report(opened.error().code == ErrorCode::NoAudioSystem && audioError_
                   ? *audioError_
                   : describeError(opened.error()));
        return false;
    }
    return true;
}

void Session::applyPlayRange(std::int64_t at) {
    const bool wanted = hasSelection();
    const std::int64_t from = wanted ? selectionStart_ : 0;
    const std::int64_t to = wanted ? selectionEnd_ : -1;
    const bool changed =
        from != bridge_.playRangeStart() ||
        (wanted ? to != bridge_.playRangeEnd() : bridge_.playRangeEnd() != bridge_.length());
    if (changed)
        bridge_.setPlayRange(from, to);
    const std::int64_t end = wanted ? to : bridge_.length();
    if (at < from || at >= end)
        bridge_.seek(from);
    else if (changed)
        bridge_.seek(at); // drops what was read under the old range
}

void Session::setSelection(std::int64_t start, std::int64_t end) {
    const std::int64_t limit = documentFrames_ > 0 ? documentFrames_ : bridge_.length();
    start = std::clamp<std::int64_t>(start, -1, limit);
    end = std::clamp<std::int64_t>(end, -1, limit);
    if (start < 0 || end <= start) {
        start = -1;
        end = -1;
    }
    if (start == selectionStart_ && end == selectionEnd_)
        return;
    selectionStart_ = start;
    selectionEnd_ = end;
    // A selection that changes while it plays takes effect at once; one that goes away lets
    // playback run on to the end of the file.
    if (bridge_.hasPlayer() && state_ == TransportState::Playing)
        applyPlayRange(bridge_.position());
    else if (bridge_.hasPlayer() && !hasSelection() && bridge_.playRangeEnd() != bridge_.length())
        applyPlayRange(bridge_.position());
}

void Session::pause() {
    if (!isTransportActionEnabled(TransportAction::Pause, state_))
        return;
    if (state_ == TransportState::Recording) {
        if (bridge_.isWaitingForSound())
            return;
        const bool paused = !bridge_.isTakePaused();
        bridge_.setTakePaused(paused);
        if (!paused && bridge_.recorder() && !bridge_.recorder()->markers().empty())
            emit markerAdded(bridge_.recorder()->markers().back(), false); // "Paused"
        emit takePausedChanged(paused);
        emit statusMessage(paused ? tr("Paused. Press P to go on recording into the same file.")
                                  : tr("Recording to %1").arg(displayPath(path_)));
        return;
    }
    bridge_.pause();
    setState(TransportState::Paused);
}

void Session::stop() {
    if (!isTransportActionEnabled(TransportAction::Stop, state_))
        return;
    if (state_ == TransportState::Recording) {
        const QString path = path_;
        const bool paused = bridge_.isTakePaused();
        if (bridge_.isWaitingForSound()) {
            bridge_.stop(); // no sound came: no take, no file
            path_.clear();
            setState(TransportState::NoFile);
            emit documentChanged(path_);
            // Nothing is open: the status bar no longer says "Recording 0:00.0".
            emit positionChanged(0, 0, 0);
            emit streamDescriptionChanged({});
            emit statusMessage(tr("No sound came; nothing was recorded."));
            openMonitor();
            return;
        }
        Status stopped = bridge_.stop();
        if (!stopped)
            report(describeError(stopped.error()));
        if (paused)
            emit takePausedChanged(false);
        if (state_ == TransportState::Recording) // not already ended by a failure
            finishTake(path);
        openMonitor();
        return;
    }
    bridge_.stop();
    resumeFrame_ = 0;
    if (!bridge_.hasPlayer())
        emit positionChanged(0, documentFrames_, documentRate_);
    setState(TransportState::Stopped);
}

void Session::goToStart() {
    seek(0);
}

void Session::goToEnd() {
    seek(bridge_.hasPlayer() ? bridge_.length() : documentFrames_);
}

void Session::seek(std::int64_t frame) {
    if (state_ == TransportState::Recording || path_.isEmpty())
        return;
    if (bridge_.hasPlayer()) {
        // A move out of the range being played plays on from there to the end of the file.
        const bool outside = frame < bridge_.playRangeStart() || frame >= bridge_.playRangeEnd();
        if (outside && bridge_.playRangeEnd() != bridge_.length())
            bridge_.setPlayRange(0, -1);
        bridge_.seek(frame);
        return;
    }
    // No player yet (no device, or not scanned yet): Play will start here.
    resumeFrame_ = std::clamp<std::int64_t>(frame, 0, std::max<std::int64_t>(0, documentFrames_));
    emit positionChanged(resumeFrame_, documentFrames_, documentRate_);
}

void Session::setLoop(bool loop) {
    bridge_.setLoop(loop);
    settings_.setLoop(loop);
}

bool Session::openFile(const QString& path) {
    if (state_ == TransportState::Recording)
        return false;
    if (!QFileInfo(path).isFile()) {
        report({tr("“%1” does not exist.").arg(QDir::toNativeSeparators(path)),
                describeError(ErrorCode::FileNotFound).nextStep});
        forgetRecentFile(path);
        return false;
    }
    bridge_.closePlayer();
    resumeFrame_ = 0;
    documentFrames_ = 0;
    documentRate_ = 0;
    selectionStart_ = selectionEnd_ = -1;
    if (audio_) {
        Status opened = openPlayer(path, 0);
        // A file that cannot be played is refused; a device that cannot play it is not the
        // file's fault: it opens, and Play says what is wrong with the device.
        const ErrorCode code = opened ? ErrorCode::InvalidArgument : opened.error().code;
        if (!opened && (code == ErrorCode::FileNotFound || code == ErrorCode::FileEmpty ||
                        code == ErrorCode::FileUnreadable)) {
            report(describeError(opened.error()));
            if (!path_.isEmpty()) // the previous file stays open, without its player
                playerStale_ = true;
            forgetRecentFile(path);
            return false;
        }
    }
    emit errorCleared();
    path_ = QFileInfo(path).absoluteFilePath();
    settings_.addRecentFile(path_);
    emit recentFilesChanged();
    emit documentChanged(path_);
    setState(TransportState::Stopped);
    return true;
}

void Session::setDocumentFormat(std::int64_t frames, int sampleRate, int channels) {
    documentFrames_ = std::max<std::int64_t>(0, frames);
    documentRate_ = sampleRate;
    if (bridge_.hasPlayer() || state_ == TransportState::Recording)
        return;
    if (!bridge_.isMonitoring()) // while monitoring, the meters are the inputs'
        emit meterChannelsChanged(channels);
    emit positionChanged(resumeFrame_, documentFrames_, documentRate_);
}

Status Session::openPlayer(const QString& path, std::int64_t startFrame) {
    if (!audio_)
        return Error{ErrorCode::NoAudioSystem, {}};
    if (!QFileInfo::exists(path))
        return Error{ErrorCode::FileNotFound,
                     tr("“%1” does not exist.").arg(QDir::toNativeSeparators(path)).toStdString()};
    PlaySettings settings;
    settings.path = path.toStdString();
    settings.deviceName = choice_.outputDevice.toStdString();
    settings.framesPerBuffer = choice_.framesPerBuffer;
    playbackLoudness_.reset(); // the file may have been written anew
    Status opened = bridge_.openPlayer(*audio_, settings);
    if (!opened)
        return opened;
    playerStale_ = false;
    if (startFrame > 0)
        bridge_.seek(startFrame);
    emit meterChannelsChanged(bridge_.channels());
    if (documentRate_ <= 0) { // the waveform document describes the format better
        const QString format = QFileInfo(path).suffix().toUpper();
        emit streamDescriptionChanged(
            describeStream(bridge_.sampleRate(), bridge_.channels(), format));
    }
    emit positionChanged(std::min(startFrame, bridge_.length()), bridge_.length(),
                         bridge_.sampleRate());
    return success();
}

void Session::onPlaybackFailed(const UserMessage& text) {
    report(text);
    playerStale_ = true;
    setState(path_.isEmpty() ? TransportState::NoFile : TransportState::Stopped);
}

void Session::onPlaybackFinished() {
    setState(TransportState::Stopped);
}

void Session::refreshDevices() {
    if (state_ == TransportState::Recording || state_ == TransportState::Playing) {
        emit statusMessage(tr("Stop first to look for devices again."));
        return;
    }
    if (!audio_) {
        startAudio();
        if (audio_)
            emit errorCleared();
        return;
    }
    // PortAudio only sees new devices after a re-initialization, which needs every stream
    // closed: close the player and reopen it, at the same position, on the next Play.
    const bool hadPlayer = bridge_.hasPlayer();
    if (hadPlayer)
        resumeFrame_ = bridge_.position();
    bridge_.closePlayer();
    Status rescanned = audio_->rescan();
    if (!rescanned) {
        report(describeError(rescanned.error()));
    } else if (!reportIfNoDevices()) {
        emit errorCleared();
        emit statusMessage(tr("Found %n device(s).", nullptr, int(audio_->devices().size())));
    }
    if (hadPlayer)
        playerStale_ = true; // Stopped or Paused stays as it was: Play resumes there
    emit devicesChanged();
    reportInput();
}

bool Session::reportIfNoDevices() {
    if (!audio_ || !audio_->devices().empty())
        return false;
    report({tr("Tapedeck found no audio devices."), describeError(ErrorCode::NoDevice).nextStep});
    return true;
}

void Session::setDeviceChoice(const DeviceChoice& choice) {
    if (choice == choice_)
        return;
    if (choice.outputDevice != choice_.outputDevice ||
        choice.framesPerBuffer != choice_.framesPerBuffer)
        playerStale_ = bridge_.hasPlayer();
    choice_ = choice;
    settings_.setDeviceChoice(choice);
    if (bridge_.isMonitoring())
        openMonitor(); // the input or its format changed
    reportInput();
    updateDiskTimeLeft();
}

void Session::setRecordingFolder(const QString& path) {
    settings_.setRecordingFolder(path);
    emit statusMessage(tr("New recordings go to %1").arg(displayPath(path)));
    updateDiskTimeLeft();
}

int Session::plannedSampleRate() const {
    if (bridge_.isRecording())
        return bridge_.sampleRate();
    if (choice_.sampleRate > 0)
        return choice_.sampleRate;
    if (audio_) {
        const DeviceInfo* device =
            audio_->findExact(choice_.hostApi.toStdString(), choice_.inputDevice.toStdString());
        if (device && device->defaultSampleRate > 0)
            return static_cast<int>(device->defaultSampleRate);
    }
    return kFallbackSampleRate;
}

int Session::plannedChannels() const {
    // As the recorder does: the wanted count, capped to what the input device has.
    int channels = std::clamp(choice_.channels, 1, WaveformSummary::kMaxChannels);
    if (audio_) {
        const auto device = audio_->findDevice(choice_.inputDevice.toStdString(), Direction::Input);
        if (device && device.value().maxInputChannels > 0)
            channels = std::min(channels, device.value().maxInputChannels);
    }
    return channels;
}

void Session::updateDiskTimeLeft() {
    const int channels = bridge_.isRecording() ? bridge_.channels() : plannedFileChannels();
    const double rate = bytesPerSecond(choice_.format, plannedSampleRate(), channels);
    const double seconds = disk_.secondsLeft(settings_.recordingFolder(), rate);
    emit diskTimeLeftChanged(seconds);
    if (state_ != TransportState::Recording)
        return;
    if (std::optional<UserMessage> warning = disk_.warningFor(seconds))
        emit warningOccurred(*warning);
}

} // namespace tapedeck
