#pragma once

#include <QWidget>

namespace tapedeck {

class MarkerList;
class WaveformView;

// Draws the markers of a MarkerList over a WaveformView: a line across the lanes and the
// marker's name at the top, in the highlight colour (dropouts are red, drawn by the view).
// A transparent child of the view that follows its size and visible range; clicks go
// through to the view. GUI thread only.
class MarkerOverlay : public QWidget {
    Q_OBJECT
public:
    MarkerOverlay(WaveformView& view, const MarkerList& markers);

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
