#include "core/call/CallCombiner.h"
#include "core/call/StreamAnchor.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

using namespace tapedeck;

namespace {

// One simulated capture stream: a device clock at `rate` × (1 + ppm·10⁻⁶) that started at
// `startSeconds` of true time, delivering blocks whose callbacks arrive a little late (a
// repeatable jitter of up to 2 ms, like a busy scheduler). Its signal is a click at every whole
// second of true time, so the combined file shows where each input's seconds landed.
struct SimulatedStream {
    SimulatedStream(int nominalRate, double ppm, double startSeconds, std::uint32_t seed)
        : rate(nominalRate * (1 + ppm * 1e-6)), start(startSeconds), jitterSeed(seed),
          ring(static_cast<std::int64_t>(5 * nominalRate), 1), dropouts(1024), anchors(64),
          anchor(&anchors, nominalRate, nominalRate) {}

    // True time when the block that ends at device frame `end` is complete.
    double trueTimeOf(std::int64_t end) const { return start + static_cast<double>(end) / rate; }

    // Delivers every block complete by `trueNow`; `lostFrames` device frames vanish before the
    // block that starts at device frame `lossAt` (the timeline does not count them), flagged
    // as an xrun or, with `silentLoss`, not at all. Blocks complete within the stall
    // [stallFrom, stallTo) of true time all arrive at its end, at once.
    void deliverUntil(double trueNow) {
        for (;;) {
            const bool losing = deviceFrame == lossAt;
            const std::int64_t from = losing ? deviceFrame + lostFrames : deviceFrame;
            const std::int64_t end = from + kBlock;
            const bool stalled = trueTimeOf(end) >= stallFrom && trueTimeOf(end) < stallTo;
            if (trueTimeOf(end) > trueNow || (stalled && trueNow < stallTo)) {
                return;
            }
            deviceFrame = from;
            const bool xrun = losing && !silentLoss;
            std::vector<float> block(kBlock, 0.0f);
            for (int i = 0; i < kBlock; ++i) {
                // A click on the device frame nearest each whole second.
                const double t = trueTimeOf(deviceFrame + i);
                const double nearest = std::round(t);
                if (std::fabs(t - nearest) <= 0.5 / rate && nearest >= 1) {
                    block[static_cast<std::size_t>(i)] = 1.0f;
                }
            }
            jitterSeed = jitterSeed * 1664525u + 1013904223u;
            const double jitter = (jitterSeed >> 8) / double(1 << 24) * 0.002;
            // The ALSA pulse plugin's pattern: lateness falls from sawtoothMs to 0 every 300 ms.
            const double sawtooth =
                sawtoothMs * 1e-3 * (1.0 - std::fmod(trueTimeOf(end), 0.3) / 0.3);
            const double arrival = (stalled ? stallTo : trueTimeOf(end)) + jitter + sawtooth;
            const std::int64_t silentLossAt =
                anchor.noteBlock(static_cast<std::int64_t>(arrival * 1e9), timeline, kBlock, xrun);
            if (silentLossAt >= 0) {
                silentLossesFound.push_back(silentLossAt);
            }
            if (timeline >= overflowFrom && timeline < overflowTo) {
                // The ring was full: the callback counts the block as a dropout, as silence.
                dropouts.try_enqueue(Dropout{timeline, kBlock, DropoutKind::RingOverflow});
            } else {
                ring.write(block.data(), kBlock);
            }
            timeline += kBlock;
            deviceFrame = end;
        }
    }

