// WaveformSummary against a brute-force computation on synthetic signals.

#include "summary/WaveformSummary.h"
#include "SignalFiles.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>
#include <thread>

using namespace tapedeck;

namespace {

constexpr double kSquaresTolerance = 1e-5; // relative, float sums against double

struct Expected {
    float min = 0;
    float max = 0;
    double sumSquares = 0;
    std::int64_t frames = 0;
};

// Brute force over frames [from, to) of one channel.
Expected bruteForce(const std::vector<float>& s, int channels, int channel, std::int64_t from,
                    std::int64_t to) {
    Expected e;
    e.min = s[from * channels + channel];
    e.max = e.min;
    for (std::int64_t f = from; f < to; ++f) {
        const float x = s[f * channels + channel];
        e.min = std::min(e.min, x);
        e.max = std::max(e.max, x);
        e.sumSquares += static_cast<double>(x) * x;
    }
    e.frames = to - from;
    return e;
}

bool closeSquares(double actual, double expected) {
    return std::fabs(actual - expected) <= kSquaresTolerance * std::max(1.0, std::fabs(expected));
}

// Every entry of every level equals the brute-force block summary.
void verifyLevels(const WaveformSummary& summary, const std::vector<float>& s, int channels) {
    const std::int64_t frames = static_cast<std::int64_t>(s.size()) / channels;
    QCOMPARE(summary.frames(), frames);
    QVERIFY(summary.isComplete());
    for (int level = 0; level < WaveformSummary::kLevelCount; ++level) {
        const std::int64_t block = WaveformSummary::kBlockFrames[level];
        QCOMPARE(summary.entryCount(level), (frames + block - 1) / block);
        for (std::int64_t k = 0; k < summary.entryCount(level); ++k) {
            for (int c = 0; c < channels; ++c) {
                const Expected e =
                    bruteForce(s, channels, c, k * block, std::min(frames, (k + 1) * block));
                const SummaryEntry got = summary.entry(level, c, k);
                if (got.min != e.min || got.max != e.max ||
                    !closeSquares(got.sumSquares, e.sumSquares)) {
                    QFAIL(qPrintable(QStringLiteral("level %1 entry %2 channel %3: got (%4, %5, "
                                                    "%6), expected (%7, %8, %9)")
                                         .arg(level)
                                         .arg(k)
                                         .arg(c)
                                         .arg(got.min)
                                         .arg(got.max)
                                         .arg(got.sumSquares)
                                         .arg(e.min)
                                         .arg(e.max)
                                         .arg(e.sumSquares)));
                }
            }
        }
    }
}

// Pixels equal the brute force over the blocks that start inside each pixel.
void verifyQuery(const WaveformSummary& summary, const std::vector<float>& s, int channels,
                 double start, double framesPerPixel, int pixels) {
    const std::int64_t frames = static_cast<std::int64_t>(s.size()) / channels;
    const int level = WaveformSummary::levelFor(framesPerPixel);
    const std::int64_t block = WaveformSummary::kBlockFrames[level];
    std::vector<PixelSummary> out(pixels);
    for (int c = 0; c < channels; ++c) {
        summary.query(c, start, framesPerPixel, out);
        for (int i = 0; i < pixels; ++i) {
            const double a = start + i * framesPerPixel;
            const double b = a + framesPerPixel;
            const std::int64_t firstBlock =
                (std::max<std::int64_t>(0, std::ceil(a)) + block - 1) / block;
            const std::int64_t endBlock =
                (static_cast<std::int64_t>(std::ceil(b)) + block - 1) / block;
            const std::int64_t from = firstBlock * block;
            const std::int64_t to = std::min(frames, endBlock * block);
            if (from >= to) {
                QVERIFY2(!out[i].valid || a >= frames, "pixel without data marked valid");
                continue;
            }
            const Expected e = bruteForce(s, channels, c, from, to);
            QVERIFY(out[i].valid);
            QCOMPARE(out[i].min, e.min);
            QCOMPARE(out[i].max, e.max);
            const double rms = std::sqrt(e.sumSquares / e.frames);
            QVERIFY2(
                std::fabs(out[i].rms - rms) <= 1e-5 * std::max(1.0, rms),
                qPrintable(
                    QStringLiteral("pixel %1 rms %2 expected %3").arg(i).arg(out[i].rms).arg(rms)));
        }
    }
}

std::vector<float> makeSignal(const QString& kind, std::int64_t frames, int channels) {
    if (kind == "sine") {
        return testsignals::sine(frames, channels);
    }
    if (kind == "impulses") {
        return testsignals::impulses(frames, channels);
    }
    return testsignals::dc(frames, channels);
}

} // namespace

