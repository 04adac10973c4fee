#include "support/LoopbackTrace.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"

#include <QtTest>
#include <algorithm>

using namespace tapedeck::testing;
using Kind = LoopbackGlitch::Kind;

namespace {

constexpr int kRate = 48000;
constexpr int64_t kLead = 6000; // where the signal starts in each made-up recording

std::vector<float> sweep(int64_t frames) {
    return SignalGenerator::chirp(200.0, 6000.0, 0.5, frames, 1, kRate);
}

// The recording as a sound server delivers a clean loopback: silence, the signal, silence.
std::vector<float> cleanRecording(const std::vector<float>& reference) {
    std::vector<float> out(kLead, 0.0f);
    out.insert(out.end(), reference.begin(), reference.end());
    out.resize(out.size() + kRate / 2, 0.0f);
    return out;
}

// `frames` of silence put in at reference frame `at`: a player that ran dry.
std::vector<float> withInsertedSilence(const std::vector<float>& reference, int64_t at,
                                       int64_t frames) {
    auto out = cleanRecording(reference);
    out.insert(out.begin() + kLead + at, static_cast<size_t>(frames), 0.0f);
    return out;
}

// `frames` of the signal missing from reference frame `at` on: a recorder that fell behind.
std::vector<float> withLostFrames(const std::vector<float>& reference, int64_t at, int64_t frames) {
    auto out = cleanRecording(reference);
    out.erase(out.begin() + kLead + at, out.begin() + kLead + at + frames);
    return out;
}

// `frames` of the signal kept as silence of the same length: a padded dropout.
std::vector<float> withReplacedFrames(const std::vector<float>& reference, int64_t at,
                                      int64_t frames) {
    auto out = cleanRecording(reference);
    std::fill(out.begin() + kLead + at, out.begin() + kLead + at + frames, 0.0f);
    return out;
}

QString describe(const LoopbackTrace& trace) {
    return QString::fromStdString(trace.describe(kRate));
}

} // namespace

class LoopbackTraceTest : public QObject {
    Q_OBJECT

    const std::vector<float> reference_ = sweep(kRate);

private slots:
    void aCleanLoopbackIsUnchangedThroughout() {
        const auto trace = LoopbackTrace::follow(reference_, cleanRecording(reference_));
        QVERIFY2(trace.glitches().empty(), qPrintable(describe(trace)));
        QCOMPARE(trace.firstLag(), kLead);
        QCOMPARE(trace.unchangedFrames(), trace.referenceFrames());
        QCOMPARE(trace.worstUnchangedDb(), SignalComparison::kResidualFloorDb);
    }

    void silencePutInMidwayIsAnInsertion() {
        const auto trace =
            LoopbackTrace::follow(reference_, withInsertedSilence(reference_, 20000, 1111));
        QCOMPARE(trace.glitches().size(), size_t{1});
        QCOMPARE(trace.glitches()[0].kind, Kind::Inserted);
        QCOMPARE(trace.glitches()[0].frames, int64_t{1111});
        QCOMPARE(trace.glitches()[0].referenceFrame, int64_t{20000});
        QCOMPARE(trace.unchangedFrames(), trace.referenceFrames());
        QCOMPARE(trace.firstLag(), kLead);
    }

    // The signature seen in flaky runs: the first quantum played, then the player ran dry.
    void silencePutInWithinTheFirstBlockIsStillAnInsertion() {
        const auto trace =
            LoopbackTrace::follow(reference_, withInsertedSilence(reference_, 128, 1024));
        QVERIFY2(trace.glitchesAreAll(Kind::Inserted), qPrintable(describe(trace)));
        QCOMPARE(trace.glitchFrames(Kind::Inserted), int64_t{1024});
        QCOMPARE(trace.firstLag(), kLead);
    }

    void framesMissingMidwayAreLost() {
        const auto trace =
            LoopbackTrace::follow(reference_, withLostFrames(reference_, 30000, 960));
        QCOMPARE(trace.glitches().size(), size_t{1});
        QCOMPARE(trace.glitches()[0].kind, Kind::Lost);
        QCOMPARE(trace.glitches()[0].frames, int64_t{960});
        QCOMPARE(trace.unchangedFrames(), trace.referenceFrames() - 960);
    }

    void aSpanKeptAsSilenceIsReplaced() {
        const auto trace =
            LoopbackTrace::follow(reference_, withReplacedFrames(reference_, 10000, 700));
        QVERIFY2(trace.glitchesAreAll(Kind::Replaced), qPrintable(describe(trace)));
        QCOMPARE(trace.glitchFrames(Kind::Replaced), int64_t{700});
        QCOMPARE(trace.firstLag(), kLead);
    }

    void aSignalRunningPastTheEndIsCutOff() {
        auto recording = cleanRecording(reference_);
        recording.resize(kLead + 40000);
        const auto trace = LoopbackTrace::follow(reference_, recording);
        QVERIFY2(trace.glitches().empty(), qPrintable(describe(trace)));
        // Whole blocks only: the cut falls within one block of the end of the recording.
        QVERIFY2(std::abs(trace.cutOffFrames() - 8000) <= 256, qPrintable(describe(trace)));
    }

    void quantizationNoiseStaysUnchangedButIsMeasured() {
        auto recording = cleanRecording(reference_);
        for (float& x : recording) {
            x = std::round(x * 32767.0f) / 32767.0f; // 16-bit
        }
        const auto trace = LoopbackTrace::follow(reference_, recording);
        QVERIFY2(trace.glitches().empty(), qPrintable(describe(trace)));
        QVERIFY(trace.worstUnchangedDb() < -80.0 && trace.worstUnchangedDb() > -110.0);
    }

    void aRecordingOfSomethingElseIsAllReplaced() {
        const auto other = SignalGenerator::whiteNoise(0.5, 2 * kRate, 1, 9);
        const auto trace = LoopbackTrace::follow(reference_, other);
        QCOMPARE(trace.unchangedFrames(), int64_t{0});
        QVERIFY(!trace.glitchesAreAll(Kind::Inserted));
        QVERIFY(!trace.glitchesAreAll(Kind::Lost));
    }
};

QTEST_GUILESS_MAIN(LoopbackTraceTest)
#include "LoopbackTraceTest.moc"
