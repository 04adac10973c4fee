#pragma once

#include "ui/waveform/WaveformSelection.h"

#include <QObject>

#include <cstdint>

class QKeyEvent;
class QMouseEvent;
class QWheelEvent;

namespace tapedeck {

class WaveformView;

// What the person does to a WaveformView, and the state it leaves: the visible range (zoom
// and scroll, their limits, fit to the window, and following a live recording) and the
// selection with the mouse press in progress. Turns mouse, wheel and keyboard input into
// changes of those and reports them by signal; the view paints from this state and asks it
// where frames are on screen. Reads the view's geometry, length and playhead through its
// public methods; draws nothing. Owned by its view. GUI thread only.
class WaveformInteraction : public QObject {
    Q_OBJECT

public:
    explicit WaveformInteraction(const WaveformView& view);

    // The timeline's rate (0: unknown). A live view keeps 30 seconds in sight at this rate.
    void setSampleRate(int sampleRate) { sampleRate_ = sampleRate; }
    int sampleRate() const { return sampleRate_; }

    // Live mode: the newest frames stay in sight as the summary grows. Turning it on shows
    // the last 30 seconds up to `newestFrame` (rangeChanged).
    void setLiveMode(bool follow, std::int64_t newestFrame);
    bool isLive() const { return live_; }

    // The visible range: frame at the left edge and frames per pixel column.
    double startFrame() const { return startFrame_; }
    double framesPerPixel() const { return framesPerPixel_; }
    // Sets the range within its limits (rangeChanged).
    void setView(double startFrame, double framesPerPixel);
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // The scroll bar moved to `startFrame`: the zoom stays, and nothing is emitted (the view
    // already knows).
    void scrollTo(double startFrame);
    // The summary grew to `frames`. Live: jumps so the newest frame is in sight again once it
    // leaves the view; fitted to a length not known in advance: fits the new length. Returns
    // whether the range moved (rangeChanged was emitted).
    bool followGrowth(std::int64_t frames, bool lengthKnown);
    // The view changed size: keeps the fit, or a live view's default span, and the start in
    // range (rangeChanged).
    void resized();

    // The frame under a view x coordinate (clamped to the timeline), and the x of a frame.
    std::int64_t frameAt(int x) const;
    int xForFrame(double frame) const;

    // The selection, [start, end) in frames. setSelection() emits nothing; start < 0 clears.
    // Whether it changed.
    const WaveformSelection& selection() const { return selection_; }
    bool setSelection(std::int64_t start, std::int64_t end);
    // As if the person did it: both emit selectionEdited when the selection changes.
    void selectAll();
    void clearSelection();

    // The view's input events. A drag selects, Shift+click extends, a press near an edge
    // drags it, and a plain click asks for a seek; Ctrl+wheel zooms, the wheel scrolls; keys
    // +/=, -, 0, Left, Right, Home and End zoom and scroll. wheel() and keyPress() return
    // whether they used the event.
    void mousePress(const QMouseEvent& event);
    void mouseMove(const QMouseEvent& event);
    void mouseRelease(const QMouseEvent& event);
    bool wheel(const QWheelEvent& event);
    bool keyPress(const QKeyEvent& event);

signals:
    // The visible range changed, other than by scrollTo().
    void rangeChanged();
    // The person changed the selection.
    void selectionEdited();
    // The person clicked at this frame.
    void seekRequested(std::int64_t frame);

private:
    void zoomAround(double factor, int x);
    double clampStart(double start, double framesPerPixel) const;
    double fitFramesPerPixel() const;
    double visibleFrames() const;

    const WaveformView& view_;
    int sampleRate_ = 0;
    bool live_ = false;
    bool liveDefaultZoom_ = false; // live, and not zoomed by hand since
    double startFrame_ = 0.0;
    double framesPerPixel_ = 1.0;
    bool fitted_ = true; // follows the length while the view shows the whole file
    WaveformSelection selection_;
    int pressX_ = -1;
};

} // namespace tapedeck