    static constexpr int kBlock = 256;
    double rate;
    double start;
    std::uint32_t jitterSeed;
    SampleRing ring;
    DropoutQueue dropouts;
    AnchorQueue anchors;
    StreamAnchor anchor;
    std::int64_t deviceFrame = 0;
    std::int64_t timeline = 0;
    // Timeline frames whose blocks find the ring full (a disk that could not keep up).
    std::int64_t overflowFrom = -1;
    std::int64_t overflowTo = -1;
    std::int64_t lossAt = -1; // a device frame
    std::int64_t lostFrames = 0;
    bool silentLoss = false;
    double sawtoothMs = 0;
    double stallFrom = -1;
    double stallTo = -1;
    std::vector<std::int64_t> silentLossesFound; // timeline frames, as noteBlock said
};

// Finds the click in each channel of the combined frames: the frame of the highest sample of
// each burst above half of full scale... or a third, since a resampled click spreads.
struct ClickFinder {
    void scan(const float* frames, std::int64_t count, std::int64_t firstFrame) {
        for (std::int64_t i = 0; i < count; ++i) {
            for (int c = 0; c < 2; ++c) {
                const float v = std::fabs(frames[2 * i + c]);
                Burst& b = bursts[c];
                const std::int64_t at = firstFrame + i;
                if (b.active && at - b.start > kBurstFrames) {
                    clicks[c].push_back(b.peakAt);
                    b.active = false;
                }
                if (v > 0.3f) {
                    if (!b.active) {
                        b = Burst{true, at, at, v};
                    } else if (v > b.peak) {
                        b.peak = v;
                        b.peakAt = at;
                    }
                }
            }
        }
    }
    struct Burst {
        bool active = false;
        std::int64_t start = 0;
        std::int64_t peakAt = 0;
        float peak = 0;
    };
    static constexpr std::int64_t kBurstFrames = 64;
    Burst bursts[2];
    std::vector<std::int64_t> clicks[2];
};

// Runs two streams through the combiner for `seconds` of true time and returns the clicks.
ClickFinder combine(SimulatedStream& first, SimulatedStream& second, bool correctDrift, int rate,
                    double seconds, DropoutQueue* fileDropouts = nullptr) {
    DropoutQueue ownDropouts(256);
    DropoutQueue& out = fileDropouts != nullptr ? *fileDropouts : ownDropouts;
    CallCombiner combiner({first.ring, first.dropouts, first.anchors, first.anchor},
                          {second.ring, second.dropouts, second.anchors, second.anchor},
                          InputLayout::Split, rate, correctDrift, out);
    ClickFinder finder;
    std::vector<float> chunk(2 * 4096);
    std::int64_t written = 0;
    Dropout dropout;
    for (double now = 0; now < seconds; now += 0.05) {
        first.deliverUntil(now);
        second.deliverUntil(now);
        for (std::int64_t n; (n = combiner.read(chunk.data(), 4096)) > 0;) {
            finder.scan(chunk.data(), n, written);
            written += n;
        }
        if (fileDropouts == nullptr) {
            while (out.try_dequeue(dropout)) {
            }
        }
    }
    return finder;
}

// The right channel's click minus the left's, in frames, for clicks [from, to) of the take.
std::vector<std::int64_t> offsets(const ClickFinder& f, std::size_t from, std::size_t to) {
    std::vector<std::int64_t> out;
    for (std::size_t i = from; i < to && i < f.clicks[0].size() && i < f.clicks[1].size(); ++i) {
        out.push_back(f.clicks[1][i] - f.clicks[0][i]);
    }
    return out;
}

double mean(const std::vector<std::int64_t>& v) {
    double sum = 0;
    for (auto x : v) {
        sum += static_cast<double>(x);
    }
    return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

} // namespace

// The combiner of a two-input take: alignment, drift, dropouts, layout. Everything simulated.
class CallCombinerTest : public QObject {
    Q_OBJECT

private slots:
    void twoClocks100PpmApartStayWithin1MsOverAnHour() {
        // A low rate keeps an hour quick; the tolerance is in time, so it holds at any rate.
        constexpr int kRate = 8000;
        SimulatedStream first(kRate, 0, 0.0123, 1);
        SimulatedStream second(kRate, 100, 0.0371, 2);
        const ClickFinder f = combine(first, second, true, kRate, 3600.5);
        QVERIFY(f.clicks[0].size() >= 3595);
        QCOMPARE(f.clicks[1].size(), f.clicks[0].size());
        // Both channels click at the same true second; the offset is judged after the first
        // few seconds, once the resampler has taken up its steering.
        const auto early = offsets(f, 5, 65);
        if (qEnvironmentVariableIsSet("TAPEDECK_PRINT_OFFSETS")) {
            const auto all = offsets(f, 0, f.clicks[0].size());
            for (std::size_t i = 0; i<all.size(); i += all.size()> 100 ? 60 : 1) {
                qInfo("click %zu: %lld", i, static_cast<long long>(all[i]));
            }
        }
        const auto late = offsets(f, f.clicks[0].size() - 60, f.clicks[0].size());
        const double toleranceFrames = 0.001 * kRate;
        for (auto o : early) {
            QVERIFY2(std::abs(o) <= 0.010 * kRate, qPrintable(QString::number(o)));
        }
        for (auto o : late) {
            QVERIFY2(std::abs(o) <= 0.010 * kRate, qPrintable(QString::number(o)));
        }
        QVERIFY2(std::fabs(mean(late) - mean(early)) <= toleranceFrames,
                 qPrintable(
                     QStringLiteral("early %1, late %2 frames").arg(mean(early)).arg(mean(late))));
    }

