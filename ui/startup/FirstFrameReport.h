#pragma once

#include <QObject>

class QEvent;

namespace tapedeck {

// For the launch benchmark (benchmarks/LaunchBenchmark.cpp): when TAPEDECK_FIRST_FRAME_REPORT
// is set, prints "first-frame MONOTONIC_NS cpu CPU_NS" on stdout once the first window has painted
// its first frame and handed it to the display server (CLOCK_MONOTONIC, the clock the benchmark
// read before it started the program). The benchmark's bare Qt window compiles this same file,
// so both are timed at the same moment. Costs nothing when the variable is not set.
// GUI thread only.
class FirstFrameReport : public QObject {
public:
    // Call right after the QApplication is made.
    static void installIfAsked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace tapedeck
