// TruePeakMeter (the fast path: blocks that cannot raise the peak are not oversampled, the
// rest go through a vectorized interpolator) against libebur128's own true-peak mode, which
// oversamples everything: they must agree within 0.1 dB on every kind of signal.

#include "loudness/EbuTestSignals.h"

#include "core/loudness/TruePeakMeter.h"

#include <ebur128.h>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace tapedeck;

namespace {

double libebur128TruePeak(const std::vector<float>& samples, int channels, int rate) {
    ebur128_state* st = ebur128_init(static_cast<unsigned>(channels),
                                     static_cast<unsigned long>(rate), EBUR128_MODE_TRUE_PEAK);
    ebur128_add_frames_float(st, samples.data(), samples.size() / channels);
    double highest = 0.0;
    for (int c = 0; c < channels; ++c) {
        double p = 0.0;
        ebur128_true_peak(st, static_cast<unsigned>(c), &p);
        highest = std::max(highest, p);
    }
    ebur128_destroy(&st);
    return highest;
}

// Fills two channels from a function of the frame index (the second scaled and inverted,
// so the channels differ).
template <typename F> std::vector<float> stereo(std::int64_t frames, F f) {
    std::vector<float> out(static_cast<std::size_t>(frames) * 2);
    for (std::int64_t i = 0; i < frames; ++i) {
        out[i * 2] = f(i);
        out[i * 2 + 1] = -0.7f * f(i);
    }
    return out;
}

} // namespace

class TruePeakMeterTest : public QObject {
    Q_OBJECT

private slots:
    void agreesWithLibebur128_data() {
        QTest::addColumn<std::vector<float>>("samples");
        QTest::addColumn<int>("rate");
        constexpr int kRate = 48000;
        constexpr std::int64_t kFrames = kRate * 3;
        const double twoPi = 2.0 * std::numbers::pi;
        for (double hz : {997.0, 11990.0, 12000.0, 12010.0, 19000.0, 23900.0}) {
            QTest::newRow(qPrintable(QStringLiteral("sine %1 Hz").arg(hz)))
                << stereo(kFrames,
                          [=](std::int64_t i) {
                              return static_cast<float>(0.5 *
                                                        std::sin(twoPi * hz * i / kRate + 0.3));
                          })
                << kRate;
        }
        // Sines driven into clipping: flat tops, the largest inter-sample overshoot.
        for (double hz : {1000.0, 3000.0, 5513.0}) {
            QTest::newRow(qPrintable(QStringLiteral("clipped %1 Hz").arg(hz)))
                << stereo(kFrames,
                          [=](std::int64_t i) {
                              return std::clamp(
                                  static_cast<float>(2.0 * std::sin(twoPi * hz * i / kRate + 0.1)),
                                  -1.0f, 1.0f);
                          })
                << kRate;
        }
        std::mt19937 random(7);
        std::normal_distribution<float> gauss(0.0f, 0.2f);
        std::vector<float> noise(static_cast<std::size_t>(kFrames) * 2);
        for (float& x : noise) {
            x = gauss(random);
        }
        QTest::newRow("white noise") << noise << kRate;
        // Noise swelling and fading: most blocks are far under the peak and skipped.
        std::vector<float> swell = noise;
        for (std::int64_t i = 0; i < kFrames; ++i) {
            const auto e = static_cast<float>(
                0.05 + 0.95 * std::pow(std::sin(std::numbers::pi * i / kFrames), 8.0));
            swell[i * 2] *= e;
            swell[i * 2 + 1] *= e;
        }
        QTest::newRow("noise swell") << swell << kRate;
        // EBU Tech 3341 cases 20-23: a lone full-scale period whose crest falls on a sample,
        // beside one, or between two.
        for (int offset = 0; offset < 4; ++offset) {
            QTest::newRow(qPrintable(QStringLiteral("Tech 3341 case %1").arg(20 + offset)))
                << testing::truePeakSinglePeriod(offset, 0.5, 2, kRate) << kRate;
        }
        QTest::newRow("alternating full-scale samples")
            << stereo(kFrames, [](std::int64_t i) { return (i / 3) % 2 ? 1.0f : -1.0f; }) << kRate;
        QTest::newRow("44.1 kHz near fs/4") << stereo(44100 * 3, [=](std::int64_t i) {
            return static_cast<float>(0.5 * std::sin(twoPi * 11000.0 * i / 44100 + 0.7));
        }) << 44100;
        QTest::newRow("96 kHz, 2x oversampled") << stereo(96000 * 2, [=](std::int64_t i) {
            return static_cast<float>(0.5 * std::sin(twoPi * 23990.0 * i / 96000 + 0.7));
        }) << 96000;
    }
    void agreesWithLibebur128() {
        QFETCH(std::vector<float>, samples);
        QFETCH(int, rate);
        TruePeakMeter meter(2, rate);
        // Uneven pieces, so blocks and the history carried between them do not line up.
        const auto frames = static_cast<std::int64_t>(samples.size()) / 2;
        std::int64_t done = 0;
        for (std::int64_t piece = 1; done < frames; piece = piece * 3 % 2000 + 5) {
            const std::int64_t n = std::min(piece, frames - done);
            meter.addFrames(samples.data() + done * 2, n);
            done += n;
        }
        const double mine = 20.0 * std::log10(meter.truePeak());
        const double reference = 20.0 * std::log10(libebur128TruePeak(samples, 2, rate));
        QVERIFY2(std::abs(mine - reference) <= 0.1,
                 qPrintable(QStringLiteral("%1 dBTP against libebur128's %2 dBTP")
                                .arg(mine, 0, 'f', 3)
                                .arg(reference, 0, 'f', 3)));
    }

    // The shortcut is sound: the bound is the filter's largest sum of |weights|, and a quiet
    // stretch after a loud one is skipped.
    void quietBlocksAfterALoudOneAreNotOversampled() {
        constexpr int kRate = 48000;
        TruePeakMeter meter(1, kRate);
        QCOMPARE(meter.oversampling(), 4);
        QVERIFY(meter.overshootBound() > 1.0 && meter.overshootBound() < 2.0);
        std::vector<float> loud(kRate), quiet(kRate * 9);
        for (int i = 0; i < kRate; ++i) {
            loud[i] =
                static_cast<float>(0.9 * std::sin(2.0 * std::numbers::pi * 1000.0 * i / kRate));
        }
        for (std::size_t i = 0; i < quiet.size(); ++i) {
            quiet[i] =
                static_cast<float>(0.1 * std::sin(2.0 * std::numbers::pi * 1000.0 * i / kRate));
        }
        meter.addFrames(loud.data(), kRate);
        meter.addFrames(quiet.data(), static_cast<std::int64_t>(quiet.size()));
        QVERIFY(meter.framesOversampled() <= kRate + TruePeakMeter::kBlockFrames);
        QCOMPARE(meter.framesSeen(), std::int64_t{kRate * 10});
    }

    void silenceHasNoPeak() {
        TruePeakMeter meter(2, 48000);
        const std::vector<float> zeros(2 * 48000, 0.0f);
        meter.addFrames(zeros.data(), 48000);
        QCOMPARE(meter.truePeak(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TruePeakMeterTest)
#include "TruePeakMeterTest.moc"