    void oneClockKeepsItsOffsetAndAnXrunIsReanchored() {
        constexpr int kRate = 48000;
        SimulatedStream first(kRate, 0, 0.010, 3);
        SimulatedStream second(kRate, 0, 0.0537, 4);
        // The second input loses 30 ms at 10 s that its timeline never counts.
        second.lossAt = 10 * kRate / SimulatedStream::kBlock * SimulatedStream::kBlock;
        second.lostFrames = 1440;
        const ClickFinder f = combine(first, second, false, kRate, 20.5);
        QVERIFY(f.clicks[0].size() >= 18);
        QCOMPARE(f.clicks[1].size(), f.clicks[0].size());
        for (auto o : offsets(f, 0, f.clicks[0].size())) {
            // Within a millisecond of the truth, before and after the xrun.
            QVERIFY2(std::abs(o) <= 0.001 * kRate, qPrintable(QString::number(o)));
        }
    }

    // The server drops a block of one input and says nothing (no xrun flag): its timeline is
    // 2048 frames (or a quarter second) short from there. The lateness of its blocks gives the loss
    // away, and the inputs stay aligned after it, on one clock or two.
    void aSilentLossIsFoundAndTheInputsStayAligned_data() {
        QTest::addColumn<int>("losingInput");
        QTest::addColumn<bool>("correctDrift");
        QTest::addColumn<int>("lostFrames");
        QTest::addColumn<int>("afterBlocks"); // blocks after 10 s of the stream
        QTest::newRow("first, one clock") << 0 << false << 2048 << 77;
        QTest::newRow("second, one clock") << 1 << false << 2048 << 77;
        QTest::newRow("first, two clocks") << 0 << true << 2048 << 77;
        QTest::newRow("second, two clocks") << 1 << true << 2048 << 77;
        // As a 300 ms freeze of pipewire-pulse loses, just after an anchor window began: a
        // whole window passes within the run of late blocks.
        QTest::newRow("second, a quarter second") << 1 << false << 12288 << 5;
    }
    void aSilentLossIsFoundAndTheInputsStayAligned() {
        QFETCH(int, losingInput);
        QFETCH(bool, correctDrift);
        QFETCH(int, lostFrames);
        QFETCH(int, afterBlocks);
        constexpr int kRate = 48000;
        SimulatedStream first(kRate, 0, 0.010, 9);
        SimulatedStream second(kRate, correctDrift ? 50 : 0, 0.0437, 10);
        SimulatedStream& losing = losingInput == 0 ? first : second;
        const std::int64_t lossAt = 10 * kRate / SimulatedStream::kBlock * SimulatedStream::kBlock;
        losing.lossAt = lossAt + afterBlocks * SimulatedStream::kBlock; // between two clicks
        losing.lostFrames = lostFrames;
        losing.silentLoss = true;
        first.sawtoothMs = second.sawtoothMs = 40;
        const ClickFinder f = combine(first, second, correctDrift, kRate, 20.5);
        QCOMPARE(losing.silentLossesFound.size(), std::size_t(1));
        QCOMPARE(losing.silentLossesFound[0], losing.lossAt); // no frame was lost before it
        QCOMPARE(losing.anchor.silentLosses(), std::int64_t(1));
        const SimulatedStream& other = losingInput == 0 ? second : first;
        QCOMPARE(other.anchor.silentLosses(), std::int64_t(0));
        QVERIFY(f.clicks[0].size() >= 19);
        QCOMPARE(f.clicks[1].size(), f.clicks[0].size());
        const auto all = offsets(f, correctDrift ? 5 : 0, f.clicks[0].size());
        for (auto o : all) {
            QVERIFY2(std::abs(o) <= 0.001 * kRate, qPrintable(QString::number(o)));
        }
    }

