// WaveformSummary against a brute-force computation on synthetic signals.

#include "core/summary/WaveformSummary.h"
#include "SignalFiles.h"
#include "core/summary/SummaryBuilder.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

using namespace tapedeck;

namespace {

constexpr double kSquaresTolerance = 1e-5; // relative, float sums against double
// Entries are quantized (SummaryEntry): a decoded min is never above the true min and at most
// one step below it (max: never below, at most one step above), for |x| <= 1.
constexpr double kPeakStep = 1.0 / SummaryEntry::kPeakScale;
// An rms code is rounded to the nearest step, once per level (the coarser levels are built
// from the decoded finer entries): level l is within (l + 1) / 2 steps, a pixel within 2.
constexpr double kRmsStep = 1.0 / SummaryEntry::kRmsScale;
constexpr double kPixelRmsSteps = 2.0;
constexpr std::int64_t kFine = WaveformSummary::kBlockFrames[0];

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

// Random 16-bit codes, interleaved, the same on every call.
std::vector<std::int16_t> randomCodes(std::int64_t frames, int channels) {
    std::mt19937 random(1234);
    std::uniform_int_distribution<int> code(-32768, 32767);
    std::vector<std::int16_t> ints(static_cast<std::size_t>(frames * channels));
    for (auto& x : ints) {
        x = static_cast<std::int16_t>(code(random));
    }
    return ints;
}

// Every entry of every level, and the statistics, are the same in both.
void verifySameSummary(const WaveformSummary& a, const WaveformSummary& b) {
    QCOMPARE(a.channels(), b.channels());
    for (int l = 0; l < WaveformSummary::kLevelCount; ++l) {
        QCOMPARE(a.entryCount(l), b.entryCount(l));
        for (int c = 0; c < a.channels(); ++c) {
            for (std::int64_t i = 0; i < a.entryCount(l); ++i) {
                QVERIFY2(a.entry(l, c, i) == b.entry(l, c, i),
                         qPrintable(QStringLiteral("level %1 channel %2 entry %3 differs")
                                        .arg(l)
                                        .arg(c)
                                        .arg(i)));
            }
        }
    }
    for (int c = 0; c < a.channels(); ++c) {
        QCOMPARE(a.statistics(c).peak, b.statistics(c).peak);
        QCOMPARE(a.statistics(c).sumSquares, b.statistics(c).sumSquares);
        QCOMPARE(a.statistics(c).clippedSamples, b.statistics(c).clippedSamples);
    }
}

bool closeSquares(double actual, double expected) {
    return std::fabs(actual - expected) <= kSquaresTolerance * std::max(1.0, std::fabs(expected));
}

// A drawn min: never above the true min, at most one step below.
bool boundsMin(float drawn, float trueMin) {
    return drawn <= trueMin && static_cast<double>(drawn) >= trueMin - kPeakStep;
}
// A drawn max: never below the true max, at most one step above.
bool boundsMax(float drawn, float trueMax) {
    return drawn >= trueMax && static_cast<double>(drawn) <= trueMax + kPeakStep;
}
bool closeRms(double drawn, double trueRms, double steps) {
    return std::fabs(drawn - trueRms) <= steps * kRmsStep + kSquaresTolerance * trueRms;
}

// Every entry of every level equals the brute-force block summary, quantized: min and max
// are exactly the codes of the true extremes, rms within the rounding of its level.
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
                const double rms = std::sqrt(e.sumSquares / static_cast<double>(e.frames));
                if (got.min != SummaryEntry::encodeMin(e.min) ||
                    got.max != SummaryEntry::encodeMax(e.max) ||
                    !boundsMin(got.minValue(), e.min) || !boundsMax(got.maxValue(), e.max) ||
                    !closeRms(got.rmsValue(), rms, 0.5 * (level + 1))) {
                    QFAIL(qPrintable(QStringLiteral("level %1 entry %2 channel %3: got (%4, %5, "
                                                    "%6), expected (%7, %8, %9)")
                                         .arg(level)
                                         .arg(k)
                                         .arg(c)
                                         .arg(got.minValue())
                                         .arg(got.maxValue())
                                         .arg(got.rmsValue())
                                         .arg(e.min)
                                         .arg(e.max)
                                         .arg(rms)));
                }
            }
        }
    }
}

