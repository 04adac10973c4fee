#pragma once

#include "ui/session/TransportState.h"

#include <QWidget>

#include <cstdint>

class QLabel;

namespace tapedeck {

// The permanent part of the status bar: position / duration, rate and format of what is
// open or recording, the dropout and xrun count while recording, and recording time left
// on disk. GUI thread only.
class StatusPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr double kLowDiskSeconds = 10 * 60; // warn below ten minutes

    explicit StatusPanel(QWidget* parent = nullptr);

    // `length` < 0: recording (no total yet).
    void setPosition(std::int64_t frame, std::int64_t length, int sampleRate);
    void setStreamDescription(const QString& text);
    // Says "Paused" beside the position while playback is paused (the position alone does
    // not show whether it is still moving).
    void setTransportState(TransportState state);
    void setCounts(std::int64_t dropouts, std::int64_t xruns);
    void setCountsVisible(bool visible);
    // An open take's dropouts, from its sidecar: shown (with the count) when there are any.
    void setFileDropouts(int count);
    void setDiskTimeLeft(double seconds);
    void clear();

    // "1:02:03.4", "2:03.4": hours only when needed, tenths of a second.
    static QString formatTime(double seconds);
    // "about 3 h 20 min", "12 min", "under a minute".
    static QString formatDuration(double seconds);

    QString positionText() const;
    // "Paused", or empty when it is hidden.
    QString transportText() const;
    QString countsText() const;
    QString diskText() const;

private:
    QLabel* transport_;
    QLabel* position_;
    QLabel* stream_;
    QLabel* counts_;
    QLabel* disk_;
    QWidget* streamSeparator_;
    QWidget* countsSeparator_;
    int fileDropouts_ = 0;
    bool countsWanted_ = false; // while recording
};

} // namespace tapedeck
