#include "ui/waveform/WaveformRuler.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPalette>

#include <array>
#include <cmath>

namespace tapedeck {

namespace {

constexpr double kMinLabelPixels = 90.0;
constexpr int kTickLength = 5;
constexpr int kLabelOffset = 3;
constexpr std::array<double, 3> kMantissas = {1.0, 2.0, 5.0};
constexpr std::array<double, 6> kClockSteps = {60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0};

} // namespace

double WaveformRuler::tickStep(double secondsPerPixel, double minPixels) {
    const double minStep = secondsPerPixel * minPixels;
    if (minStep >= 60.0) {
        for (double step : kClockSteps) {
            if (step >= minStep) {
                return step;
            }
        }
        return std::ceil(minStep / 3600.0) * 3600.0;
    }
    double decade = std::pow(10.0, std::floor(std::log10(std::max(minStep, 1e-9))));
    for (;;) {
        for (double m : kMantissas) {
            if (m * decade >= minStep) {
                return std::min(m * decade, 60.0);
            }
        }
        decade *= 10.0;
    }
}

QString WaveformRuler::formatTime(double seconds, double step) {
    const int decimals =
        step >= 1.0 ? 0 : std::min(6, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    const double rounded =
        std::round(seconds * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    const auto whole = static_cast<long long>(std::floor(rounded));
    const long long hours = whole / 3600;
    const long long minutes = (whole / 60) % 60;
    const double secs = rounded - static_cast<double>(hours * 3600 + minutes * 60);
    const QString secText =
        QString::number(secs, 'f', decimals).rightJustified(decimals > 0 ? 3 + decimals : 2, '0');
    if (hours > 0) {
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QChar('0')).arg(secText);
    }
    return QStringLiteral("%1:%2").arg(minutes).arg(secText);
}

void WaveformRuler::paint(QPainter& painter, const QRect& rect, double startFrame,
                          double framesPerPixel, int sampleRate, const QPalette& palette) {
    painter.fillRect(rect, palette.color(QPalette::Window));
    painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1),
                     palette.color(QPalette::Mid));
    if (sampleRate <= 0 || framesPerPixel <= 0.0) {
        return;
    }
    const double secondsPerPixel = framesPerPixel / sampleRate;
    const double step = tickStep(secondsPerPixel, kMinLabelPixels);
    const double startSeconds = startFrame / sampleRate;
    const double endSeconds = startSeconds + rect.width() * secondsPerPixel;
    painter.setPen(palette.color(QPalette::WindowText));
    const QFontMetrics metrics(painter.font());
    for (double t = std::ceil(startSeconds / step) * step; t <= endSeconds; t += step) {
        const int x =
            rect.left() + static_cast<int>(std::lround((t - startSeconds) / secondsPerPixel));
        painter.drawLine(x, rect.bottom() - kTickLength, x, rect.bottom());
        painter.drawText(x + kLabelOffset, rect.top() + metrics.ascent() + 1, formatTime(t, step));
    }
}

} // namespace tapedeck
