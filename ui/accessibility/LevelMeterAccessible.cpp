#include "ui/accessibility/LevelMeterAccessible.h"

#include "ui/accessibility/MeterValueNotifier.h"
#include "ui/meters/LevelMeter.h"
#include "ui/meters/MeterBallistics.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

// A level in whole dB with a real minus sign, as it is spoken.
QString dbText(double db) {
    const auto whole = static_cast<int>(std::lround(db));
    QString number = QString::number(std::abs(whole));
    if (whole < 0)
        number.prepend(QChar(0x2212));
    return LevelMeterAccessible::tr("%1 dB").arg(number);
}

QString channelName(int channel, int channels) {
    if (channels == 2)
        return channel == 0 ? LevelMeterAccessible::tr("left") : LevelMeterAccessible::tr("right");
    return LevelMeterAccessible::tr("channel %1").arg(channel + 1);
}

} // namespace

LevelMeterAccessible::LevelMeterAccessible(LevelMeter* meter)
    : QAccessibleWidget(meter, QAccessible::ProgressBar) {
    MeterValueNotifier::attach(*meter);
}

LevelMeter* LevelMeterAccessible::meter() const {
    return static_cast<LevelMeter*>(widget());
}

void* LevelMeterAccessible::interface_cast(QAccessible::InterfaceType type) {
    if (type == QAccessible::ValueInterface)
        return static_cast<QAccessibleValueInterface*>(this);
    return QAccessibleWidget::interface_cast(type);
}

QString LevelMeterAccessible::text(QAccessible::Text which) const {
    if (which == QAccessible::Value)
        return levelText(meter()->ballistics());
    return QAccessibleWidget::text(which);
}

QVariant LevelMeterAccessible::currentValue() const {
    return loudestPeakDb(meter()->ballistics());
}

void LevelMeterAccessible::setCurrentValue(const QVariant&) {
    // A meter shows the input's level; nothing sets it.
}

QVariant LevelMeterAccessible::maximumValue() const {
    return 0.0;
}

QVariant LevelMeterAccessible::minimumValue() const {
    return MeterBallistics::kFloorDb;
}

QVariant LevelMeterAccessible::minimumStepSize() const {
    return 1.0;
}

double LevelMeterAccessible::loudestPeakDb(const MeterBallistics& ballistics) {
    double loudest = MeterBallistics::kFloorDb;
    for (int c = 0; c < ballistics.channelCount(); ++c)
        loudest = std::max(loudest, ballistics.channel(c).peakDb);
    return std::round(loudest);
}

QString LevelMeterAccessible::levelText(const MeterBallistics& ballistics) {
    const int channels = ballistics.channelCount();
    QStringList parts;
    bool anySound = false;
    for (int c = 0; c < channels; ++c) {
        const double db = ballistics.channel(c).peakDb;
        const bool silent = db <= MeterBallistics::kFloorDb;
        anySound = anySound || !silent;
        const QString level = silent ? tr("silent") : dbText(db);
        parts << (channels == 1 ? level : tr("%1 %2").arg(channelName(c, channels), level));
    }
    QString text = anySound || channels == 0 ? parts.join(QStringLiteral(", ")) : tr("silent");
    if (ballistics.anyClipped())
        text += tr("; clipped");
    return text;
}

} // namespace tapedeck