    // A stream that stalls (for 700 ms, or 2.5 s) and then delivers the backlog at once comes
    // late, but lost nothing: no loss is counted and the alignment holds.
    void aStallAndItsBurstAreNoLoss() {
        constexpr int kRate = 48000;
        SimulatedStream first(kRate, 0, 0.010, 11);
        SimulatedStream second(kRate, 0, 0.0437, 12);
        second.stallFrom = 8.2;
        second.stallTo = 8.9;
        first.stallFrom = 12.3;
        first.stallTo = 14.8;
        first.sawtoothMs = second.sawtoothMs = 40;
        const ClickFinder f = combine(first, second, false, kRate, 18.5);
        QCOMPARE(first.anchor.silentLosses(), std::int64_t(0));
        QCOMPARE(second.anchor.silentLosses(), std::int64_t(0));
        QVERIFY(f.clicks[0].size() >= 17);
        QCOMPARE(f.clicks[1].size(), f.clicks[0].size());
        for (auto o : offsets(f, 0, f.clicks[0].size())) {
            QVERIFY2(std::abs(o) <= 0.001 * kRate, qPrintable(QString::number(o)));
        }
    }

    void aFullRingIsSilenceInItsOwnChannelOnly() {
        constexpr int kRate = 48000;
        SimulatedStream first(kRate, 0, 0.010, 7);
        SimulatedStream second(kRate, 0, 0.030, 8);
        // Two seconds of the first input never reach its ring: longer than the combiner holds.
        first.overflowFrom = 4 * kRate;
        first.overflowTo = 6 * kRate;
        DropoutQueue fileDropouts(1024);
        const ClickFinder f = combine(first, second, false, kRate, 12.5, &fileDropouts);
        QVERIFY(f.clicks[1].size() >= 11);
        QCOMPARE(f.clicks[0].size(), f.clicks[1].size() - 2); // seconds 4 and 5 lost
        // The clicks after the dropout are still in time with the other input's.
        const auto& left = f.clicks[0];
        const auto& right = f.clicks[1];
        for (std::int64_t l : left) {
            const auto match = std::find_if(right.begin(), right.end(), [l](std::int64_t r) {
                return std::abs(r - l) <= kRate / 1000;
            });
            QVERIFY2(match != right.end(), qPrintable(QString::number(l)));
        }
        // The disk writer hears of every lost block, with its silence already in place.
        int blocks = 0;
        Dropout d;
        while (fileDropouts.try_dequeue(d)) {
            QVERIFY(d.filled);
            ++blocks;
        }
        QCOMPARE(blocks, static_cast<int>((first.overflowTo - first.overflowFrom) /
                                          SimulatedStream::kBlock));
    }

