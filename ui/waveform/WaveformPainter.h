#pragma once

#include "core/summary/SampleReader.h"
#include "core/summary/WaveformSummary.h"

#include <QColor>
#include <QLine>
#include <QList>
#include <QRect>

#include <cstdint>
#include <vector>

class QFontMetrics;
class QPainter;
class QPalette;
class QString;

namespace tapedeck {

// The colours of a waveform, taken from the widget palette so light and dark themes work.
struct WaveformColors {
    QColor background; // Base
    QColor peak;       // Highlight: min..max
    QColor rms;        // Highlight mixed towards Text: ±RMS inside the peaks
    QColor axis;       // Mid: zero line
    QColor separator;  // Mid: between lanes

    static WaveformColors fromPalette(const QPalette& palette);
};

// Draws waveform lanes (one per channel, stacked) from a summary or from raw samples, and
// what a waveform view puts over them: the selection, dropout markers, the progress of a
// summary still being built, the keyboard focus frame. GUI thread; the lanes and markers are
// painted only in columns [x0, x1) so callers can repaint just what changed.
class WaveformPainter {
public:
    // A dropout marker: a line with a flag this wide at its top.
    static constexpr int kFlagWidth = 7;
    static QColor markerColor();

    // The rectangle of one channel's lane inside `area`.
    static QRect laneRect(const QRect& area, int channels, int channel);

    static void paintBackground(QPainter& painter, const QRect& area, int x0, int x1, int channels,
                                const WaveformColors& colors);
    // Pixel column x covers frames [startFrame + (x - area.left()) * fpp, ... + fpp).
    static void paintSummary(QPainter& painter, const QRect& area, int x0, int x1,
                             const WaveformSummary& summary, double startFrame,
                             double framesPerPixel, const WaveformColors& colors);
    // Same, from raw samples: min/max per column when a pixel holds a frame or more, a line
    // through the samples (with dots when they are far apart) when zoomed further in.
    static void paintSamples(QPainter& painter, const QRect& area, int x0, int x1,
                             const SampleWindow& window, double startFrame, double framesPerPixel,
                             const WaveformColors& colors);

    // Columns [left, right) of the lanes highlighted in `colour` (a translucent selection),
    // cut to `area`.
    static void paintSpan(QPainter& painter, const QRect& area, int left, int right,
                          const QColor& colour);
    // Dropout markers at `frames` (sorted), those whose line or flag reaches into [x0, x1).
    static void paintMarkers(QPainter& painter, const QRect& area, int x0, int x1,
                             const std::vector<std::int64_t>& frames, double startFrame,
                             double framesPerPixel);
    // A summary being built: a bar along the top of `area`, `fraction` of its width, and
    // `text` in a box below its right end.
    static void paintProgress(QPainter& painter, const QRect& area, double fraction,
                              const QString& text, const QFontMetrics& metrics,
                              const QPalette& palette);
    // What paintProgress() may cover: the bar, and the box for any text up to `widestText`.
    static QRect progressBarRect(const QRect& area);
    static QRect progressTextRect(const QRect& area, const QFontMetrics& metrics,
                                  const QString& widestText);
    // The keyboard focus mark: a frame in `colour` just inside `rect`.
    static void paintFocusFrame(QPainter& painter, const QRect& rect, const QColor& colour);

private:
    struct ColumnLines {
        QList<QLine> peaks;
        QList<QLine> rms;
    };
    static void addColumn(ColumnLines& lines, int x, const QRect& lane, const PixelSummary& p);
    static void drawColumns(QPainter& painter, const QRect& area, int x0, int x1, int channels,
                            const ColumnLines& lines, const WaveformColors& colors);
};

} // namespace tapedeck
