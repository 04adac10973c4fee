#include "ui/meters/LevelMeter.h"

#include "ui/dialogs/ColourMix.h"

#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace tapedeck {

namespace {

constexpr std::array kTickDb = {-60, -50, -40, -30, -20, -10, -6, -3, 0};
constexpr double kWarnDb = -18.0; // bar turns from green to amber here
constexpr double kHotDb = -6.0;   // and from amber to red here
constexpr int kBarThickness = 12;
constexpr int kBarGap = 3;
constexpr int kClipBoxLength = 14;
constexpr int kTickLength = 4;
constexpr int kLabelSpacing = 4; // at least this much air between two scale labels
constexpr int kMinimumLength = 160;
constexpr int kPreferredLength = 320;
constexpr int kHoldLineWidth = 2;
constexpr int kPeakAlpha = 110;
constexpr double kTroughTint = 0.12; // how far the empty bar moves from window to text colour

const QColor kSafeColor(46, 160, 67);
const QColor kWarnColor(219, 171, 9);
const QColor kHotColor(218, 54, 51);

// 0 at the floor, 1 at 0 dB.
double scalePosition(double db) {
    return std::clamp((db - MeterBallistics::kFloorDb) / -MeterBallistics::kFloorDb, 0.0, 1.0);
}

} // namespace

LevelMeter::LevelMeter(QWidget* parent) : QWidget(parent) {
    elapsed_.start();
    frameTimer_.setInterval(kFrameIntervalMs);
    frameTimer_.setTimerType(Qt::PreciseTimer);
    connect(&frameTimer_, &QTimer::timeout, this, &LevelMeter::advance);
    setAccessibleName(tr("Level meter"));
    setToolTip(tr("Input or playback level. Click to clear the clip indicators."));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setChannelCount(2);
}

void LevelMeter::setOrientation(Qt::Orientation orientation) {
    orientation_ = orientation;
    setSizePolicy(orientation == Qt::Horizontal
                      ? QSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed)
                      : QSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding));
    updateGeometry();
    update();
}

void LevelMeter::setChannelCount(int channels) {
    if (channels == ballistics_.channelCount())
        return;
    ballistics_.setChannelCount(channels);
    updateGeometry();
    updateAccessibleDescription();
    update();
}

void LevelMeter::setClock(Clock clock) {
    clock_ = std::move(clock);
}

double LevelMeter::now() const {
    if (clock_)
        return clock_();
    return static_cast<double>(elapsed_.nsecsElapsed()) * 1e-9;
}

void LevelMeter::addLevels(int channels, const float* peak, const float* rms) {
    if (channels != ballistics_.channelCount())
        setChannelCount(channels);
    const bool wasClipped = ballistics_.anyClipped();
    ballistics_.feed(channels, peak, rms, now());
    if (ballistics_.anyClipped() != wasClipped)
        updateAccessibleDescription();
    startAnimating();
    update();
}

void LevelMeter::reset() {
    ballistics_.reset();
    stopAnimating();
    updateAccessibleDescription();
    update();
}

void LevelMeter::advance() {
    ballistics_.advance(now());
    if (ballistics_.isIdle())
        stopAnimating();
    update();
}

void LevelMeter::startAnimating() {
    if (frameTimer_.isActive())
        return;
    frameTimer_.start();
    emit movingChanged(true);
}

void LevelMeter::stopAnimating() {
    if (!frameTimer_.isActive())
        return;
    frameTimer_.stop();
    emit movingChanged(false);
}

void LevelMeter::clearClip() {
    if (!ballistics_.anyClipped())
        return;
    ballistics_.clearClips();
    updateAccessibleDescription();
    update();
    emit clipCleared();
}

void LevelMeter::updateAccessibleDescription() {
    setAccessibleDescription(ballistics_.anyClipped()
                                 ? tr("Clipping detected. Click to clear.")
                                 : tr("%n channel(s), no clipping", nullptr, channelCount()));
}

void LevelMeter::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        clearClip();
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

QSize LevelMeter::sizeHint() const {
    const int channels = std::max(1, channelCount());
    const int scale = fontMetrics().height() + kTickLength + kBarGap;
    const int across = channels * (kBarThickness + kBarGap) + scale;
    return orientation_ == Qt::Horizontal
               ? QSize(kPreferredLength, across)
               : QSize(across + fontMetrics().horizontalAdvance(QStringLiteral("-60")),
                       kPreferredLength);
}

QSize LevelMeter::minimumSizeHint() const {
    const QSize preferred = sizeHint();
    return orientation_ == Qt::Horizontal ? QSize(kMinimumLength, preferred.height())
                                          : QSize(preferred.width(), kMinimumLength);
}

