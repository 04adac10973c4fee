#pragma once

#include "core/summary/SampleReader.h"
#include "core/summary/WaveformSummary.h"

#include <QColor>
#include <QLine>
#include <QList>
#include <QRect>

#include <vector>

class QPainter;
class QPalette;

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

// Draws waveform lanes (one per channel, stacked) from a summary or from raw samples.
// GUI thread; paints only columns [x0, x1) so callers can repaint just what changed.
class WaveformPainter {
public:
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
