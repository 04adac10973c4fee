#pragma once

#include "ui/session/TransportState.h"

#include <QObject>
#include <QString>

#include <cstdint>

class QWidget;

namespace tapedeck {

class Session;

// Says what the recorder is doing to a screen reader, without anyone having to look: the
// recording state at once when it changes ("Recording", "Waiting for sound", "Recording
// paused at 0:12.0", "Recording stopped after 1:02.5"), and while a take runs the elapsed
// time every kElapsedStepSeconds of take time ("Recording, 0:15.0"), never per position
// update. The words become the accessible description of `target` (the status panel), which
// sends the DescriptionChanged event Qt 6.4 has for this (it has no announcement event yet),
// and the same words stay there for whoever reads the status bar or focuses it later.
// GUI thread only.
class RecordingAnnouncer : public QObject {
    Q_OBJECT
public:
    static constexpr double kElapsedStepSeconds = 5.0;

    RecordingAnnouncer(Session& session, QWidget& target, QObject* parent = nullptr);

    // The last words announced (empty before the first take).
    const QString& announcement() const { return announcement_; }
    // How many announcements were made (for tests).
    int count() const { return count_; }

private:
    void onStateChanged(TransportState state);
    void onPausedChanged(bool paused);
    void onPosition(qint64 frame, qint64 length, int sampleRate);
    void announce(const QString& words);
    QString elapsedText() const;

    Session& session_;
    QWidget& target_;
    TransportState state_ = TransportState::NoFile;
    double elapsedSeconds_ = 0;
    std::int64_t lastStep_ = -1; // the last kElapsedStepSeconds step announced
    QString announcement_;
    int count_ = 0;
};

} // namespace tapedeck
