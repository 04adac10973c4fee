#pragma once

#include <QRect>
#include <QString>

class QPainter;
class QPalette;

namespace tapedeck {

// The time ruler above the waveform: ticks at a "nice" interval for the zoom, labels as
// h:mm:ss, m:ss.mmm or sample numbers. GUI thread.
class WaveformRuler {
public:
    static constexpr int kHeight = 20;

    static void paint(QPainter& painter, const QRect& rect, double startFrame,
                      double framesPerPixel, int sampleRate, const QPalette& palette);
    // "1:02:03", "2:03.250", "0:00.000125" style text for a time in seconds; `step` is the
    // tick interval and decides the number of decimals.
    static QString formatTime(double seconds, double step);
    // The tick interval in seconds for a zoom: labels at least `minPixels` apart.
    static double tickStep(double secondsPerPixel, double minPixels);
};

} // namespace tapedeck
