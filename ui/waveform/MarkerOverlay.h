#pragma once

#include <QRect>
#include <QString>
#include <QWidget>

#include <vector>

namespace tapedeck {

class MarkerList;
class WaveformView;

// Draws the markers of a MarkerList over a WaveformView: a line across the lanes and the
// marker's name at the top, in the highlight colour (dropouts are red, drawn by the view).
// Names that would run into each other (markers close together, as M pressed quickly while
// recording) are stacked in up to kLabelRows rows; one that finds no room in any row is left
// out (its line is still drawn, and the markers panel lists it).
// A transparent child of the view that follows its size and visible range; clicks go
// through to the view. GUI thread only.
class MarkerOverlay : public QWidget {
    Q_OBJECT
public:
    // Rows of names at the top of the waveform, before a name is left out.
    static constexpr int kLabelRows = 3;
    // Pixels kept free between two names in a row.
    static constexpr int kLabelGap = 4;

    struct Label {
        int marker = 0; // index in the MarkerList
        QRect rect;     // in the overlay's (and the view's) coordinates
        QString text;
    };

    MarkerOverlay(WaveformView& view, const MarkerList& markers);

    // Where the visible markers' names go, none overlapping another (also for tests).
    std::vector<Label> layoutLabels() const;

    // The markers drawn (a screen reader hears them from the view's interface).
    const MarkerList& markers() const { return markers_; }

    // The x coordinate of a frame in the view (for tests).
    int xForFrame(std::int64_t frame) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    WaveformView& view_;
    const MarkerList& markers_;
};

} // namespace tapedeck
