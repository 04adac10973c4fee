#pragma once

#include <QObject>
#include <QTimer>
#include <QVariant>

namespace tapedeck {

class LevelMeter;

// Tells a screen reader that a level meter's value changed, at a calm rate: at most once a
// second (kIntervalMs) while the bars move, and only when the spoken value (whole dB)
// differs from the last one sent, then once more when they come to rest. A meter repaints
// thirty times a second; a screen reader that heard every frame would say nothing else.
// A child of the meter, made when a screen reader first asks for the meter's interface
// (LevelMeterAccessible), so without one it never exists and no timer runs. GUI thread only.
class MeterValueNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 1000;

    // Gives `meter` a notifier unless it has one.
    static void attach(LevelMeter& meter);

    // How many value changes were sent (for tests).
    int sentCount() const { return sent_; }

private:
    explicit MeterValueNotifier(LevelMeter& meter);
    void onMovingChanged(bool moving);
    void report();

    LevelMeter& meter_;
    QTimer timer_;
    QVariant lastSent_;
    int sent_ = 0;
};

} // namespace tapedeck
