#include "ui/startup/FirstFrameReport.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWindow>

#include <cstdio>
#include <ctime>

namespace tapedeck {

void FirstFrameReport::installIfAsked() {
    if (qEnvironmentVariableIsEmpty("TAPEDECK_FIRST_FRAME_REPORT"))
        return;
    auto* report = new FirstFrameReport(QCoreApplication::instance());
    QCoreApplication::instance()->installEventFilter(report);
}

bool FirstFrameReport::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::Expose)
        return false;
    auto* window = qobject_cast<QWindow*>(watched);
    if (!window || !window->isExposed())
        return false;
    // A widget window paints and flushes its first frame while it handles its first expose:
    // let it, then read the clock.
    QCoreApplication::instance()->removeEventFilter(this);
    QCoreApplication::sendEvent(window, event);
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    // And the CPU time spent so far (all threads): a figure that other load on the machine
    // hardly moves, unlike the wall time.
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    std::printf("first-frame %lld cpu %lld\n",
                static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec,
                static_cast<long long>(cpu.tv_sec) * 1'000'000'000LL + cpu.tv_nsec);
    std::fflush(stdout);
    deleteLater();
    return true;
}

} // namespace tapedeck
