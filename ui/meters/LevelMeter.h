#pragma once

#include "ui/meters/MeterBallistics.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <vector>

namespace tapedeck {

// Level meter: one bar per channel on a dB scale (-60 … 0 dB) with ticks, the RMS level as
// a solid bar, the peak as a lighter bar in front of it, a peak-hold line, and a clip
// indicator per channel that stays lit until the meter is clicked. The ballistics live in
// MeterBallistics; this widget only feeds it and paints. GUI thread only.
class LevelMeter : public QWidget {
    Q_OBJECT
public:
    // Seconds from any fixed origin. Tests inject their own clock.
    using Clock = std::function<double()>;

    static constexpr int kFrameIntervalMs = 30; // > 30 Hz while anything moves

    explicit LevelMeter(QWidget* parent = nullptr);

    void setOrientation(Qt::Orientation orientation);
    Qt::Orientation orientation() const { return orientation_; }
    void setChannelCount(int channels);
    int channelCount() const { return ballistics_.channelCount(); }
    void setClock(Clock clock);

    // Linear levels of one or more blocks, as the engine measured them.
    void addLevels(int channels, const float* peak, const float* rms);
    // Silence (a new take or file). The clip lights stay on until clicked.
    void reset();
    // Lets the bars fall to the current time and repaints (the frame timer calls this).
    void advance();

    const MeterBallistics& ballistics() const { return ballistics_; }
    bool isClipped(int channel) const { return ballistics_.channel(channel).clipped; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    void clearClip();

    // A scale label and where it is drawn.
    struct ScaleLabel {
        int db = 0;
        QRect rect;
    };
    // The scale labels that fit at the current size: where two would touch, the one nearer
    // 0 dB is kept, so a narrow meter shows fewer numbers rather than numbers run together.
    // Ticks are drawn for every step regardless.
    std::vector<ScaleLabel> visibleScaleLabels() const;

    // True while the bars move (the frame timer runs); false once they rest at the floor.
    bool isMoving() const { return frameTimer_.isActive(); }

signals:
    void clipCleared();
    // The bars started or stopped moving, so whoever reports the level (a screen reader's
    // calm updates) runs only while there is something to report.
    void movingChanged(bool moving);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    double now() const;
    int barLength() const;
    void startAnimating();
    void stopAnimating();
    void updateAccessibleDescription();

    MeterBallistics ballistics_;
    Qt::Orientation orientation_ = Qt::Horizontal;
    Clock clock_;
    QElapsedTimer elapsed_;
    QTimer frameTimer_;
};

} // namespace tapedeck
