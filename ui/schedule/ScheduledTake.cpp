#include "ui/schedule/ScheduledTake.h"

#include "ui/recording/SleepInhibitor.h"
#include "ui/session/Session.h"

#include <algorithm>

namespace tapedeck {

ScheduledTake::ScheduledTake(Session& session, SleepInhibitor& inhibitor, QObject* parent, Now now)
    : QObject(parent), session_(session), inhibitor_(inhibitor), now_(std::move(now)) {
    timer_.setSingleShot(true);
    // A coarse timer may fire up to 5 % late, which an hour's last second would show.
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &ScheduledTake::tick);
}

void ScheduledTake::schedule(Clock::time_point start, double lengthSeconds) {
    start_ = start;
    lengthSeconds_ = std::max(0.0, lengthSeconds);
    inhibitor_.hold(tr("Waiting to record a scheduled take"));
    if (!pending_) {
        pending_ = true;
        emit pendingChanged(true);
    }
    tick();
}

void ScheduledTake::cancel() {
    if (pending_)
        end();
}

QString ScheduledTake::countdownText(Clock::duration left) {
    using namespace std::chrono;
    // Rounded up: "in 0:01" until the very start, never "in 0:00" before it.
    const auto total = std::max<long long>(
        0, duration_cast<seconds>(left + seconds(1) - Clock::duration(1)).count());
    const long long hours = total / 3600;
    const int minutes = static_cast<int>(total / 60 % 60);
    const int secs = static_cast<int>(total % 60);
    if (hours > 0)
        return tr("Recording starts in %1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(secs, 2, 10, QLatin1Char('0'));
    return tr("Recording starts in %1:%2").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
}

void ScheduledTake::tick() {
    using namespace std::chrono;
    // Rounded up, so a timer that fires a fraction of a millisecond early waits that out.
    const auto left = ceil<milliseconds>(start_ - now_());
    if (left.count() <= 0) {
        startNow();
        return;
    }
    emit countdownChanged(countdownText(left));
    // To the next whole second before the start (the start itself at the last one).
    const auto toNext = left.count() % 1000 == 0 ? 1000 : left.count() % 1000;
    timer_.start(static_cast<int>(toNext));
}

void ScheduledTake::startNow() {
    const double length = lengthSeconds_;
    const TransportState state = session_.state();
    if (state == TransportState::Recording) {
        end();
        emit missed(tr("The scheduled take did not start: a take was already being recorded."));
        return;
    }
    if (state == TransportState::Playing)
        session_.stop(); // the take was asked for; what plays gives way
    // The take's own inhibitor holds from here (asked as the state becomes Recording);
    // ours is let go after that, so no moment is left unguarded.
    session_.recordFor(length);
    end();
    emit started();
}

void ScheduledTake::end() {
    timer_.stop();
    pending_ = false;
    inhibitor_.release();
    emit pendingChanged(false);
}

} // namespace tapedeck
