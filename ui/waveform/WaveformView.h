#pragma once

#include "core/summary/SampleReader.h"
#include "core/summary/WaveformSummary.h"
#include "ui/waveform/WaveformInteraction.h"
#include "ui/waveform/WaveformSelection.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QScrollBar;

namespace tapedeck {

class SampleWindowLoader;

// Draws a WaveformSummary: one lane per channel with min/max and RMS per pixel column, a
// time ruler, a playhead, a horizontal scroll bar, and a progress indicator while the
// summary is still being built. Zoom: Ctrl+wheel, +/-, or the slots. At zooms finer than
// the 512-frame summary blocks it shows raw samples read by a worker thread (never during
// paint). It polls the summary at the screen's pace and repaints only the columns that
// gained data, so a growing summary (a file still scanning, or a live recording) costs
// little. Zoom, scroll, selection and the input that changes them live in its
// WaveformInteraction; the view paints (with WaveformPainter and WaveformRuler), keeps the
// scroll bar in step and reads raw samples. All methods: GUI thread.
class WaveformView : public QWidget {
    Q_OBJECT

public:
    static constexpr double kMinFramesPerPixel = 1.0 / 32.0; // 32 pixels per sample
    static constexpr int kPollIntervalMs = 33;

    explicit WaveformView(QWidget* parent = nullptr);
    ~WaveformView() override;

    // Shows `summary` (may still be growing). `expectedFrames`: the file's length if known
    // (the progress indicator runs until the summary is complete), 0 for a live recording.
    // `samplePath`: the file to read raw samples from at fine zooms (empty: none).
    void setSummary(std::shared_ptr<const WaveformSummary> summary, int sampleRate,
                    std::int64_t expectedFrames, const QString& samplePath = {});
    void clear();
    std::shared_ptr<const WaveformSummary> summary() const { return summary_; }
    // The file the raw samples come from, when it was renamed (same contents).
    void setSamplePath(const QString& path) { samplePath_ = path; }
    const QString& samplePath() const { return samplePath_; }

    // Live mode: the view keeps the newest frames in sight as the summary grows.
    void setLiveMode(bool follow);
    bool isLiveMode() const { return interaction_.isLive(); }

    // Dropout markers: thin red lines with a flag at these frames (sorted or not).
    void setMarkers(std::vector<std::int64_t> frames);
    // Adds one marker (a dropout during a live recording); repaints only its column.
    void addMarker(std::int64_t frame);
    const std::vector<std::int64_t>& markers() const { return markers_; }
    // The marker colour, for tests and the legend.
    static QColor markerColor();

    // The selection, [start, end) in frames; a drag, Shift+click or an edge drag changes it
    // (selectionChanged). setSelection() does not emit; start < 0 clears.
    void setSelection(std::int64_t start, std::int64_t end);
    const WaveformSelection& selection() const { return interaction_.selection(); }
    // The selection's colour (a translucent highlight), for tests.
    QColor selectionColor() const;

    // -1 hides the playhead.
    void setPlayhead(std::int64_t frame);
    std::int64_t playhead() const { return playhead_; }

    // The visible range: frame at the left edge and frames per pixel column.
    void setView(double startFrame, double framesPerPixel);
    double startFrame() const { return interaction_.startFrame(); }
    double framesPerPixel() const { return interaction_.framesPerPixel(); }
    std::int64_t totalFrames() const;
    // The timeline's frames per second (0 with nothing shown).
    int sampleRate() const { return interaction_.sampleRate(); }
    // The frame under a widget x coordinate.
    std::int64_t frameAt(int x) const;
    // Where waveform lanes are drawn, in widget coordinates.
    QRect waveformRect() const;
    // True while raw samples are being read for the current view.
    bool isLoadingSamples() const;
    // True when the current view is drawn from raw samples.
    bool showsSamples() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // As if the person did it: both emit selectionChanged.
    void selectAll();
    void clearSelection();

signals:
    // The user clicked at this frame.
    void seekRequested(std::int64_t frame);
    // The person changed the selection (start < 0: none).
    void selectionChanged(std::int64_t start, std::int64_t end);
    // The visible range changed (zoom or scroll).
    void viewChanged(double startFrame, double framesPerPixel);
    // Raw samples for the current view have arrived and been drawn.
    void samplesShown();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void poll();
    void syncScrollBar();
    void onScrollBar(int value);
    void afterViewChange();
    void requestSamplesIfNeeded();
    bool windowCovers(const SampleWindow& window) const;
    void onSamplesLoaded(std::uint64_t id, std::shared_ptr<const SampleWindow> window);
    bool isBuilding() const;
    void emitSelection();
    QRect markerRect(std::int64_t frame) const;
    void updateAccessibleDescription();

    std::shared_ptr<const WaveformSummary> summary_;
    std::int64_t expectedFrames_ = 0;
    QString samplePath_;
    std::int64_t playhead_ = -1;
    std::vector<std::int64_t> markers_; // sorted
    // The visible range, the selection and the timeline's rate; reads this view's geometry.
    WaveformInteraction interaction_;
    std::int64_t seenFrames_ = 0;
    bool seenComplete_ = false;

    QScrollBar* scrollBar_ = nullptr;
    double scrollUnitFrames_ = 1.0;
    bool syncingScrollBar_ = false;
    QTimer pollTimer_;
    SampleWindowLoader* loader_ = nullptr;
    std::shared_ptr<const SampleWindow> samples_;
    std::int64_t requestedStart_ = -1;
    std::int64_t requestedFrames_ = 0;
};

} // namespace tapedeck
