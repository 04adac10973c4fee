#include "ui/accessibility/MeterValueNotifier.h"

#include "ui/accessibility/LevelMeterAccessible.h"
#include "ui/meters/LevelMeter.h"

#include <QAccessible>

namespace tapedeck {

void MeterValueNotifier::attach(LevelMeter& meter) {
    if (!meter.findChild<MeterValueNotifier*>(QString(), Qt::FindDirectChildrenOnly))
        new MeterValueNotifier(meter);
}

MeterValueNotifier::MeterValueNotifier(LevelMeter& meter) : QObject(&meter), meter_(meter) {
    timer_.setInterval(kIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &MeterValueNotifier::report);
    connect(&meter_, &LevelMeter::movingChanged, this, &MeterValueNotifier::onMovingChanged);
    lastSent_ = LevelMeterAccessible::loudestPeakDb(meter_.ballistics());
    if (meter_.isMoving())
        timer_.start();
}

void MeterValueNotifier::onMovingChanged(bool moving) {
    if (moving) {
        if (!timer_.isActive())
            timer_.start();
        return;
    }
    timer_.stop();
    report(); // the level at rest (the floor), so the last word is not a stale peak
}

void MeterValueNotifier::report() {
    const QVariant value = LevelMeterAccessible::loudestPeakDb(meter_.ballistics());
    if (value == lastSent_)
        return;
    lastSent_ = value;
    ++sent_;
    QAccessibleValueChangeEvent event(&meter_, value);
    QAccessible::updateAccessibility(&event);
}

} // namespace tapedeck
