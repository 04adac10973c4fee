#include "app/cli/WallClockWait.h"

#include "app/cli/StopSignal.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <poll.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace tapedeck::cli {

bool WallClockWait::until(std::chrono::system_clock::time_point moment) {
    using namespace std::chrono;
    const auto sinceEpoch = duration_cast<nanoseconds>(moment.time_since_epoch()).count();
    if (sinceEpoch <= 0) {
        return !StopSignal::received();
    }
    const int timer = timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
    if (timer < 0) {
        return false;
    }
    itimerspec at{};
    at.it_value.tv_sec = static_cast<time_t>(sinceEpoch / 1'000'000'000);
    at.it_value.tv_nsec = static_cast<long>(sinceEpoch % 1'000'000'000);
    if (timerfd_settime(timer, TFD_TIMER_ABSTIME, &at, nullptr) != 0) {
        close(timer);
        return false;
    }
    // Block the stop signals while the flag is checked; ppoll() unblocks them only while it
    // sleeps, so none is lost between the check and the sleep.
    sigset_t stopSignals;
    sigset_t whileSleeping;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigprocmask(SIG_BLOCK, &stopSignals, &whileSleeping);
    sigdelset(&whileSleeping, SIGINT);
    sigdelset(&whileSleeping, SIGTERM);
    bool arrived = false;
    pollfd wake{timer, POLLIN, 0};
    while (!StopSignal::received()) {
        const int ready = ppoll(&wake, 1, nullptr, &whileSleeping);
        if (ready > 0) {
            std::uint64_t expirations = 0;
            // The timer fired (it cannot be cancelled: TFD_TIMER_CANCEL_ON_SET is not set).
            if (read(timer, &expirations, sizeof expirations) == sizeof expirations) {
                arrived = true;
                break;
            }
        } else if (ready < 0 && errno != EINTR) {
            break;
        }
    }
    sigprocmask(SIG_UNBLOCK, &stopSignals, nullptr);
    close(timer);
    return arrived && !StopSignal::received();
}

} // namespace tapedeck::cli
