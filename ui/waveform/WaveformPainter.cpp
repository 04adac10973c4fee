#include "WaveformPainter.h"

#include <QPainter>
#include <QPalette>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

constexpr double kRmsMix = 0.45;      // how far the RMS colour moves from peak to text
constexpr double kDotMinPixels = 6.0; // draw sample dots when samples are this far apart
constexpr int kDotSize = 3;
constexpr int kLaneGap = 1; // pixels between lanes

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// y of a sample value in a lane: +1 at the top, -1 at the bottom, clamped.
int yFor(const QRect& lane, float value) {
    const double half = (lane.height() - 1) / 2.0;
    const double center = lane.top() + half;
    const double y = center - std::clamp(static_cast<double>(value), -1.0, 1.0) * half;
    return static_cast<int>(std::lround(y));
}

} // namespace

WaveformColors WaveformColors::fromPalette(const QPalette& palette) {
    WaveformColors c;
    c.background = palette.color(QPalette::Base);
    c.peak = palette.color(QPalette::Highlight);
    c.rms = mix(c.peak, palette.color(QPalette::Text), kRmsMix);
    c.axis = palette.color(QPalette::Mid);
    c.separator = palette.color(QPalette::Mid);
    return c;
}

QRect WaveformPainter::laneRect(const QRect& area, int channels, int channel) {
    channels = std::max(channels, 1);
    const int top = area.top() + area.height() * channel / channels;
    const int bottom = area.top() + area.height() * (channel + 1) / channels;
    const int gap = channel + 1 < channels ? kLaneGap : 0;
    return QRect(area.left(), top, area.width(), std::max(1, bottom - top - gap));
}

void WaveformPainter::paintBackground(QPainter& painter, const QRect& area, int x0, int x1,
                                      int channels, const WaveformColors& colors) {
    const QRect span(x0, area.top(), std::max(0, x1 - x0), area.height());
    painter.fillRect(span, colors.background);
    for (int c = 0; c < channels; ++c) {
        const QRect lane = laneRect(area, channels, c);
        painter.fillRect(QRect(x0, yFor(lane, 0.0f), x1 - x0, 1), colors.axis);
        if (c + 1 < channels) {
            painter.fillRect(QRect(x0, lane.bottom() + 1, x1 - x0, kLaneGap), colors.separator);
        }
    }
}

void WaveformPainter::paintColumn(QPainter& painter, int x, const QRect& lane,
                                  const PixelSummary& p, const WaveformColors& colors) {
    if (!p.valid) {
        return;
    }
    const int yTop = yFor(lane, p.max);
    const int yBottom = yFor(lane, p.min);
    painter.fillRect(QRect(x, yTop, 1, yBottom - yTop + 1), colors.peak);
    const float rmsTop = std::min(p.rms, p.max);
    const float rmsBottom = std::max(-p.rms, p.min);
    if (rmsTop > rmsBottom) {
        const int y0 = yFor(lane, rmsTop);
        const int y1 = yFor(lane, rmsBottom);
        painter.fillRect(QRect(x, y0, 1, y1 - y0 + 1), colors.rms);
    }
}

void WaveformPainter::paintSummary(QPainter& painter, const QRect& area, int x0, int x1,
                                   const WaveformSummary& summary, double startFrame,
                                   double framesPerPixel, const WaveformColors& colors) {
    x0 = std::max(x0, area.left());
    x1 = std::min(x1, area.right() + 1);
    if (x1 <= x0) {
        return;
    }
    std::vector<PixelSummary> pixels(static_cast<std::size_t>(x1 - x0));
    const double first = startFrame + (x0 - area.left()) * framesPerPixel;
    for (int c = 0; c < summary.channels(); ++c) {
        const QRect lane = laneRect(area, summary.channels(), c);
        summary.query(c, first, framesPerPixel, pixels);
        for (int x = x0; x < x1; ++x) {
            paintColumn(painter, x, lane, pixels[x - x0], colors);
        }
    }
}

void WaveformPainter::paintSamples(QPainter& painter, const QRect& area, int x0, int x1,
                                   const SampleWindow& window, double startFrame,
                                   double framesPerPixel, const WaveformColors& colors) {
    x0 = std::max(x0, area.left());
    x1 = std::min(x1, area.right() + 1);
    if (x1 <= x0 || window.frames <= 0 || window.channels <= 0) {
        return;
    }
    const std::int64_t windowEnd = window.startFrame + window.frames;
    for (int c = 0; c < window.channels; ++c) {
        const QRect lane = laneRect(area, window.channels, c);
        if (framesPerPixel >= 1.0) {
            for (int x = x0; x < x1; ++x) {
                const double a = startFrame + (x - area.left()) * framesPerPixel;
                const std::int64_t from =
                    std::max(window.startFrame, static_cast<std::int64_t>(std::ceil(a)));
                const std::int64_t to =
                    std::min(windowEnd, static_cast<std::int64_t>(std::ceil(a + framesPerPixel)));
                if (from >= to) {
                    continue;
                }
                PixelSummary p{window.sample(from, c), window.sample(from, c), 0.0f, true};
                double squares = 0.0;
                for (std::int64_t f = from; f < to; ++f) {
                    const float v = window.sample(f, c);
                    p.min = std::min(p.min, v);
                    p.max = std::max(p.max, v);
                    squares += static_cast<double>(v) * v;
                }
                p.rms = static_cast<float>(std::sqrt(squares / static_cast<double>(to - from)));
                paintColumn(painter, x, lane, p, colors);
            }
            continue;
        }
        // Fewer than one frame per pixel: a line through the samples in view, plus the
        // neighbours just outside so the line reaches the edges.
        const double pixelsPerFrame = 1.0 / framesPerPixel;
        const double firstVisible = startFrame + (x0 - area.left()) * framesPerPixel;
        const double lastVisible = startFrame + (x1 - area.left()) * framesPerPixel;
        const std::int64_t from =
            std::max(window.startFrame, static_cast<std::int64_t>(std::floor(firstVisible)) - 1);
        const std::int64_t to =
            std::min(windowEnd, static_cast<std::int64_t>(std::ceil(lastVisible)) + 1);
        if (from >= to) {
            continue;
        }
        QPolygonF line;
        line.reserve(static_cast<int>(to - from));
        for (std::int64_t f = from; f < to; ++f) {
            const double x = area.left() + (static_cast<double>(f) - startFrame) * pixelsPerFrame;
            line.append(QPointF(x, yFor(lane, window.sample(f, c))));
        }
        painter.save();
        painter.setClipRect(QRect(x0, lane.top(), x1 - x0, lane.height()));
        painter.setPen(QPen(colors.peak, 1.0));
        painter.drawPolyline(line);
        if (pixelsPerFrame >= kDotMinPixels) {
            for (const QPointF& point : line) {
                painter.fillRect(QRectF(point.x() - kDotSize / 2.0, point.y() - kDotSize / 2.0,
                                        kDotSize, kDotSize),
                                 colors.peak);
            }
        }
        painter.restore();
    }
}

} // namespace tapedeck