// Pixels equal the brute force over the blocks that start inside each pixel, within the
// quantization: min/max exactly the decoded codes of the true extremes (so never inside
// them, at most kPeakStep outside), rms within kPixelRmsSteps.
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
            QVERIFY(boundsMin(out[i].min, e.min));
            QVERIFY(boundsMax(out[i].max, e.max));
            QCOMPARE(out[i].min, SummaryEntry::decodePeak(SummaryEntry::encodeMin(e.min)));
            QCOMPARE(out[i].max, SummaryEntry::decodePeak(SummaryEntry::encodeMax(e.max)));
            const double rms = std::sqrt(e.sumSquares / e.frames);
            QVERIFY2(
                closeRms(out[i].rms, rms, kPixelRmsSteps),
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

// The exact whole-signal statistics of one channel.
void verifyStatistics(const WaveformSummary& summary, const std::vector<float>& s, int channels) {
    const std::int64_t frames = static_cast<std::int64_t>(s.size()) / channels;
    for (int c = 0; c < channels; ++c) {
        double peak = 0.0;
        double squares = 0.0;
        std::int64_t clipped = 0;
        for (std::int64_t f = 0; f < frames; ++f) {
            const double x = s[f * channels + c];
            peak = std::max(peak, std::fabs(x));
            squares += x * x;
            clipped += std::fabs(x) >= 1.0;
        }
        const ChannelStatistics got = summary.statistics(c);
        QCOMPARE(got.peak, peak);
        QVERIFY(closeSquares(got.sumSquares, squares));
        QCOMPARE(got.clippedSamples, clipped);
        QCOMPARE(summary.clippedSamples(c), clipped);
    }
}

} // namespace

class WaveformSummaryTest : public QObject {
    Q_OBJECT

private slots:
    void quantizedPeaksNeverShrinkAndStayWithinOneStep();
    void summaryEqualsBruteForceInOnePass_data();
    void summaryEqualsBruteForceInOnePass();
    void summaryBuiltIncrementallyEqualsOnePass_data();
    void summaryBuiltIncrementallyEqualsOnePass();
    void restoredEntriesRebuildTheSameCoarseLevels();
    void valuesBeyondFullScaleAreClampedWhileStatisticsStayExact();
    void pixelQueriesEqualBruteForceAtEveryLevel();
    void pixelsBeyondTheDataAreInvalid();
    void coarseLevelsThatLagAreFilledFromFinerLevels();
    void readersSeeOnlyPublishedDataWhileAWriterAppends();
    void appendsBeyondCapacityAreRefused();
    void int16SamplesGiveTheSummaryOfTheirFloatReading_data();
    void int16SamplesGiveTheSummaryOfTheirFloatReading();
    void measuredBlocksGiveTheSummaryOfTheirSamples_data();
    void measuredBlocksGiveTheSummaryOfTheirSamples();
    void aSixteenBitFileScansToTheSummaryOfItsSamples_data();
    void aSixteenBitFileScansToTheSummaryOfItsSamples();
};

void WaveformSummaryTest::quantizedPeaksNeverShrinkAndStayWithinOneStep() {
    std::vector<float> values = {0.0f,
                                 -0.0f,
                                 1.0f,
                                 -1.0f,
                                 0.5f,
                                 -0.25f,
                                 1e-30f,
                                 -1e-30f,
                                 32767.0f / 32768.0f,
                                 -32767.0f / 32768.0f,
                                 std::nextafter(1.0f, 0.0f),
                                 std::nextafter(-1.0f, 0.0f)};
    for (int code = -32768; code <= 32767; code += 7) {
        values.push_back(static_cast<float>(code / 32768.0)); // 16-bit PCM
    }
    std::mt19937 random(99);
    std::uniform_real_distribution<float> any(-1.0f, 1.0f);
    for (int i = 0; i < 100000; ++i) {
        values.push_back(any(random));
    }
    for (const float x : values) {
        const float lo = SummaryEntry::decodePeak(SummaryEntry::encodeMin(x));
        const float hi = SummaryEntry::decodePeak(SummaryEntry::encodeMax(x));
        QVERIFY2(
            boundsMin(lo, x) && boundsMax(hi, x),
            qPrintable(QStringLiteral("%1 drawn as [%2, %3]").arg(x, 0, 'g', 9).arg(lo).arg(hi)));
        const double r = std::fabs(x);
        QVERIFY(std::fabs(SummaryEntry::decodeRms(SummaryEntry::encodeRms(r)) - r) <=
                0.5 * kRmsStep + 1e-12);
    }
    QCOMPARE(SummaryEntry::encodeMax(0.0f), 0);
    QCOMPARE(SummaryEntry::encodeMin(0.0f), 0);
    QCOMPARE(SummaryEntry::encodeMax(1.0f), 32767);
    QCOMPARE(SummaryEntry::encodeMin(-1.0f), -32767);
    QCOMPARE(SummaryEntry::encodeRms(1.0), 65535);
}

