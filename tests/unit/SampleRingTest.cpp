#include "core/engine/SampleRing.h"
#include "core/engine/EventQueue.h"

#include <QtTest>
#include <atomic>
#include <random>
#include <thread>
#include <vector>

using namespace tapedeck;

// The sample ring and the event queue under two real threads.
class SampleRingTest : public QObject {
    Q_OBJECT

private slots:
    void aSingleThreadWriteThenReadGivesTheSameFrames() {
        SampleRing ring(8, 2);
        const std::vector<float> in{1, 2, 3, 4, 5, 6};
        QCOMPARE(ring.write(in.data(), 3), 3);
        std::vector<float> out(6);
        QCOMPARE(ring.read(out.data(), 3), 3);
        QCOMPARE(out, in);
    }

    void writesPastCapacityAreRefusedAndCounted() {
        SampleRing ring(4, 1);
        const std::vector<float> in{1, 2, 3, 4, 5, 6};
        QCOMPARE(ring.write(in.data(), 6), 4);
        QCOMPARE(ring.writable(), 0);
        std::vector<float> out(4);
        QCOMPARE(ring.read(out.data(), 10), 4);
        QCOMPARE(out, (std::vector<float>{1, 2, 3, 4}));
    }

    void wrapAroundKeepsTheSequence() {
        SampleRing ring(5, 1);
        float next = 0;
        float expect = 0;
        std::vector<float> buf(3);
        for (int round = 0; round < 20; ++round) {
            for (auto& x : buf) {
                x = next++;
            }
            QCOMPARE(ring.write(buf.data(), 3), 3);
            QCOMPARE(ring.read(buf.data(), 3), 3);
            for (float x : buf) {
                QCOMPARE(x, expect++);
            }
        }
    }

    void discardAllEmptiesTheRing() {
        SampleRing ring(8, 1);
        const std::vector<float> in{1, 2, 3};
        ring.write(in.data(), 3);
        ring.discardAll();
        QCOMPARE(ring.readable(), 0);
    }

    // Producer and consumer on two threads with random block sizes: the sequence arrives
    // unbroken, and when the producer never overfills, nothing is lost.
    void twoThreadsWithRandomBlocksLoseNothingWhenNotFull() {
        constexpr int kChannels = 2;
        constexpr std::int64_t kTotal = 2'000'000;
        SampleRing ring(1024, kChannels);
        std::thread producer([&] {
            std::mt19937 rng(1);
            std::uniform_int_distribution<int> size(1, 300);
            std::vector<float> block(300 * kChannels);
            std::int64_t sent = 0;
            while (sent < kTotal) {
                const std::int64_t n = std::min<std::int64_t>(size(rng), kTotal - sent);
                for (std::int64_t i = 0; i < n; ++i) {
                    block[i * kChannels] = static_cast<float>((sent + i) % 1000003);
                    block[i * kChannels + 1] = -block[i * kChannels];
                }
                std::int64_t done = 0;
                while (done < n) {
                    done += ring.write(block.data() + done * kChannels, n - done);
                }
                sent += n;
            }
        });
        std::mt19937 rng(2);
        std::uniform_int_distribution<int> size(1, 500);
        std::vector<float> block(500 * kChannels);
        std::int64_t received = 0;
        bool ordered = true;
        while (received < kTotal) {
            const std::int64_t n = ring.read(block.data(), size(rng));
            for (std::int64_t i = 0; i < n && ordered; ++i) {
                const auto expected = static_cast<float>((received + i) % 1000003);
                ordered = block[i * kChannels] == expected && block[i * kChannels + 1] == -expected;
            }
            received += n;
        }
        producer.join();
        QVERIFY(ordered);
        QCOMPARE(received, kTotal);
    }

    // A producer that never waits (like the callback): every frame is either received in
    // order or counted as dropped, and the two add up.
    void everyOverflowIsCounted() {
        constexpr std::int64_t kBlocks = 20000;
        constexpr int kBlock = 64;
        SampleRing ring(256, 1);
        std::atomic<bool> done{false};
        std::int64_t dropped = 0;
        std::thread producer([&] {
            std::vector<float> block(kBlock);
            for (std::int64_t b = 0; b < kBlocks; ++b) {
                for (int i = 0; i < kBlock; ++i) {
                    block[i] = static_cast<float>(b);
                }
                dropped += kBlock - ring.write(block.data(), kBlock);
            }
            done = true;
        });
        std::int64_t received = 0;
        float last = -1;
        bool monotonic = true;
        std::vector<float> out(100);
        std::mt19937 rng(3);
        std::uniform_int_distribution<int> pause(0, 3);
        while (!done || ring.readable() > 0) {
            const std::int64_t n = ring.read(out.data(), 100);
            for (std::int64_t i = 0; i < n; ++i) {
                monotonic = monotonic && out[i] >= last;
                last = out[i];
            }
            received += n;
            if (pause(rng) == 0) {
                std::this_thread::yield();
            }
        }
        producer.join();
        QVERIFY(monotonic);
        QVERIFY(dropped > 0);
        QCOMPARE(received + dropped, kBlocks * kBlock);
    }

    void theEventQueueCountsEventsItCouldNotHold() {
        EventQueue queue;
        EngineEvent e;
        std::int64_t accepted = 0;
        for (std::size_t i = 0; i < EventQueue::kCapacity * 3; ++i) {
            e.frame = static_cast<std::int64_t>(i);
            accepted += queue.push(e) ? 1 : 0;
        }
        QVERIFY(accepted >= static_cast<std::int64_t>(EventQueue::kCapacity));
        QCOMPARE(accepted + queue.lost(), static_cast<std::int64_t>(EventQueue::kCapacity * 3));
        EngineEvent out;
        std::int64_t expected = 0;
        while (queue.pop(out)) {
            QCOMPARE(out.frame, expected++);
        }
        QCOMPARE(expected, accepted);
    }

    void theEventQueueCarriesEventsAcrossThreadsInOrder() {
        EventQueue queue;
        constexpr std::int64_t kCount = 200000;
        std::thread producer([&] {
            EngineEvent e;
            for (std::int64_t i = 0; i < kCount; ++i) {
                e.frame = i;
                while (!queue.push(e)) {
                    std::this_thread::yield();
                }
            }
        });
        EngineEvent out;
        std::int64_t next = 0;
        bool ordered = true;
        while (next < kCount) {
            if (queue.pop(out)) {
                ordered = ordered && out.frame == next;
                ++next;
            }
        }
        producer.join();
        QVERIFY(ordered);
    }
};

QTEST_APPLESS_MAIN(SampleRingTest)
#include "SampleRingTest.moc"