class WaveformSummaryTest : public QObject {
    Q_OBJECT

private slots:
    void summaryEqualsBruteForceInOnePass_data();
    void summaryEqualsBruteForceInOnePass();
    void summaryBuiltIncrementallyEqualsOnePass_data();
    void summaryBuiltIncrementallyEqualsOnePass();
    void pixelQueriesEqualBruteForceAtEveryLevel();
    void pixelsBeyondTheDataAreInvalid();
    void coarseLevelsThatLagAreFilledFromFinerLevels();
    void readersSeeOnlyPublishedDataWhileAWriterAppends();
    void appendsBeyondCapacityAreRefused();
};

void WaveformSummaryTest::summaryEqualsBruteForceInOnePass_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("channels");
    QTest::addColumn<qint64>("frames");
    QTest::newRow("sine stereo") << "sine" << 2 << qint64(200000 + 37);
    QTest::newRow("sine mono") << "sine" << 1 << qint64(70000);
    QTest::newRow("impulses stereo") << "impulses" << 2 << qint64(140000 + 5);
    QTest::newRow("dc three channels") << "dc" << 3 << qint64(66000);
    QTest::newRow("dc four channels") << "dc" << 4 << qint64(65536);
    QTest::newRow("shorter than a block") << "sine" << 2 << qint64(100);
}

void WaveformSummaryTest::summaryEqualsBruteForceInOnePass() {
    QFETCH(QString, kind);
    QFETCH(int, channels);
    QFETCH(qint64, frames);
    const std::vector<float> s = makeSignal(kind, frames, channels);
    WaveformSummary summary(channels);
    QVERIFY(summary.appendInterleaved(s.data(), frames));
    summary.finish();
    verifyLevels(summary, s, channels);
}

void WaveformSummaryTest::summaryBuiltIncrementallyEqualsOnePass_data() {
    summaryEqualsBruteForceInOnePass_data();
}

void WaveformSummaryTest::summaryBuiltIncrementallyEqualsOnePass() {
    QFETCH(QString, kind);
    QFETCH(int, channels);
    QFETCH(qint64, frames);
    const std::vector<float> s = makeSignal(kind, frames, channels);
    WaveformSummary onePass(channels);
    onePass.appendInterleaved(s.data(), frames);
    onePass.finish();

    WaveformSummary pieces(channels);
    std::mt19937 random(1234);
    std::uniform_int_distribution<std::int64_t> size(1, 5000);
    for (std::int64_t done = 0; done < frames;) {
        const std::int64_t n = std::min<std::int64_t>(frames - done, size(random));
        QVERIFY(pieces.appendInterleaved(s.data() + done * channels, n));
        done += n;
        QVERIFY(pieces.frames() <= done);
        QCOMPARE(pieces.frames() % WaveformSummary::kBlockFrames[0], 0);
        QVERIFY(!pieces.isComplete());
    }
    pieces.finish();
    verifyLevels(pieces, s, channels);
    for (int level = 0; level < WaveformSummary::kLevelCount; ++level) {
        QCOMPARE(pieces.entryCount(level), onePass.entryCount(level));
        for (std::int64_t k = 0; k < pieces.entryCount(level); ++k) {
            for (int c = 0; c < channels; ++c) {
                const SummaryEntry a = pieces.entry(level, c, k);
                const SummaryEntry b = onePass.entry(level, c, k);
                QVERIFY(a.min == b.min && a.max == b.max && a.sumSquares == b.sumSquares);
            }
        }
    }
}

void WaveformSummaryTest::pixelQueriesEqualBruteForceAtEveryLevel() {
    const int channels = 2;
    const std::int64_t frames = 300000 + 11;
    const std::vector<float> s = testsignals::sine(frames, channels);
    std::vector<float> withPulses = s;
    const std::vector<float> pulses = testsignals::impulses(frames, channels);
    for (std::size_t i = 0; i < s.size(); ++i) {
        withPulses[i] = pulses[i] != 0.0f ? pulses[i] : s[i];
    }
    WaveformSummary summary(channels);
    summary.appendInterleaved(withPulses.data(), frames);
    summary.finish();
    verifyQuery(summary, withPulses, channels, 0.0, 300.0, 900);        // fine level
    verifyQuery(summary, withPulses, channels, 1234.5, 1000.3, 290);    // fine, unaligned
    verifyQuery(summary, withPulses, channels, 0.0, 4096.0, 80);        // middle level
    verifyQuery(summary, withPulses, channels, 777.0, 20000.0, 16);     // middle, unaligned
    verifyQuery(summary, withPulses, channels, 0.0, 65536.0, 6);        // coarse level
    verifyQuery(summary, withPulses, channels, -100000.0, 100000.0, 5); // before the start
}