void WaveformSummaryTest::summaryEqualsBruteForceInOnePass_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("channels");
    QTest::addColumn<qint64>("frames");
    QTest::newRow("sine stereo") << "sine" << 2 << qint64(300000 + 37);
    QTest::newRow("sine mono") << "sine" << 1 << qint64(140000);
    QTest::newRow("impulses stereo") << "impulses" << 2 << qint64(280000 + 5);
    QTest::newRow("dc three channels") << "dc" << 3 << qint64(132000);
    QTest::newRow("dc four channels") << "dc" << 4 << qint64(131072);
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
    verifyStatistics(summary, s, channels);
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
        QCOMPARE(pieces.frames() % kFine, 0);
        QVERIFY(!pieces.isComplete());
    }
    pieces.finish();
    verifyLevels(pieces, s, channels);
    for (int level = 0; level < WaveformSummary::kLevelCount; ++level) {
        QCOMPARE(pieces.entryCount(level), onePass.entryCount(level));
        for (std::int64_t k = 0; k < pieces.entryCount(level); ++k) {
            for (int c = 0; c < channels; ++c) {
                QVERIFY(pieces.entry(level, c, k) == onePass.entry(level, c, k));
            }
        }
    }
    for (int c = 0; c < channels; ++c) {
        QCOMPARE(pieces.statistics(c).peak, onePass.statistics(c).peak);
        QCOMPARE(pieces.statistics(c).clippedSamples, onePass.statistics(c).clippedSamples);
    }
}

void WaveformSummaryTest::restoredEntriesRebuildTheSameCoarseLevels() {
    // What the cache does: the finest entries alone rebuild every level bit for bit.
    const int channels = 2;
    const std::int64_t frames = 3 * WaveformSummary::kBlockFrames[2] + 12345;
    const std::vector<float> s = testsignals::sine(frames, channels);
    WaveformSummary original(channels);
    original.appendInterleaved(s.data(), frames);
    original.finish();
    const std::int64_t entries = original.entryCount(0);
    std::vector<SummaryEntry> fine(static_cast<std::size_t>(entries * channels));
    for (std::int64_t k = 0; k < entries; ++k) {
        for (int c = 0; c < channels; ++c) {
            fine[k * channels + c] = original.entry(0, c, k);
        }
    }
    WaveformSummary restored(channels, frames);
    QVERIFY(restored.appendFineEntries(fine.data(), entries, frames - (entries - 1) * kFine));
    restored.finish();
    QCOMPARE(restored.frames(), frames);
    for (int level = 0; level < WaveformSummary::kLevelCount; ++level) {
        QCOMPARE(restored.entryCount(level), original.entryCount(level));
        for (std::int64_t k = 0; k < original.entryCount(level); ++k) {
            for (int c = 0; c < channels; ++c) {
                QVERIFY(restored.entry(level, c, k) == original.entry(level, c, k));
            }
        }
    }
}

