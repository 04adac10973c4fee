#include "core/engine/StreamWatchdog.h"

#include <QtTest>

using namespace tapedeck;
using namespace std::chrono_literals;

// When a stream counts as stalled: polled as the control thread polls it, every 100 ms.
class StreamWatchdogTest : public QObject {
    Q_OBJECT

    using Clock = std::chrono::steady_clock;

    // Polls every 100 ms from `from` for `span` with the callback count standing still; returns
    // whether any poll found the stream stalled.
    static bool pollsFindAStall(StreamWatchdog& watchdog, std::int64_t count,
                                Clock::time_point from, Clock::duration span) {
        bool stalled = false;
        for (auto t = from; t <= from + span; t += 100ms) {
            stalled = watchdog.stalled(count, t) || stalled;
        }
        return stalled;
    }

private slots:
    void aStreamThatStopsCountsAsStalledAfterASecond() {
        StreamWatchdog watchdog;
        const Clock::time_point start{};
        watchdog.reset(start);
        QVERIFY(!watchdog.stalled(5, start + 100ms)); // callbacks came
        QVERIFY(!pollsFindAStall(watchdog, 5, start + 200ms, 900ms));
        QVERIFY(pollsFindAStall(watchdog, 5, start + 1200ms, 100ms));
    }

    void aNewStreamGetsLongerForItsFirstCallback() {
        StreamWatchdog watchdog;
        const Clock::time_point start{};
        watchdog.reset(start);
        QVERIFY(!pollsFindAStall(watchdog, 0, start + 100ms, 2800ms));
        QVERIFY(pollsFindAStall(watchdog, 0, start + 3000ms, 200ms));
    }

    void callbacksThatGoOnNeverStall() {
        StreamWatchdog watchdog;
        const Clock::time_point start{};
        watchdog.reset(start);
        for (int i = 1; i <= 100; ++i) {
            QVERIFY(!watchdog.stalled(i, start + i * 100ms));
        }
    }

    // The whole process was stopped for 2.5 s (SIGSTOP, a starved machine): the first poll after
    // it comes before the callbacks had a chance to run. That is no stall; a stream that still
    // sends nothing a second later is one.
    void aPollAfterTheProcessWasHeldUpGivesTheStreamItsChance() {
        StreamWatchdog watchdog;
        const Clock::time_point start{};
        watchdog.reset(start);
        QVERIFY(!watchdog.stalled(7, start + 100ms));
        const auto resumed = start + 2600ms;
        QVERIFY(!watchdog.stalled(7, resumed));
        QVERIFY(!watchdog.stalled(8, resumed + 100ms)); // the callbacks go on
        QVERIFY(!pollsFindAStall(watchdog, 8, resumed + 200ms, 800ms));
        QVERIFY(pollsFindAStall(watchdog, 8, resumed + 1200ms, 100ms));
    }
};

QTEST_GUILESS_MAIN(StreamWatchdogTest)
#include "StreamWatchdogTest.moc"
