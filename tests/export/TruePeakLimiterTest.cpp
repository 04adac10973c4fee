#include "core/export/TruePeakLimiter.h"
#include "core/export/ChannelFold.h"
#include "export/ReferenceLoudness.h"
#include "export/SpeechLikeSignal.h"

#include <QtTest>

#include <cmath>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {

std::vector<float> limit(const std::vector<float>& in, int channels, int rate, double ceiling,
                         TruePeakLimiter* keep = nullptr) {
    TruePeakLimiter limiter(channels, rate, ceiling);
    std::vector<float> out;
    // In uneven pieces, as the exporter feeds it.
    const std::int64_t frames = static_cast<std::int64_t>(in.size()) / channels;
    std::int64_t at = 0;
    for (std::int64_t piece = 1; at < frames; piece = piece * 3 % 4099 + 1) {
        const std::int64_t n = std::min(piece, frames - at);
        limiter.process(in.data() + at * channels, n, out);
        at += n;
    }
    limiter.flush(out);
    if (keep != nullptr) {
        *keep = std::move(limiter);
    }
    return out;
}

} // namespace

// The look-ahead true-peak limiter: peaks between samples are caught, nothing under the
// ceiling is touched, and nothing is lost or shifted.
class TruePeakLimiterTest : public QObject {
    Q_OBJECT

private slots:
    void interSamplePeaksAreHeldUnderTheCeiling() {
        // A tone at a quarter of the rate, 45° off its crests: samples at 0.85 × 0.707, true
        // peak 0.85 (-1.4 dBTP); then speech 12 dB hotter than full scale allows.
        constexpr int kRate = 48000;
        std::vector<float> in;
        for (int n = 0; n < kRate; ++n) {
            const float v = static_cast<float>(0.85 * std::sin(M_PI / 2 * n + M_PI / 4));
            in.push_back(v);
            in.push_back(v);
        }
        std::vector<float> speech = speechLikeSignal(3.0, 2, kRate, 2.0, 4);
        in.insert(in.end(), speech.begin(), speech.end());
        const ReferenceReading before = measureReference(in, 2, kRate);
        QVERIFY(before.truePeakDbtp > 0.0);
        QVERIFY(before.samplePeakDbfs < before.truePeakDbtp);

        const std::vector<float> out = limit(in, 2, kRate, -3.0);
        QCOMPARE(out.size(), in.size());
        const ReferenceReading after = measureReference(out, 2, kRate);
        QVERIFY2(after.truePeakDbtp <= -3.0 + 0.05,
                 qPrintable(QString::number(after.truePeakDbtp)));
        // The tone alone (first second, past the look-ahead) is turned down to the ceiling,
        // not below it by much: the gain follows the true peak, not a guess.
        const std::vector<float> tone(out.begin() + 2 * 4800, out.begin() + 2 * 40000);
        const ReferenceReading toneAfter = measureReference(tone, 2, kRate);
        QVERIFY2(toneAfter.truePeakDbtp > -3.3,
                 qPrintable(QString::number(toneAfter.truePeakDbtp)));
    }

    void soundUnderTheCeilingPassesUntouched() {
        constexpr int kRate = 44100;
        const std::vector<float> in = speechLikeSignal(2.0, 2, kRate, 0.1, 8);
        QVERIFY(measureReference(in, 2, kRate).truePeakDbtp < -1.5);
        TruePeakLimiter limiter(2, kRate, -1.0);
        const std::vector<float> out = limit(in, 2, kRate, -1.0, &limiter);
        QCOMPARE(out.size(), in.size());
        for (std::size_t i = 0; i < in.size(); ++i) {
            QCOMPARE(out[i], in[i]); // same samples, same place: the delay is taken back out
        }
        QCOMPARE(limiter.maxReductionDb(), 0.0);
        QCOMPARE(limiter.framesReduced(), std::int64_t(0));
    }

    void gainChangesAreSmooth() {
        // A single full-scale click in a quiet tone: the gain ramps down over the look-ahead
        // and back up over the release, never in a step bigger than the ramp allows.
        constexpr int kRate = 48000;
        std::vector<float> in(kRate);
        for (int n = 0; n < kRate; ++n) {
            in[n] = static_cast<float>(0.1 * std::sin(2 * M_PI * 440.0 * n / kRate));
        }
        in[kRate / 2] = 1.0f;
        const std::vector<float> out = limit(in, 1, kRate, -6.0);
        QCOMPARE(out.size(), in.size());
        double largestStep = 0.0;
        for (int n = 1; n < kRate; ++n) {
            if (std::abs(in[n]) > 1e-3 && std::abs(in[n - 1]) > 1e-3 && n != kRate / 2 &&
                n - 1 != kRate / 2) {
                const double gain = out[n] / in[n];
                const double previous = out[n - 1] / in[n - 1];
                largestStep = std::max(largestStep, std::abs(gain - previous));
            }
        }
        // From 1 to 0.5 over 240 frames: about 0.002 a frame.
        QVERIFY2(largestStep < 0.005, qPrintable(QString::number(largestStep)));
        QVERIFY(std::abs(out[kRate / 2]) <= std::pow(10.0, -6.0 / 20.0) + 1e-4);
    }

    void foldsMixWithoutClipping() {
        const std::vector<float> four = {1.0f, 1.0f, 1.0f, -1.0f, 0.5f, 0.0f, 0.25f, 0.0f};
        std::vector<float> mono(2);
        foldChannels(four.data(), 4, mono.data(), 1, 2);
        QCOMPARE(mono[0], 0.5f);
        QCOMPARE(mono[1], 0.1875f);
        std::vector<float> stereo(4);
        foldChannels(four.data(), 4, stereo.data(), 2, 2);
        QCOMPARE(stereo[0], 1.0f); // channels 1 and 3
        QCOMPARE(stereo[1], 0.0f); // channels 2 and 4
        QCOMPARE(stereo[2], 0.375f);
        QCOMPARE(stereo[3], 0.0f);
    }
};

QTEST_GUILESS_MAIN(TruePeakLimiterTest)
#include "TruePeakLimiterTest.moc"
