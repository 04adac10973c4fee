#pragma once

#include <QAccessibleWidget>
#include <QCoreApplication>

namespace tapedeck {

class LevelMeter;
class MeterBallistics;

// What a screen reader knows of a level meter: a progress-bar-like object whose value is
// the loudest channel's peak in dB (from the floor, -60, to 0 dB, in whole dB), and whose
// value text names each channel's level ("left −12 dB, right −14 dB") and says when it
// clipped. Read-only: a meter is watched, not set. Made by Qt (through
// AccessibleInterfaces) the first time something asks; it then starts the meter's calm
// value-change reports (MeterValueNotifier). GUI thread only.
class LevelMeterAccessible : public QAccessibleWidget, public QAccessibleValueInterface {
    Q_DECLARE_TR_FUNCTIONS(LevelMeterAccessible)
public:
    explicit LevelMeterAccessible(LevelMeter* meter);

    void* interface_cast(QAccessible::InterfaceType type) override;
    QString text(QAccessible::Text which) const override;

    QVariant currentValue() const override;
    void setCurrentValue(const QVariant& value) override;
    QVariant maximumValue() const override;
    QVariant minimumValue() const override;
    QVariant minimumStepSize() const override;

    // "left −12 dB, right −14 dB", "−12 dB" for one channel, "silent", plus "; clipped".
    static QString levelText(const MeterBallistics& ballistics);
    // The loudest channel's peak in whole dB, at least the floor.
    static double loudestPeakDb(const MeterBallistics& ballistics);

private:
    LevelMeter* meter() const;
};

} // namespace tapedeck
