#include "ui/waveform/WaveformPainter.h"

#include "ui/dialogs/ColourMix.h"

#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPolygon>
#include <QPolygonF>
#include <QString>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

constexpr double kRmsMix = 0.45;      // how far the RMS colour moves from peak to text
constexpr double kDotMinPixels = 6.0; // draw sample dots when samples are this far apart
constexpr int kDotSize = 3;
constexpr int kLaneGap = 1; // pixels between lanes
constexpr int kFocusFrameWidth = 2;
constexpr int kMarkerWidth = 1;
constexpr int kFlagHeight = 6;
const QColor kMarkerRed(226, 40, 40);
constexpr int kProgressBarHeight = 3;
constexpr int kProgressMargin = 6;

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
    c.rms = mixColours(c.peak, palette.color(QPalette::Text), kRmsMix);
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

void WaveformPainter::addColumn(ColumnLines& lines, int x, const QRect& lane,
                                const PixelSummary& p) {
    if (!p.valid) {
        return;
    }
    lines.peaks.append(QLine(x, yFor(lane, p.max), x, yFor(lane, p.min)));
    const float rmsTop = std::min(p.rms, p.max);
    const float rmsBottom = std::max(-p.rms, p.min);
    if (rmsTop > rmsBottom) {
        lines.rms.append(QLine(x, yFor(lane, rmsTop), x, yFor(lane, rmsBottom)));
    }
}

void WaveformPainter::drawColumns(QPainter& painter, const QRect& area, int x0, int x1,
                                  int channels, const ColumnLines& lines,
                                  const WaveformColors& colors) {
    // Columns are written straight into an image and blitted once: thousands of tiny
    // fills or lines through QPainter cost several times more.
    const int width = x1 - x0;
    QImage canvas(width, area.height(), QImage::Format_ARGB32_Premultiplied);
    canvas.fill(colors.background);
    auto* bits = reinterpret_cast<QRgb*>(canvas.bits());
    const qsizetype stride = canvas.bytesPerLine() / static_cast<qsizetype>(sizeof(QRgb));
    auto row = [&](int y, QRgb rgb) {
        if (y >= 0 && y < canvas.height()) {
            std::fill(bits + y * stride, bits + y * stride + width, rgb);
        }
    };
    for (int c = 0; c < channels; ++c) {
        const QRect lane = laneRect(area, channels, c);
        row(yFor(lane, 0.0f) - area.top(), qPremultiply(colors.axis.rgba()));
        for (int g = 0; c + 1 < channels && g < kLaneGap; ++g) {
            row(lane.bottom() + 1 + g - area.top(), qPremultiply(colors.separator.rgba()));
        }
    }
    auto column = [&](const QLine& line, QRgb rgb) {
        const int x = line.x1() - x0;
        const int top = std::max(0, line.y1() - area.top());
        const int bottom = std::min(canvas.height() - 1, line.y2() - area.top());
        for (int y = top; y <= bottom; ++y) {
            bits[y * stride + x] = rgb;
        }
    };
    const QRgb peak = qPremultiply(colors.peak.rgba());
    const QRgb rms = qPremultiply(colors.rms.rgba());
    for (const QLine& line : lines.peaks) {
        column(line, peak);
    }
    for (const QLine& line : lines.rms) {
        column(line, rms);
    }
    painter.drawImage(QPoint(x0, area.top()), canvas);
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
    ColumnLines lines;
    lines.peaks.reserve((x1 - x0) * summary.channels());
    lines.rms.reserve((x1 - x0) * summary.channels());
    for (int c = 0; c < summary.channels(); ++c) {
        const QRect lane = laneRect(area, summary.channels(), c);
        summary.query(c, first, framesPerPixel, pixels);
        for (int x = x0; x < x1; ++x) {
            addColumn(lines, x, lane, pixels[x - x0]);
        }
    }
    drawColumns(painter, area, x0, x1, summary.channels(), lines, colors);
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
    ColumnLines lines;
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
                addColumn(lines, x, lane, p);
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
    if (framesPerPixel >= 1.0) {
        drawColumns(painter, area, x0, x1, window.channels, lines, colors);
    }
}

QColor WaveformPainter::markerColor() {
    return kMarkerRed;
}

void WaveformPainter::paintSpan(QPainter& painter, const QRect& area, int left, int right,
                                const QColor& colour) {
    left = std::max(area.left(), left);
    right = std::min(area.right() + 1, right);
    if (right <= left) {
        return;
    }
    painter.fillRect(QRect(left, area.top(), right - left, area.height()), colour);
}

void WaveformPainter::paintMarkers(QPainter& painter, const QRect& area, int x0, int x1,
                                   const std::vector<std::int64_t>& frames, double startFrame,
                                   double framesPerPixel) {
    if (frames.empty())
        return;
    // Only the markers whose line or flag reaches into the dirty columns.
    const double first = startFrame + (x0 - area.left() - kFlagWidth) * framesPerPixel;
    const double last = startFrame + (x1 - area.left() + 1) * framesPerPixel;
    auto it = std::lower_bound(frames.begin(), frames.end(),
                               static_cast<std::int64_t>(std::floor(std::max(0.0, first))));
    for (; it != frames.end() && static_cast<double>(*it) <= last; ++it) {
        const int x =
            area.left() +
            static_cast<int>(std::floor((static_cast<double>(*it) - startFrame) / framesPerPixel));
        painter.fillRect(QRect(x, area.top(), kMarkerWidth, area.height()), kMarkerRed);
        const QPolygon flag({QPoint(x, area.top()),
                             QPoint(x + kFlagWidth, area.top() + kFlagHeight / 2),
                             QPoint(x, area.top() + kFlagHeight)});
        painter.setPen(Qt::NoPen);
        painter.setBrush(kMarkerRed);
        painter.drawPolygon(flag);
    }
}

void WaveformPainter::paintProgress(QPainter& painter, const QRect& area, double fraction,
                                    const QString& text, const QFontMetrics& metrics,
                                    const QPalette& palette) {
    painter.fillRect(QRect(area.left(), area.top(), static_cast<int>(area.width() * fraction),
                           kProgressBarHeight),
                     palette.color(QPalette::Highlight));
    const QRect box(area.right() - metrics.horizontalAdvance(text) - 3 * kProgressMargin,
                    area.top() + kProgressBarHeight + kProgressMargin,
                    metrics.horizontalAdvance(text) + 2 * kProgressMargin,
                    metrics.height() + kProgressMargin);
    painter.fillRect(box, palette.color(QPalette::Window));
    painter.setPen(palette.color(QPalette::WindowText));
    painter.drawText(box, Qt::AlignCenter, text);
}

QRect WaveformPainter::progressBarRect(const QRect& area) {
    return QRect(area.left(), area.top(), area.width(), kProgressBarHeight);
}

QRect WaveformPainter::progressTextRect(const QRect& area, const QFontMetrics& metrics,
                                        const QString& widestText) {
    const int boxWidth = metrics.horizontalAdvance(widestText) + 4 * kProgressMargin;
    return QRect(area.right() - boxWidth, area.top(), boxWidth + 1,
                 metrics.height() + 3 * kProgressMargin);
}

void WaveformPainter::paintFocusFrame(QPainter& painter, const QRect& rect, const QColor& colour) {
    painter.save();
    QPen pen(colour);
    pen.setWidth(kFocusFrameWidth);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const int inset = kFocusFrameWidth / 2;
    painter.drawRect(rect.adjusted(inset, inset, -inset - 1, -inset - 1));
    painter.restore();
}

} // namespace tapedeck