void WaveformSummaryTest::valuesBeyondFullScaleAreClampedWhileStatisticsStayExact() {
    // Float files may go beyond ±1: entries clamp to full scale, the statistics do not.
    const std::int64_t frames = 5 * kFine + 3;
    std::vector<float> s(frames, 0.25f);
    s[10] = 1.5f;
    s[kFine + 20] = -2.0f;
    s[2 * kFine] = 1.0f;
    s[frames - 1] = -1.25f;
    WaveformSummary summary(1);
    summary.appendInterleaved(s.data(), frames);
    summary.finish();
    QCOMPARE(summary.entry(0, 0, 0).max, 32767);
    QCOMPARE(summary.entry(0, 0, 0).maxValue(), 1.0f);
    QCOMPARE(summary.entry(0, 0, 1).min, -32767);
    QCOMPARE(summary.entry(0, 0, 2).max, 32767);
    QCOMPARE(summary.entry(0, 0, 5).min, -32767);
    QVERIFY(boundsMin(summary.entry(0, 0, 0).minValue(), 0.25f));
    QCOMPARE(summary.entry(0, 0, 3).rms, SummaryEntry::encodeRms(0.25));
    verifyStatistics(summary, s, 1);
    QCOMPARE(summary.statistics(0).peak, 2.0);
    QCOMPARE(summary.statistics(0).clippedSamples, 4);
}

void WaveformSummaryTest::pixelQueriesEqualBruteForceAtEveryLevel() {
    const int channels = 2;
    const std::int64_t frames = 600000 + 11;
    const std::vector<float> s = testsignals::sine(frames, channels);
    std::vector<float> withPulses = s;
    const std::vector<float> pulses = testsignals::impulses(frames, channels);
    for (std::size_t i = 0; i < s.size(); ++i) {
        withPulses[i] = pulses[i] != 0.0f ? pulses[i] : s[i];
    }
    WaveformSummary summary(channels);
    summary.appendInterleaved(withPulses.data(), frames);
    summary.finish();
    verifyQuery(summary, withPulses, channels, 0.0, 600.0, 900);        // fine level
    verifyQuery(summary, withPulses, channels, 1234.5, 1000.3, 590);    // fine, unaligned
    verifyQuery(summary, withPulses, channels, 0.0, 8192.0, 80);        // middle level
    verifyQuery(summary, withPulses, channels, 777.0, 20000.7, 31);     // middle, unaligned
    verifyQuery(summary, withPulses, channels, 0.0, 131072.0, 6);       // coarse level
    verifyQuery(summary, withPulses, channels, -200000.0, 200000.0, 5); // before the start
}

void WaveformSummaryTest::pixelsBeyondTheDataAreInvalid() {
    const std::int64_t frames = 3 * kFine + kFine / 2;
    const std::vector<float> s = testsignals::dc(frames, 1);
    const float level = testsignals::dcLevel(0);
    WaveformSummary summary(1);
    summary.appendInterleaved(s.data(), frames);
    std::vector<PixelSummary> out(4);
    summary.query(0, 0.0, static_cast<double>(kFine), out);
    // Unfinished: only the three whole blocks are published.
    QVERIFY(out[0].valid && out[1].valid && out[2].valid);
    QVERIFY(!out[3].valid);
    summary.finish();
    summary.query(0, 0.0, static_cast<double>(kFine), out);
    QVERIFY(out[3].valid);
    QVERIFY(boundsMax(out[3].max, level));
    QVERIFY(boundsMin(out[3].min, level));
    QVERIFY(closeRms(out[3].rms, level, 0.5));
    // Sample-level zoom: a pixel narrower than a block shows its block.
    std::vector<PixelSummary> fine(8);
    summary.query(0, 10.0, 0.25, fine);
    for (const PixelSummary& p : fine) {
        QVERIFY(p.valid);
        QVERIFY(boundsMin(p.min, level));
        QVERIFY(boundsMax(p.max, level));
    }
}

void WaveformSummaryTest::coarseLevelsThatLagAreFilledFromFinerLevels() {
    // One whole coarse block, then a middle block and fine blocks for the rest.
    const std::int64_t frames =
        WaveformSummary::kBlockFrames[2] + WaveformSummary::kBlockFrames[1] + 3 * kFine + 100;
    const std::vector<float> s = testsignals::sine(frames, 1);
    WaveformSummary summary(1);
    summary.appendInterleaved(s.data(), frames);
    QCOMPARE(summary.entryCount(2), 1);
    QCOMPARE(summary.entryCount(1), WaveformSummary::kLevelRatio + 1);
    std::vector<PixelSummary> out(1);
    summary.query(0, 0.0, 2.0 * WaveformSummary::kBlockFrames[2], out);
    const Expected e = bruteForce(s, 1, 0, 0, summary.frames());
    QVERIFY(out[0].valid);
    QVERIFY(boundsMin(out[0].min, e.min));
    QVERIFY(boundsMax(out[0].max, e.max));
    QVERIFY(closeRms(out[0].rms, std::sqrt(e.sumSquares / e.frames), kPixelRmsSteps));
}