void WaveformSummaryTest::pixelsBeyondTheDataAreInvalid() {
    const std::vector<float> s = testsignals::dc(1000, 1);
    WaveformSummary summary(1);
    summary.appendInterleaved(s.data(), 1000);
    std::vector<PixelSummary> out(4);
    summary.query(0, 0.0, 256.0, out);
    // Unfinished: only the three whole blocks are published.
    QVERIFY(out[0].valid && out[1].valid && out[2].valid);
    QVERIFY(!out[3].valid);
    summary.finish();
    summary.query(0, 0.0, 256.0, out);
    QVERIFY(out[3].valid);
    QCOMPARE(out[3].max, testsignals::dcLevel(0));
    QCOMPARE(out[3].rms, testsignals::dcLevel(0));
    // Sample-level zoom: a pixel narrower than a block shows its block.
    std::vector<PixelSummary> fine(8);
    summary.query(0, 10.0, 0.25, fine);
    for (const PixelSummary& p : fine) {
        QVERIFY(p.valid);
        QCOMPARE(p.min, testsignals::dcLevel(0));
    }
}

void WaveformSummaryTest::coarseLevelsThatLagAreFilledFromFinerLevels() {
    // 70000 frames: one whole 65536 block, then 4096 and 256 blocks for the rest.
    const std::int64_t frames = 70000;
    const std::vector<float> s = testsignals::sine(frames, 1);
    WaveformSummary summary(1);
    summary.appendInterleaved(s.data(), frames);
    QCOMPARE(summary.entryCount(2), 1);
    std::vector<PixelSummary> out(1);
    summary.query(0, 0.0, 131072.0, out);
    const Expected e = bruteForce(s, 1, 0, 0, summary.frames());
    QVERIFY(out[0].valid);
    QCOMPARE(out[0].min, e.min);
    QCOMPARE(out[0].max, e.max);
    QVERIFY(std::fabs(out[0].rms - std::sqrt(e.sumSquares / e.frames)) < 1e-5);
}

void WaveformSummaryTest::readersSeeOnlyPublishedDataWhileAWriterAppends() {
    const int channels = 2;
    const std::int64_t frames = 4'000'000;
    const std::vector<float> s = testsignals::dc(frames, channels);
    WaveformSummary summary(channels);
    std::atomic<bool> done{false};
    std::thread writer([&] {
        constexpr std::int64_t kBlock = 777;
        for (std::int64_t at = 0; at < frames; at += kBlock) {
            summary.appendInterleaved(s.data() + at * channels, std::min(kBlock, frames - at));
        }
        summary.finish();
        done.store(true);
    });
    std::vector<PixelSummary> out(1920);
    std::int64_t lastFrames = 0;
    int reads = 0;
    while (!done.load() || reads == 0) {
        const std::int64_t published = summary.frames();
        QVERIFY(published >= lastFrames);
        lastFrames = published;
        summary.query(1, 0.0, static_cast<double>(frames) / 1920.0, out);
        for (const PixelSummary& p : out) {
            if (p.valid) {
                QCOMPARE(p.min, testsignals::dcLevel(1));
                QCOMPARE(p.max, testsignals::dcLevel(1));
            }
        }
        ++reads;
    }
    writer.join();
    QCOMPARE(summary.frames(), frames);
}

void WaveformSummaryTest::appendsBeyondCapacityAreRefused() {
    const std::vector<float> s = testsignals::dc(1000, 1);
    WaveformSummary summary(1, 600);
    QVERIFY(!summary.appendInterleaved(s.data(), 1000));
    summary.finish();
    QCOMPARE(summary.frames(), 600);
    QVERIFY(!summary.appendInterleaved(s.data(), 10));
}

QTEST_GUILESS_MAIN(WaveformSummaryTest)
#include "WaveformSummaryTest.moc"
