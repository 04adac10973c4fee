#include "ui/mpris/MprisPlayerAdaptor.h"

#include "ui/session/Session.h"
#include "ui/transport/SpeedControl.h"
#include "ui/transport/TransportActions.h"

#include <QAction>
#include <QDBusMessage>
#include <QUrl>

#include <algorithm>

namespace tapedeck {

namespace {

const QString kLoopNone = QStringLiteral("None");
const QString kLoopTrack = QStringLiteral("Track");
const QString kLoopPlaylist = QStringLiteral("Playlist");

} // namespace

MprisPlayerAdaptor::MprisPlayerAdaptor(QObject& object, const Controls& controls,
                                       QDBusConnection bus, const QString& objectPath)
    : QDBusAbstractAdaptor(&object), session_(controls.session), transport_(controls.transport),
      speed_(controls.speed), bus_(std::move(bus)), objectPath_(objectPath) {
    clock_.start();
    announceTimer_.setSingleShot(true);
    announceTimer_.setInterval(0);
    connect(&announceTimer_, &QTimer::timeout, this, &MprisPlayerAdaptor::announceChanges);
    const auto announceSoon = [this] { announceTimer_.start(); };

    connect(&session_, &Session::documentChanged, this, &MprisPlayerAdaptor::onDocumentChanged);
    connect(&session_, &Session::documentRenamed, this,
            [this, announceSoon](const QString& from, const QString& to) {
                if (track_.path == from) {
                    track_.path = to; // the same track under a new name
                    announceSoon();
                }
            });
    connect(&session_, &Session::stateChanged, this, &MprisPlayerAdaptor::onStateChanged);
    connect(&session_, &Session::takePausedChanged, this, announceSoon);
    connect(&session_, &Session::positionChanged, this, &MprisPlayerAdaptor::onPositionChanged);
    connect(&speed_, &SpeedControl::speedChanged, this, [this, announceSoon] {
        jumps_.restartClock(clock_.elapsed());
        announceSoon();
    });
    connect(transport_.action(TransportAction::Loop), &QAction::toggled, this, announceSoon);

    // The window may already show a file (or record) when it goes on the bus.
    if (!session_.currentPath().isEmpty())
        onDocumentChanged(session_.currentPath());
    announced_ = current();
}

QString MprisPlayerAdaptor::playbackStatus() const {
    switch (session_.state()) {
    case TransportState::Playing:
        return QStringLiteral("Playing");
    case TransportState::Paused:
        return QStringLiteral("Paused");
    case TransportState::Recording:
        return session_.isTakePaused() ? QStringLiteral("Paused") : QStringLiteral("Playing");
    case TransportState::NoFile:
    case TransportState::Stopped:
        break;
    }
    return QStringLiteral("Stopped");
}

QString MprisPlayerAdaptor::loopStatus() const {
    return transport_.loopEnabled() ? kLoopTrack : kLoopNone;
}

void MprisPlayerAdaptor::setLoopStatus(const QString& status) {
    // One file is one track: looping the "playlist" is looping the file.
    if (status == kLoopNone)
        transport_.setLoopEnabled(false);
    else if (status == kLoopTrack || status == kLoopPlaylist)
        transport_.setLoopEnabled(true);
}

double MprisPlayerAdaptor::rate() const {
    return speed_.speed();
}

void MprisPlayerAdaptor::setRate(double rate) {
    if (rate == 0.0) {
        Pause();
        return;
    }
    if (rate < 0.0)
        return;
    speed_.setSpeed(std::clamp(rate, SpeedControl::kMinSpeed, SpeedControl::kMaxSpeed));
}

qlonglong MprisPlayerAdaptor::position() const {
    const EngineBridge& engine = session_.engine();
    // Asked for now, so read now: the engine knows the frame being heard, or the take's length.
    const bool live = engine.hasPlayer() || session_.state() == TransportState::Recording;
    return MprisTrack::toMicroseconds(live ? engine.position() : lastFrame_, sampleRate());
}

double MprisPlayerAdaptor::minimumRate() const {
    return SpeedControl::kMinSpeed;
}

double MprisPlayerAdaptor::maximumRate() const {
    return SpeedControl::kMaxSpeed;
}

bool MprisPlayerAdaptor::canPlay() const {
    return session_.state() != TransportState::NoFile;
}

bool MprisPlayerAdaptor::canPause() const {
    return session_.state() != TransportState::NoFile;
}

bool MprisPlayerAdaptor::canSeek() const {
    const TransportState state = session_.state();
    return track_.isTrack() && track_.frames > 0 &&
           (state == TransportState::Stopped || state == TransportState::Playing ||
            state == TransportState::Paused);
}

void MprisPlayerAdaptor::trigger(TransportAction which) {
    QAction* action = transport_.action(which);
    if (action->isEnabled())
        action->trigger();
}

void MprisPlayerAdaptor::Play() {
    if (session_.state() == TransportState::Recording) {
        if (session_.isTakePaused())
            trigger(TransportAction::Pause); // Pause again resumes the take
        return;
    }
    trigger(TransportAction::Play);
}

void MprisPlayerAdaptor::Pause() {
    const TransportState state = session_.state();
    if (state == TransportState::Playing ||
        (state == TransportState::Recording && !session_.isTakePaused()))
        trigger(TransportAction::Pause);
}

void MprisPlayerAdaptor::PlayPause() {
    const TransportState state = session_.state();
    if (state == TransportState::Playing || state == TransportState::Recording)
        trigger(TransportAction::Pause); // pauses playback; pauses or resumes a take
    else
        trigger(TransportAction::Play);
}

void MprisPlayerAdaptor::Stop() {
    trigger(TransportAction::Stop); // during a take: ends it, and the take is saved
}

void MprisPlayerAdaptor::Seek(qlonglong offset) {
    if (!canSeek())
        return;
    // Past the end there is no next track: the end, where playback stops.
    seekTo(std::clamp<qint64>(position() + offset, 0, track_.lengthUs()));
}

void MprisPlayerAdaptor::SetPosition(const QDBusObjectPath& trackId, qlonglong position) {
    if (!canSeek() || trackId != track_.trackId() || position < 0 || position > track_.lengthUs())
        return; // a request about another track, or outside this one: ignored, as MPRIS asks
    seekTo(position);
}

void MprisPlayerAdaptor::OpenUri(const QString& uri) {
    const QUrl url(uri);
    if (url.isLocalFile())
        session_.openFile(url.toLocalFile());
}

int MprisPlayerAdaptor::sampleRate() const {
    if (track_.sampleRate > 0)
        return track_.sampleRate;
    return session_.documentRate() > 0 ? session_.documentRate() : session_.engine().sampleRate();
}

void MprisPlayerAdaptor::seekTo(qint64 microseconds) {
    // As a click on the waveform does; the position report that follows sends Seeked.
    session_.seek(MprisTrack::toFrames(microseconds, sampleRate()));
}

void MprisPlayerAdaptor::onDocumentChanged(const QString& path) {
    jumps_.forget();
    if (path.isEmpty()) {
        track_ = {};
    } else {
        const EngineBridge& engine = session_.engine();
        track_ = {};
        track_.number = ++tracksOpened_;
        track_.path = path;
        track_.recording = session_.state() == TransportState::Recording;
        track_.frames = track_.recording ? 0 : engine.length();
        track_.sampleRate = engine.sampleRate() > 0 ? engine.sampleRate() : session_.documentRate();
    }
    announceTimer_.start();
}

void MprisPlayerAdaptor::onStateChanged(TransportState state) {
    jumps_.restartClock(clock_.elapsed());
    track_.recording = track_.isTrack() && state == TransportState::Recording;
    announceTimer_.start();
}

void MprisPlayerAdaptor::onPositionChanged(qint64 frame, qint64 length, int sampleRate) {
    lastFrame_ = frame;
    if (sampleRate > 0 && track_.isTrack())
        track_.sampleRate = sampleRate;
    const TransportState state = session_.state();
    if (state == TransportState::Recording) {
        jumps_.forget(); // a take grows; it does not jump
        return;
    }
    if (length >= 0 && track_.isTrack() && track_.frames != length) {
        track_.frames = length; // the header has been read: the length is known
        announceTimer_.start();
    }
    if (jumps_.isJump(frame, this->sampleRate(), state == TransportState::Playing, speed_.speed(),
                      clock_.elapsed()))
        emit Seeked(MprisTrack::toMicroseconds(frame, this->sampleRate()));
}

MprisPlayerAdaptor::Announced MprisPlayerAdaptor::current() const {
    return {playbackStatus(), track_, rate(), loopStatus(), canPlay(), canPause(), canSeek()};
}

void MprisPlayerAdaptor::announceChanges() {
    const Announced now = current();
    QVariantMap changed;
    if (now.status != announced_.status)
        changed.insert(QStringLiteral("PlaybackStatus"), now.status);
    if (now.track != announced_.track)
        changed.insert(QStringLiteral("Metadata"), now.track.metadata());
    if (now.rate != announced_.rate)
        changed.insert(QStringLiteral("Rate"), now.rate);
    if (now.loop != announced_.loop)
        changed.insert(QStringLiteral("LoopStatus"), now.loop);
    if (now.canPlay != announced_.canPlay)
        changed.insert(QStringLiteral("CanPlay"), now.canPlay);
    if (now.canPause != announced_.canPause)
        changed.insert(QStringLiteral("CanPause"), now.canPause);
    if (now.canSeek != announced_.canSeek)
        changed.insert(QStringLiteral("CanSeek"), now.canSeek);
    announced_ = now;
    if (changed.isEmpty())
        return;
    QDBusMessage signal =
        QDBusMessage::createSignal(objectPath_, QStringLiteral("org.freedesktop.DBus.Properties"),
                                   QStringLiteral("PropertiesChanged"));
    signal << QString::fromLatin1(kInterface) << changed << QStringList();
    bus_.send(signal);
}

} // namespace tapedeck
