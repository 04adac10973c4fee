#pragma once

#include "ui/mpris/MprisTrack.h"
#include "ui/mpris/PositionJumps.h"
#include "ui/session/TransportState.h"

#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QTimer>
#include <QVariantMap>

namespace tapedeck {

class Session;
class SpeedControl;
class TransportActions;

// org.mpris.MediaPlayer2.Player: the transport as media keys and the desktop's media widget
// see it. Play, Pause, Stop and PlayPause trigger the window's own transport actions (so they
// do exactly what the buttons do, and nothing a button could not); Seek and SetPosition move
// the position as a click on the waveform does; Rate is the speed control, both ways.
//
// A take is a track too: PlaybackStatus is Playing while it records (Paused while the take
// is paused), the title says "Recording", Stop ends the take, and Pause and Play pause and
// resume it. There is no track list: CanGoNext and CanGoPrevious are false. The player has
// no volume of its own, so Volume is 1.0 and read-only.
//
// Changes are announced with org.freedesktop.DBus.Properties.PropertiesChanged (gathered into
// one signal per turn of the event loop), jumps of the position with Seeked. Position is read
// when asked for, never announced, as MPRIS wants. The D-Bus names are MPRIS's own
// (capitalised). GUI thread only.
class MprisPlayerAdaptor : public QDBusAbstractAdaptor {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.mpris.MediaPlayer2.Player")
    Q_PROPERTY(QString PlaybackStatus READ playbackStatus)
    Q_PROPERTY(QString LoopStatus READ loopStatus WRITE setLoopStatus)
    Q_PROPERTY(double Rate READ rate WRITE setRate)
    Q_PROPERTY(QVariantMap Metadata READ metadata)
    Q_PROPERTY(double Volume READ volume)
    Q_PROPERTY(qlonglong Position READ position)
    Q_PROPERTY(double MinimumRate READ minimumRate)
    Q_PROPERTY(double MaximumRate READ maximumRate)
    Q_PROPERTY(bool CanGoNext READ canGoNext)
    Q_PROPERTY(bool CanGoPrevious READ canGoPrevious)
    Q_PROPERTY(bool CanPlay READ canPlay)
    Q_PROPERTY(bool CanPause READ canPause)
    Q_PROPERTY(bool CanSeek READ canSeek)
    Q_PROPERTY(bool CanControl READ canControl)
public:
    static constexpr const char* kInterface = "org.mpris.MediaPlayer2.Player";

    // What the adaptor drives: the window's session, transport actions and speed control.
    struct Controls {
        Session& session;
        TransportActions& transport;
        SpeedControl& speed;
    };
    // `object`: the object registered on `bus` at `objectPath` (owns this adaptor).
    MprisPlayerAdaptor(QObject& object, const Controls& controls, QDBusConnection bus,
                       const QString& objectPath);

    QString playbackStatus() const;
    // "None", or "Track" while Loop is on (a selection or the whole file repeats).
    QString loopStatus() const;
    void setLoopStatus(const QString& status);
    double rate() const;
    // 0.5 to 2 (beyond: the nearest); 0 pauses, as MPRIS asks; below 0 is ignored.
    void setRate(double rate);
    QVariantMap metadata() const { return track_.metadata(); }
    double volume() const { return 1.0; }
    qlonglong position() const; // microseconds
    double minimumRate() const;
    double maximumRate() const;
    bool canGoNext() const { return false; }
    bool canGoPrevious() const { return false; }
    bool canPlay() const;
    bool canPause() const;
    bool canSeek() const;
    bool canControl() const { return true; }

    // The track shown now (tests).
    const MprisTrack& track() const { return track_; }

public slots:          // D-Bus methods
    void Next() {}     // no track list
    void Previous() {} // no track list
    void Pause();
    void PlayPause();
    void Stop();
    void Play();
    // Moves by `offset` microseconds (back when negative), not before the start nor past
    // the end.
    void Seek(qlonglong offset);
    // Moves to `position` microseconds, if `trackId` is still the track shown.
    void SetPosition(const QDBusObjectPath& trackId, qlonglong position);
    // Opens a local file (file:// URI), as File › Open does; refused during a take.
    void OpenUri(const QString& uri);

signals: // D-Bus signals
    // The position jumped to `position` microseconds.
    void Seeked(qlonglong position);

private:
    // Triggers the window's action if it is enabled now (as a click on its button would).
    void trigger(TransportAction which);
    int sampleRate() const;
    void seekTo(qint64 microseconds);
    void onDocumentChanged(const QString& path);
    void onStateChanged(TransportState state);
    void onPositionChanged(qint64 frame, qint64 length, int sampleRate);
    // Sends PropertiesChanged for whatever differs from what was last announced.
    void announceChanges();

    // What was last announced, to send only what changed.
    struct Announced {
        QString status;
        MprisTrack track;
        double rate = 1.0;
        QString loop;
        bool canPlay = false;
        bool canPause = false;
        bool canSeek = false;
    };
    Announced current() const;

    Session& session_;
    TransportActions& transport_;
    SpeedControl& speed_;
    QDBusConnection bus_;
    QString objectPath_;
    MprisTrack track_;
    int tracksOpened_ = 0;
    std::int64_t lastFrame_ = 0; // the last position reported (when no engine can say)
    PositionJumps jumps_;
    QElapsedTimer clock_;
    QTimer announceTimer_;
    Announced announced_;
};

} // namespace tapedeck
