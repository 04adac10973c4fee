// HeardClock: the playhead's clock between playback callbacks.

#include "core/engine/HeardClock.h"

#include <QTest>

#include <thread>

using namespace tapedeck;
using namespace std::chrono_literals;

class HeardClockTest : public QObject {
    Q_OBJECT

private slots:
    void knowsNothingUntilAPublish() {
        HeardClock clock;
        std::int64_t frame = -1;
        QVERIFY(!clock.heardAt(std::chrono::steady_clock::now(), 48000, 1000, frame));
    }

    void movesOnInRealTimeFromTheLastPublish() {
        HeardClock clock;
        const auto t0 = std::chrono::steady_clock::now();
        clock.publish(1000, t0);
        std::int64_t frame = 0;
        QVERIFY(clock.heardAt(t0, 48000, 1'000'000, frame));
        QCOMPARE(frame, 1000);
        QVERIFY(clock.heardAt(t0 + 10ms, 48000, 1'000'000, frame));
        QCOMPARE(frame, 1000 + 480);
        // Asked about a moment before the publish: no moving backwards past it.
        QVERIFY(clock.heardAt(t0 - 10ms, 48000, 1'000'000, frame));
        QCOMPARE(frame, 1000);
    }

    void neverRunsPastWhatWasHandedOver() {
        HeardClock clock;
        const auto t0 = std::chrono::steady_clock::now();
        clock.publish(1000, t0);
        std::int64_t frame = 0;
        QVERIFY(clock.heardAt(t0 + 1s, 48000, 3400, frame)); // the callback stalled
        QCOMPARE(frame, 3400);
    }

    void aResetForgetsTheLine() {
        HeardClock clock;
        clock.publish(1000, std::chrono::steady_clock::now());
        clock.reset();
        std::int64_t frame = 0;
        QVERIFY(!clock.heardAt(std::chrono::steady_clock::now(), 48000, 5000, frame));
        clock.publish(7, std::chrono::steady_clock::now());
        QVERIFY(clock.heardAt(std::chrono::steady_clock::now(), 48000, 7, frame));
        QCOMPARE(frame, 7);
    }

    // A reader racing a writer never sees a frame from one publish with the time of another:
    // every publish here keeps frame == time in microseconds, so a torn read would show.
    void aReaderNeverSeesATornPublish() {
        HeardClock clock;
        const auto epoch = std::chrono::steady_clock::now();
        std::atomic<bool> done{false};
        std::atomic<bool> reading{false};
        std::thread writer([&] {
            while (!reading) {
                std::this_thread::yield(); // start once the reader is in its loop
            }
            for (std::int64_t us = 1; us < 200000; us += 7) {
                clock.publish(us, epoch + std::chrono::microseconds(us));
            }
            done = true;
        });
        int reads = 0;
        reading = true;
        do {
            std::int64_t frame = 0;
            // Asked one second after the epoch at a million frames a second, a consistent
            // publish (frame == microseconds) always reads as 1'000'000; a frame and a time
            // from different publishes would be off by a multiple of 7.
            if (clock.heardAt(epoch + 1s, 1'000'000, 1'000'000'000, frame)) {
                QVERIFY2(std::abs(frame - 1'000'000) <= 1, qPrintable(QString::number(frame)));
            }
            ++reads;
        } while (!done);
        writer.join();
        QVERIFY(reads > 0);
    }
};

QTEST_GUILESS_MAIN(HeardClockTest)
#include "HeardClockTest.moc"