    // Lost after four seconds, or in the first half second, before its stream had anchored.
    void aLostInputIsSilentAndTheOtherGoesOn_data() {
        QTest::addColumn<int>("lostInput");
        QTest::addColumn<double>("lostAt");
        QTest::addColumn<int>("fewestClicks");
        QTest::addColumn<int>("mostClicks");
        QTest::newRow("first, at 4 s") << 0 << 4.0 << 2 << 4;
        QTest::newRow("second, at 4 s") << 1 << 4.0 << 2 << 4;
        QTest::newRow("first, before its anchor") << 0 << 0.35 << 0 << 0;
        QTest::newRow("second, before its anchor") << 1 << 0.35 << 0 << 0;
    }
    void aLostInputIsSilentAndTheOtherGoesOn() {
        QFETCH(int, lostInput);
        QFETCH(double, lostAt);
        QFETCH(int, fewestClicks);
        QFETCH(int, mostClicks);
        constexpr int kRate = 8000;
        SimulatedStream first(kRate, 0, 0.01, 5);
        SimulatedStream second(kRate, 0, 0.02, 6);
        DropoutQueue out(256);
        CallCombiner combiner({first.ring, first.dropouts, first.anchors, first.anchor},
                              {second.ring, second.dropouts, second.anchors, second.anchor},
                              InputLayout::Split, kRate, false, out);
        SimulatedStream& gone = lostInput == 0 ? first : second;
        SimulatedStream& kept = lostInput == 0 ? second : first;
        ClickFinder finder;
        std::vector<float> chunk(2 * 4096);
        std::int64_t written = 0;
        bool marked = false;
        for (double now = 0; now < 10.5; now += 0.05) {
            if (now < lostAt) {
                gone.deliverUntil(now);
            } else if (!marked) {
                combiner.markLost(lostInput, gone.timeline);
                marked = true;
            }
            kept.deliverUntil(now);
            for (std::int64_t n; (n = combiner.read(chunk.data(), 4096)) > 0;) {
                finder.scan(chunk.data(), n, written);
                written += n;
            }
        }
        // The take goes on to the end with the input that stayed...
        QVERIFY2(written >= static_cast<std::int64_t>(9.5 * kRate),
                 qPrintable(QString::number(written)));
        QVERIFY(finder.clicks[1 - lostInput].size() >= 9);
        // ...and the lost one clicked only while it was there.
        QVERIFY(finder.clicks[lostInput].size() >= static_cast<std::size_t>(fewestClicks));
        QVERIFY(finder.clicks[lostInput].size() <= static_cast<std::size_t>(mostClicks));
    }

    void theMixNeverPassesFullScale() {
        CallLayoutMixer mixer(InputLayout::Mix, 2, 1, 48000);
        std::vector<float> a(2 * 48000);
        std::vector<float> b(48000);
        for (int i = 0; i < 48000; ++i) {
            a[2 * i] = a[2 * i + 1] = static_cast<float>(std::sin(i * 0.05));
            b[i] = static_cast<float>(0.9 * std::sin(i * 0.031));
        }
        std::vector<float> out(2 * 48000);
        mixer.combine(a.data(), b.data(), out.data(), 48000);
        float peak = 0;
        for (float v : out) {
            peak = std::max(peak, std::fabs(v));
        }
        QVERIFY(peak <= CallLayoutMixer::kCeiling);
        QVERIFY(peak > 0.9f); // limited, not silenced
        // Quiet inputs pass unchanged once the limiter has recovered.
        CallLayoutMixer quiet(InputLayout::Mix, 1, 1, 48000);
        const float x = 0.25f;
        float o[2];
        quiet.combine(&x, &x, o, 1);
        QCOMPARE(o[0], 0.5f);
    }

    void theSplitFoldsEachInputToItsMean() {
        CallLayoutMixer mixer(InputLayout::Split, 2, 2, 48000);
        const float a[2] = {1.0f, 0.5f};
        const float b[2] = {-1.0f, -1.0f};
        float o[2];
        mixer.combine(a, b, o, 1);
        QCOMPARE(o[0], 0.75f);
        QCOMPARE(o[1], -1.0f);
        mixer.combine(a, nullptr, o, 1);
        QCOMPARE(o[1], 0.0f);
    }
};

QTEST_GUILESS_MAIN(CallCombinerTest)
#include "CallCombinerTest.moc"
