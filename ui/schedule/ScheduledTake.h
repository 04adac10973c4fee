#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

namespace tapedeck {

class Session;
class SleepInhibitor;

// A take that starts by itself at a wall-clock time, in the window, with the devices chosen
// then, and stops after its length (if it has one). While it waits, the computer is kept
// awake by its own SleepInhibitor (the take's own inhibitor takes over when it starts) and
// the countdown is reported once a second. GUI thread only.
//
// The wait is a chain of timers of at most a second, each aimed at the next whole second
// before the start, so the last one fires at the start itself; each one reads the wall clock
// again, so a clock set forward or back, or a suspend the inhibitor could not prevent, moves
// the start no later than a second after the time.
class ScheduledTake : public QObject {
    Q_OBJECT
public:
    using Clock = std::chrono::system_clock;
    using Now = std::function<Clock::time_point()>;

    // `inhibitor` outlives this; `now` is the wall clock (tests pass their own).
    ScheduledTake(Session& session, SleepInhibitor& inhibitor, QObject* parent = nullptr,
                  Now now = &Clock::now);

    // Waits for `start` (which must be ahead), then records; a `lengthSeconds` above 0 stops
    // the take after that long. Replaces a take already scheduled.
    void schedule(Clock::time_point start, double lengthSeconds);
    // Lets the scheduled take go; nothing is recorded.
    void cancel();

    bool isPending() const { return pending_; }
    Clock::time_point start() const { return start_; }
    double lengthSeconds() const { return lengthSeconds_; }

    // "Recording starts in 4:59", "Recording starts in 1:02:03".
    static QString countdownText(Clock::duration left);

signals:
    // A take was scheduled (true), or the schedule ended: it started, or was cancelled.
    void pendingChanged(bool pending);
    // Once a second while waiting.
    void countdownChanged(const QString& text);
    // The time came and the session was asked to record (it reports its own errors).
    void started();
    // The time came but the take could not start (one already records): a sentence.
    void missed(const QString& text);

private:
    void tick();
    void startNow();
    void end();

    Session& session_;
    SleepInhibitor& inhibitor_;
    Now now_;
    QTimer timer_;
    bool pending_ = false;
    Clock::time_point start_;
    double lengthSeconds_ = 0;
};

} // namespace tapedeck