void WaveformSummaryTest::readersSeeOnlyPublishedDataWhileAWriterAppends() {
    const int channels = 2;
    const std::int64_t frames = 4'000'000;
    const std::vector<float> s = testsignals::dc(frames, channels);
    const float level = testsignals::dcLevel(1);
    const float drawnMin = SummaryEntry::decodePeak(SummaryEntry::encodeMin(level));
    const float drawnMax = SummaryEntry::decodePeak(SummaryEntry::encodeMax(level));
    QVERIFY(boundsMin(drawnMin, level) && boundsMax(drawnMax, level));
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
                QCOMPARE(p.min, drawnMin);
                QCOMPARE(p.max, drawnMax);
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

void WaveformSummaryTest::int16SamplesGiveTheSummaryOfTheirFloatReading_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("pieceFrames"); // how the samples arrive: whole blocks or odd pieces
    QTest::addColumn<float>("clipHigh");
    QTest::addColumn<float>("clipLow");
    const float fullScale = 32767.0f / 32768.0f;
    QTest::newRow("mono, whole chunks") << 1 << 65536 << fullScale << -1.0f;
    QTest::newRow("stereo, whole chunks") << 2 << 65536 << fullScale << -1.0f;
    QTest::newRow("stereo, odd pieces") << 2 << 777 << fullScale << -1.0f;
    QTest::newRow("3 channels (no lane layout)") << 3 << 4096 << fullScale << -1.0f;
    QTest::newRow("8 channels") << 8 << 1000 << fullScale << -1.0f;
    // Thresholds between two codes, on a code, beyond full scale, and not a number: the
    // 16-bit loop compares codes, and must count what the float comparison counts.
    QTest::newRow("thresholds between codes") << 2 << 65536 << 0.30000001f << -0.29999f;
    QTest::newRow("thresholds on codes") << 4 << 1000 << 0.5f << -0.25f;
    QTest::newRow("thresholds beyond full scale") << 2 << 65536 << 1.5f << -1.5f;
    QTest::newRow("no high threshold")
        << 1 << 65536 << std::numeric_limits<float>::quiet_NaN() << -1.0f;
}

// A 16-bit file is summarized from its integers (SummaryBuilder reads them as stored); the
// result must be exactly what the same samples read as float (x / 32768) give: every entry of
// every level, the statistics and the clip count.
void WaveformSummaryTest::int16SamplesGiveTheSummaryOfTheirFloatReading() {
    QFETCH(int, channels);
    QFETCH(int, pieceFrames);
    QFETCH(float, clipHigh);
    QFETCH(float, clipLow);
    const std::int64_t frames = 300 * kFine + 123; // a partial last block
    std::vector<std::int16_t> ints = randomCodes(frames, channels);
    ints[5] = 32767; // both extreme codes count as clipped
    ints[7] = -32768;
    std::vector<float> floats(ints.size());
    std::transform(ints.begin(), ints.end(), floats.begin(),
                   [](std::int16_t x) { return static_cast<float>(x) / 32768.0f; });

    WaveformSummary fromInts(channels);
    WaveformSummary fromFloats(channels);
    fromInts.setClipThresholds(clipHigh, clipLow);
    fromFloats.setClipThresholds(clipHigh, clipLow);
    for (std::int64_t done = 0; done < frames; done += pieceFrames) {
        const std::int64_t n = std::min<std::int64_t>(pieceFrames, frames - done);
        QVERIFY(fromInts.appendInterleaved(ints.data() + done * channels, n));
        QVERIFY(fromFloats.appendInterleaved(floats.data() + done * channels, n));
    }
    fromInts.finish();
    fromFloats.finish();

    QCOMPARE(fromInts.frames(), frames);
    verifySameSummary(fromInts, fromFloats);
    std::int64_t clipped = 0; // of the first channel, counted here
    for (std::size_t i = 0; i < floats.size(); i += static_cast<std::size_t>(channels)) {
        clipped += floats[i] >= clipHigh || floats[i] <= clipLow;
    }
    QCOMPARE(fromInts.statistics(0).clippedSamples, clipped);
}