void LevelMeter::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette& pal = palette();
    const bool horizontal = orientation_ == Qt::Horizontal;
    const int channels = std::max(1, channelCount());

    // Work in a frame where "length" runs along the bar and "across" runs across the bars.
    const int barLength = this->barLength();

    // Maps a dB value to a pixel offset along the bar (horizontal: from the left; vertical:
    // from the bottom).
    auto along = [&](double db) {
        return static_cast<int>(std::lround(scalePosition(db) * barLength));
    };
    // Builds the rectangle for [from, to) along the bar and [acrossStart, +thickness).
    auto rectFor = [&](int from, int to, int acrossStart, int thickness) {
        if (horizontal)
            return QRect(from, acrossStart, to - from, thickness);
        return QRect(acrossStart, height() - to, thickness, to - from);
    };

    // A trough tinted from the palette's own colours reads in light and dark themes.
    const QColor window = pal.color(QPalette::Window);
    const QColor text = pal.color(QPalette::WindowText);
    const QColor trough = mixColours(window, text, kTroughTint);
    const QColor clipOff = pal.color(QPalette::Mid);

    for (int c = 0; c < channels; ++c) {
        const int acrossStart = c * (kBarThickness + kBarGap);
        const MeterBallistics::Channel& level =
            c < channelCount() ? ballistics_.channel(c) : MeterBallistics::Channel{};
        painter.fillRect(rectFor(0, barLength, acrossStart, kBarThickness), trough);

        // Colour zones, drawn up to the RMS (solid) and peak (lighter) levels.
        const std::array<std::pair<double, QColor>, 3> zones = {std::pair{kWarnDb, kSafeColor},
                                                                std::pair{kHotDb, kWarnColor},
                                                                std::pair{0.0, kHotColor}};
        auto fillTo = [&](double db, int alpha) {
            int from = 0;
            for (const auto& [zoneTopDb, colour] : zones) {
                const int zoneEnd = std::min(along(zoneTopDb), along(db));
                if (zoneEnd > from) {
                    QColor shade = colour;
                    shade.setAlpha(alpha);
                    painter.fillRect(rectFor(from, zoneEnd, acrossStart, kBarThickness), shade);
                    from = zoneEnd;
                }
            }
        };
        fillTo(level.peakDb, kPeakAlpha);
        fillTo(level.rmsDb, 255);

        if (level.holdDb > MeterBallistics::kFloorDb) {
            const int at = std::clamp(along(level.holdDb), kHoldLineWidth, barLength);
            painter.fillRect(rectFor(at - kHoldLineWidth, at, acrossStart, kBarThickness),
                             pal.color(QPalette::WindowText));
        }

        const QRect clipBox = rectFor(barLength + kBarGap, barLength + kBarGap + kClipBoxLength,
                                      acrossStart, kBarThickness);
        painter.fillRect(clipBox, level.clipped ? kHotColor : clipOff);
    }

    // Scale: ticks beyond the last bar, and the labels that fit.
    const int scaleAcross = channels * (kBarThickness + kBarGap);
    painter.setPen(pal.color(QPalette::WindowText));
    for (int db : kTickDb) {
        const int at = along(db);
        if (horizontal) {
            const int x = std::clamp(at, 0, width() - 1);
            painter.drawLine(x, scaleAcross, x, scaleAcross + kTickLength);
        } else {
            const int y = std::clamp(height() - at, 0, height() - 1);
            painter.drawLine(scaleAcross, y, scaleAcross + kTickLength, y);
        }
    }
    for (const ScaleLabel& label : visibleScaleLabels())
        painter.drawText(label.rect,
                         horizontal ? Qt::AlignCenter : Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(label.db));
}

int LevelMeter::barLength() const {
    const int totalLength = orientation_ == Qt::Horizontal ? width() : height();
    return std::max(1, totalLength - kClipBoxLength - kBarGap);
}

std::vector<LevelMeter::ScaleLabel> LevelMeter::visibleScaleLabels() const {
    const bool horizontal = orientation_ == Qt::Horizontal;
    const QFontMetrics metrics = fontMetrics();
    const int length = barLength();
    const int scaleAcross = std::max(1, channelCount()) * (kBarThickness + kBarGap);
    const int labelRoom = horizontal ? metrics.height() : metrics.horizontalAdvance("-60") + 2;
    const int halfLabel = metrics.horizontalAdvance(QStringLiteral("-60")) / 2;
    std::vector<ScaleLabel> labels;
    // From 0 dB down: the loud end matters most when setting a level.
    for (auto it = kTickDb.rbegin(); it != kTickDb.rend(); ++it) {
        const int db = *it;
        const auto at = static_cast<int>(std::lround(scalePosition(db) * length));
        const QString text = QString::number(db);
        QRect rect;
        if (horizontal) {
            const int x = std::clamp(at, 0, width() - 1);
            const int labelWidth = metrics.horizontalAdvance(text);
            const int left = std::clamp(x - labelWidth / 2, 0, length - labelWidth + halfLabel);
            rect = QRect(left, scaleAcross + kTickLength, labelWidth, labelRoom);
        } else {
            const int y = std::clamp(height() - at, 0, height() - 1);
            const int top = std::clamp(y - metrics.height() / 2, 0, height() - metrics.height());
            rect = QRect(scaleAcross + kTickLength + 1, top, labelRoom, metrics.height());
        }
        const QRect padded = horizontal
                                 ? rect.adjusted(-kLabelSpacing, 0, kLabelSpacing, 0)
                                 : rect.adjusted(0, -kLabelSpacing / 2, 0, kLabelSpacing / 2);
        const bool crowded = std::any_of(labels.begin(), labels.end(), [&](const ScaleLabel& kept) {
            return kept.rect.intersects(padded);
        });
        if (!crowded)
            labels.push_back({db, rect});
    }
    return labels;
}

} // namespace tapedeck
