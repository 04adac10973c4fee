#include "ui/session/Session.h"

#include "ui/window/Settings.h"

#include "core/loudness/LiveLoudness.h"
#include "core/summary/WaveformSummary.h"

#include <cmath>

// Session's part in the recorder's controls: Monitor Input, the take options (pre-roll,
// sound-activated start and stop, length limit) and markers. Apart from Session.cpp so that
// file stays about the transport.

namespace tapedeck {

RecordSettings Session::takeSettings(const QString& path) const {
    RecordSettings settings;
    settings.path = path.toStdString();
    settings.deviceName = choice_.inputDevice.toStdString();
    settings.sampleRate = choice_.sampleRate;
    settings.channels = choice_.channels;
    settings.firstInputChannel = choice_.firstInput;
    settings.format = choice_.format;
    settings.framesPerBuffer = choice_.framesPerBuffer;
    settings.secondDeviceName = second_.device.toStdString(); // empty: one input
    settings.layout = second_.layout;
    settings.preRollSeconds = takeOptions_.preRollSeconds;
    if (takeOptions_.startOnSound)
        settings.startAboveDbfs = takeOptions_.startAboveDbfs;
    if (takeOptions_.stopOnSilence)
        settings.stopAfterSilenceSeconds = takeOptions_.silenceSeconds;
    const double length = lengthForThisTake_ > 0         ? lengthForThisTake_
                          : takeOptions_.stopAfterLength ? takeOptions_.lengthSeconds
                                                         : 0;
    if (length > 0) {
        const int rate = bridge_.isMonitoring() ? bridge_.sampleRate() : plannedSampleRate();
        settings.maxFrames = std::llround(length * rate);
    }
    return settings;
}

void Session::recordFor(double seconds) {
    lengthForThisTake_ = seconds;
    record();
    lengthForThisTake_ = 0;
}

void Session::setTakeOptions(const TakeOptions& options) {
    const bool preRollChanged = options.preRollSeconds != takeOptions_.preRollSeconds;
    takeOptions_ = options;
    settings_.setTakeOptions(options);
    // The pre-roll buffer is sized when the stream opens.
    if (preRollChanged && bridge_.isMonitoring())
        openMonitor();
}

void Session::setMonitoring(bool on) {
    if (on == monitoring_)
        return;
    monitoring_ = on;
    if (on) {
        if (state_ == TransportState::Playing) { // one thing at a time on the meters
            bridge_.pause();
            setState(TransportState::Paused);
        }
        openMonitor();
    } else {
        bridge_.stopMonitoring();
        monitorSummary_.reset();
        monitorLoudness_.reset();
        emit meterChannelsChanged(bridge_.hasPlayer() ? bridge_.channels() : 0);
    }
    emit monitoringChanged(monitoring_);
}

void Session::openMonitor() {
    if (!monitoring_ || bridge_.isRecording() || state_ == TransportState::Playing)
        return;
    if (!audio_) {
        report(describeError(ErrorCode::NoAudioSystem));
        monitoring_ = false;
        return;
    }
    if (bridge_.hasPlayer()) {
        resumeFrame_ = bridge_.position();
        playerStale_ = true; // the player is closed for the input stream; Play reopens it
    }
    bridge_.stopMonitoring();
    auto live = std::make_shared<WaveformSummary>(plannedFileChannels());
    // The stream writes nothing until a take starts on it, so the loudness is the take's.
    auto loudness = std::make_shared<LiveLoudness>(plannedFileChannels());
    const Status opened = bridge_.startMonitoring(
        *audio_, takeSettings({}), [live, loudness](const float* interleaved, std::int64_t frames) {
            live->appendInterleaved(interleaved, frames);
            loudness->addFrames(interleaved, frames);
        });
    if (!opened) {
        report(describeError(opened.error()));
        monitoring_ = false;
        return;
    }
    const bool sameChannels = bridge_.channels() == live->channels();
    monitorSummary_ = sameChannels ? live : nullptr;
    loudness->setSampleRate(sameChannels ? bridge_.sampleRate() : LiveLoudness::kDisabled);
    monitorLoudness_ = sameChannels ? loudness : nullptr;
    reportMeters(bridge_.channels());
    emit statusMessage(tr("Monitoring the input. Record keeps the last %n second(s).", nullptr,
                          static_cast<int>(takeOptions_.preRollSeconds)));
}

void Session::addMarker(const QString& name) {
    if (state_ == TransportState::Recording) {
        if (const auto marker = bridge_.addTakeMarker(name.toStdString()))
            emit markerAdded(*marker, false);
        return;
    }
    if (path_.isEmpty())
        return;
    const std::int64_t frame = bridge_.hasPlayer() ? bridge_.position() : resumeFrame_;
    emit markerAdded(Marker{frame, name.toStdString()}, true);
}

void Session::onTakeEnded(const QString& path) {
    if (state_ != TransportState::Recording)
        return;
    finishTake(path);
    openMonitor();
}

} // namespace tapedeck
