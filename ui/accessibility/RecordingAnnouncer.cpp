#include "ui/accessibility/RecordingAnnouncer.h"

#include "ui/session/Session.h"
#include "ui/window/StatusPanel.h"

#include <QWidget>

#include <cmath>

namespace tapedeck {

RecordingAnnouncer::RecordingAnnouncer(Session& session, QWidget& target, QObject* parent)
    : QObject(parent), session_(session), target_(target) {
    state_ = session_.state();
    connect(&session_, &Session::stateChanged, this, &RecordingAnnouncer::onStateChanged);
    connect(&session_, &Session::takePausedChanged, this, &RecordingAnnouncer::onPausedChanged);
    connect(&session_, &Session::soundArrived, this, [this] { announce(tr("Recording")); });
    connect(&session_, &Session::positionChanged, this, &RecordingAnnouncer::onPosition);
}

QString RecordingAnnouncer::elapsedText() const {
    return StatusPanel::formatTime(elapsedSeconds_);
}

void RecordingAnnouncer::onStateChanged(TransportState state) {
    const TransportState before = state_;
    state_ = state;
    if (state == TransportState::Recording && before != TransportState::Recording) {
        elapsedSeconds_ = 0;
        lastStep_ = 0;
        announce(session_.isWaitingForSound() ? tr("Waiting for sound") : tr("Recording"));
    } else if (before == TransportState::Recording && state != TransportState::Recording) {
        announce(tr("Recording stopped after %1").arg(elapsedText()));
    }
}

void RecordingAnnouncer::onPausedChanged(bool paused) {
    if (state_ != TransportState::Recording)
        return;
    announce(paused ? tr("Recording paused at %1").arg(elapsedText())
                    : tr("Recording resumed at %1").arg(elapsedText()));
}

void RecordingAnnouncer::onPosition(qint64 frame, qint64 length, int sampleRate) {
    // A take reports its position with no length yet; playback's position is not announced
    // (the waveform says it when focused).
    if (state_ != TransportState::Recording || length >= 0 || sampleRate <= 0)
        return;
    elapsedSeconds_ = static_cast<double>(frame) / sampleRate;
    if (session_.isWaitingForSound() || session_.isTakePaused())
        return;
    const auto step = static_cast<std::int64_t>(std::floor(elapsedSeconds_ / kElapsedStepSeconds));
    if (step > lastStep_) {
        lastStep_ = step;
        announce(tr("Recording, %1").arg(elapsedText()));
    }
}

void RecordingAnnouncer::announce(const QString& words) {
    announcement_ = words;
    ++count_;
    // Sends QAccessible::DescriptionChanged when a screen reader listens.
    target_.setAccessibleDescription(words);
}

} // namespace tapedeck