void WaveformSummaryTest::measuredBlocksGiveTheSummaryOfTheirSamples_data() {
    QTest::addColumn<int>("channels");
    QTest::newRow("mono") << 1;
    QTest::newRow("stereo") << 2;
    QTest::newRow("3 channels (no lane layout)") << 3;
}

// A scan may measure a file's chunks on other threads (measureBlocks) and append their figures
// in order (appendMeasured), the partial last block as samples: the summary must be exactly
// the one appendInterleaved() makes of the same samples.
void WaveformSummaryTest::measuredBlocksGiveTheSummaryOfTheirSamples() {
    QFETCH(int, channels);
    constexpr std::int64_t kChunk = 64 * kFine;
    const std::int64_t frames = 5 * kChunk + 7 * kFine + 123;
    const std::vector<std::int16_t> ints = randomCodes(frames, channels);
    const float clipHigh = 32767.0f / 32768.0f;
    WaveformSummary measured(channels);
    WaveformSummary appended(channels);
    measured.setClipThresholds(clipHigh, -1.0f);
    appended.setClipThresholds(clipHigh, -1.0f);
    QVERIFY(appended.appendInterleaved(ints.data(), frames));
    WaveformSummary::MeasuredBlocks figures;
    for (std::int64_t done = 0; done < frames; done += kChunk) {
        const std::int64_t n = std::min(kChunk, frames - done);
        const std::int16_t* chunk = ints.data() + done * channels;
        figures.clear(channels);
        WaveformSummary::measureBlocks(chunk, n / kFine, channels, clipHigh, -1.0f, figures);
        QVERIFY(measured.appendMeasured(figures));
        QVERIFY(measured.appendInterleaved(chunk + n / kFine * kFine * channels, n % kFine));
    }
    measured.finish();
    appended.finish();
    QCOMPARE(measured.frames(), frames);
    verifySameSummary(measured, appended);
}

void WaveformSummaryTest::aSixteenBitFileScansToTheSummaryOfItsSamples_data() {
    QTest::addColumn<qint64>("frames");
    constexpr qint64 kChunk = SummaryBuilder::kReadChunkFrames;
    QTest::newRow("less than a chunk") << qint64{1000};
    QTest::newRow("whole chunks") << 3 * kChunk;
    QTest::newRow("chunks and a partial block") << 3 * kChunk + 7 * kFine + 99;
    constexpr qint64 kSlot = SummaryBuilder::kParallelSlotFrames;
    QTest::newRow("slots of both readers, and a partial block")
        << 3 * kSlot + 2 * kChunk + 7 * kFine + 99;
    QTest::newRow("whole slots") << 2 * kSlot;
}

// A 16-bit file is read and measured a chunk at a time by two threads (SummaryBuilder's
// parallel scan); the summary and statistics are those of its samples appended in one go.
void WaveformSummaryTest::aSixteenBitFileScansToTheSummaryOfItsSamples() {
    QFETCH(qint64, frames);
    constexpr int kChannels = 2;
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("take.wav")).toStdString();
    const std::vector<std::int16_t> ints = randomCodes(frames, kChannels);
    QVERIFY(
        testsignals::writeShorts(path, std::vector<short>(ints.begin(), ints.end()), kChannels));
    Result<SoundFile> file = SoundFile::open(path);
    QVERIFY(file.ok());
    auto scanned = std::make_shared<WaveformSummary>(kChannels, frames);
    SummaryBuilder builder(std::move(*file), scanned);
    QVERIFY(builder.run().ok());
    QCOMPARE(builder.statistics().frames, frames);

    WaveformSummary appended(kChannels);
    appended.setClipThresholds(32767.0f / 32768.0f, -1.0f);
    QVERIFY(appended.appendInterleaved(ints.data(), frames));
    appended.finish();
    QCOMPARE(scanned->frames(), frames);
    verifySameSummary(*scanned, appended);
}

QTEST_GUILESS_MAIN(WaveformSummaryTest)
#include "WaveformSummaryTest.moc"
