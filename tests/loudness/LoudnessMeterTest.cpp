// LoudnessMeter against the EBU conformance signals: Tech 3341 (integrated, short-term,
// momentary loudness and true peak) and Tech 3342 (loudness range), with those documents'
// tolerances. Every synthetic case of Tech 3341 (2016, 2023) is here: 1-6 and 9-23. Cases 7
// and 8 are excerpts of real programmes (a commercial, a drama), which cannot be generated.

#include "loudness/EbuTestSignals.h"

#include "core/loudness/LoudnessMeter.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace tapedeck;
using namespace tapedeck::testing;

Q_DECLARE_METATYPE(std::vector<tapedeck::testing::ToneSegment>)

namespace {

constexpr int kRate = 48000;

// Feeds a signal in uneven pieces, as a disk thread would (4097 frames: no multiple of 10 ms).
void feed(LoudnessMeter& meter, const std::vector<float>& samples) {
    const int channels = meter.channels();
    const auto frames = static_cast<std::int64_t>(samples.size()) / channels;
    constexpr std::int64_t kPiece = 4097;
    for (std::int64_t done = 0; done < frames; done += kPiece) {
        meter.addFrames(samples.data() + done * channels, std::min(kPiece, frames - done));
    }
}

// The cases about loudness alone leave out the true peak, to keep the test short.
LoudnessMeter measure(const std::vector<float>& samples, int channels, int rate = kRate,
                      LoudnessMeter::Peak peak = LoudnessMeter::Peak::None) {
    LoudnessMeter meter(channels, rate, peak);
    feed(meter, samples);
    return meter;
}

constexpr int kSegments = 20; // in each of Tech 3341 cases 10, 11, 13 and 14

bool within(const std::optional<double>& value, double expected, double below, double above) {
    return value && *value >= expected - below && *value <= expected + above;
}

QString text(const std::optional<double>& value) {
    return value ? QString::number(*value, 'f', 3) : QStringLiteral("(none)");
}

} // namespace

class LoudnessMeterTest : public QObject {
    Q_OBJECT

private slots:
    // Tech 3341 cases 1-5: stereo 1 kHz sines; integrated loudness -23.0 (case 2: -33.0)
    // ±0.1 LUFS, gating included (cases 3-5 hold quieter parts the gates must drop or keep).
    void tech3341IntegratedCases_data() {
        QTest::addColumn<std::vector<ToneSegment>>("segments");
        QTest::addColumn<double>("expected");
        QTest::newRow("case 1: -23 dBFS, 20 s") << std::vector<ToneSegment>{{20, -23}} << -23.0;
        QTest::newRow("case 2: -33 dBFS, 20 s") << std::vector<ToneSegment>{{20, -33}} << -33.0;
        QTest::newRow("case 3: -36/-23/-36 dBFS")
            << std::vector<ToneSegment>{{10, -36}, {60, -23}, {10, -36}} << -23.0;
        QTest::newRow("case 4: -72/-36/-23/-36/-72 dBFS")
            << std::vector<ToneSegment>{{10, -72}, {10, -36}, {60, -23}, {10, -36}, {10, -72}}
            << -23.0;
        QTest::newRow("case 5: -26/-20/-26 dBFS")
            << std::vector<ToneSegment>{{20, -26}, {20.1, -20}, {20, -26}} << -23.0;
    }
    void tech3341IntegratedCases() {
        QFETCH(std::vector<ToneSegment>, segments);
        QFETCH(double, expected);
        const LoudnessReading r = measure(toneSegments(segments, 2, kRate), 2).reading();
        QVERIFY2(within(r.integratedLufs, expected, 0.1, 0.1), qPrintable(text(r.integratedLufs)));
    }

    // Tech 3341 case 1 also holds momentary and short-term at -23.0 ±0.1 throughout.
    void aSteadyToneHoldsItsMomentaryAndShortTermLoudness() {
        const LoudnessMeter m =
            measure(toneSegments({{20, -23}}, 2, kRate), 2, kRate, LoudnessMeter::Peak::True);
        QVERIFY2(within(m.momentaryLufs(), -23.0, 0.1, 0.1), qPrintable(text(m.momentaryLufs())));
        QVERIFY2(within(m.shortTermLufs(), -23.0, 0.1, 0.1), qPrintable(text(m.shortTermLufs())));
        const LoudnessReading r = m.reading();
        QVERIFY(within(r.maxMomentaryLufs, -23.0, 0.1, 0.1));
        QVERIFY(within(r.maxShortTermLufs, -23.0, 0.1, 0.1));
        QVERIFY2(r.reason.empty(), r.reason.c_str());
    }

    // Tech 3341 case 6: 5.0 channels (L R C Ls Rs): L and R at -28 dBFS, C at -24 dBFS,
    // Ls and Rs at -30 dBFS; the surrounds weigh 1.41, and the sum is -23.0 ±0.1 LUFS.
    void tech3341Case6WeighsTheSurrounds() {
        const LoudnessReading r =
            measure(tonePerChannel({-28, -28, -24, -30, -30}, 20, kRate), 5).reading();
        QVERIFY2(within(r.integratedLufs, -23.0, 0.1, 0.1), qPrintable(text(r.integratedLufs)));
    }

    // In 5.1 (L R C LFE Ls Rs) the LFE channel is left out, however loud.
    void theLfeChannelOfA51TakeIsLeftOut() {
        const double inf = std::numeric_limits<double>::infinity();
        const LoudnessReading without =
            measure(tonePerChannel({-28, -28, -24, -inf, -30, -30}, 10, kRate), 6).reading();
        const LoudnessReading with =
            measure(tonePerChannel({-28, -28, -24, -6, -30, -30}, 10, kRate), 6).reading();
        QVERIFY2(within(without.integratedLufs, -23.0, 0.1, 0.1),
                 qPrintable(text(without.integratedLufs)));
        QVERIFY(with.integratedLufs && without.integratedLufs);
        QCOMPARE(*with.integratedLufs, *without.integratedLufs);
    }

    // Channels are summed, not measured apart: mono at -23 dBFS is 3 LU below the same
    // tone on both channels of a stereo take.
    void channelsAreSummed() {
        const LoudnessReading mono = measure(toneSegments({{10, -23}}, 1, kRate), 1).reading();
        const LoudnessReading stereo = measure(toneSegments({{10, -23}}, 2, kRate), 2).reading();
        QVERIFY(mono.integratedLufs && stereo.integratedLufs);
        QVERIFY2(std::abs(*stereo.integratedLufs - *mono.integratedLufs - 3.01) < 0.05,
                 qPrintable(text(mono.integratedLufs) + " " + text(stereo.integratedLufs)));
    }

    // Tech 3341 case 9: bursts of 1.34 s at -20 dBFS and 1.66 s at -30 dBFS, five times:
    // every 3 s window holds one of each, so short-term loudness stays at -23.0 ±0.1 from 3 s.
    void tech3341Case9ShortTermStaysPut() {
        std::vector<ToneSegment> bursts;
        for (int i = 0; i < 5; ++i) {
            bursts.push_back({1.34, -20});
            bursts.push_back({1.66, -30});
        }
        const std::vector<float> signal = toneSegments(bursts, 2, kRate);
        LoudnessMeter meter(2, kRate);
        const std::int64_t step = kRate / 10;
        for (std::int64_t done = 0; done * 2 < static_cast<std::int64_t>(signal.size());
             done += step) {
            meter.addFrames(signal.data() + done * 2, step);
            if (done + step >= 3 * kRate) {
                QVERIFY2(within(meter.shortTermLufs(), -23.0, 0.1, 0.1),
                         qPrintable(QString::number(done) + ": " + text(meter.shortTermLufs())));
            }
        }
        QVERIFY(within(meter.reading().maxShortTermLufs, -23.0, 0.1, 0.1));
    }

    // Tech 3341 case 12: bursts of 0.18 s at -20 dBFS and 0.22 s at -30 dBFS: every 400 ms
    // window holds one of each, so momentary loudness stays at -23.0 ±0.1 from 400 ms.
    void tech3341Case12MomentaryStaysPut() {
        std::vector<ToneSegment> bursts;
        for (int i = 0; i < 25; ++i) {
            bursts.push_back({0.18, -20});
            bursts.push_back({0.22, -30});
        }
        const std::vector<float> signal = toneSegments(bursts, 2, kRate);
        LoudnessMeter meter(2, kRate);
        const std::int64_t step = kRate / 10;
        for (std::int64_t done = 0; done * 2 < static_cast<std::int64_t>(signal.size());
             done += step) {
            meter.addFrames(signal.data() + done * 2, step);
            if (done + step >= 4 * step) {
                QVERIFY2(within(meter.momentaryLufs(), -23.0, 0.1, 0.1),
                         qPrintable(QString::number(done) + ": " + text(meter.momentaryLufs())));
            }
        }
        QVERIFY(within(meter.reading().maxMomentaryLufs, -23.0, 0.1, 0.1));
    }

    // Tech 3341 case 10, for file-based meters: 20 signals, each from a new meter: i × 0.15 s
    // of silence, 3 s at -23 dBFS, 1 s of silence. The loudest 3 s window reads -23.0 ±0.1
    // LUFS wherever the tone falls between the meter's steps.
    void tech3341Case10MaxShortTermOfEachSegment_data() {
        QTest::addColumn<int>("segment");
        for (int i = 0; i < kSegments; ++i) {
            QTest::addRow("case 10-%d: %.2f s of silence first", i + 1, i * 0.15) << i;
        }
    }
    void tech3341Case10MaxShortTermOfEachSegment() {
        QFETCH(int, segment);
        const LoudnessReading r =
            measure(toneSegments(tech3341Case10Segment(segment), 2, kRate), 2).reading();
        QVERIFY2(within(r.maxShortTermLufs, -23.0, 0.1, 0.1), qPrintable(text(r.maxShortTermLufs)));
    }

    // Tech 3341 case 11, for live meters: one meter through 20 segments of 6 s, each tone
    // 1 dB louder and 0.15 s later in its segment; read after each segment, the maximum
    // short-term loudness climbs -38.0, -37.0, ... -19.0 ±0.1 LUFS.
    void tech3341Case11MaxShortTermClimbsSegmentBySegment() {
        LoudnessMeter meter(2, kRate, LoudnessMeter::Peak::None);
        for (int i = 0; i < kSegments; ++i) {
            feed(meter, toneSegments(tech3341Case11Segment(i), 2, kRate));
            const std::optional<double> highest = meter.reading().maxShortTermLufs;
            QVERIFY2(within(highest, -38.0 + i, 0.1, 0.1),
                     qPrintable(QStringLiteral("segment %1: %2").arg(i + 1).arg(text(highest))));
        }
    }

    // Tech 3341 case 13, for file-based meters: 20 signals, each from a new meter: i × 20 ms
    // of silence, 400 ms at -23 dBFS, 1 s of silence. The loudest 400 ms window reads
    // -23.0 ±0.1 LUFS wherever the tone falls between the meter's steps.
    void tech3341Case13MaxMomentaryOfEachSegment_data() {
        QTest::addColumn<int>("segment");
        for (int i = 0; i < kSegments; ++i) {
            QTest::addRow("case 13-%d: %d ms of silence first", i + 1, i * 20) << i;
        }
    }
    void tech3341Case13MaxMomentaryOfEachSegment() {
        QFETCH(int, segment);
        const LoudnessReading r =
            measure(toneSegments(tech3341Case13Segment(segment), 2, kRate), 2).reading();
        QVERIFY2(within(r.maxMomentaryLufs, -23.0, 0.1, 0.1), qPrintable(text(r.maxMomentaryLufs)));
    }

    // Tech 3341 case 14, for live meters: one meter through 20 segments of 800 ms, each tone
    // 1 dB louder and 20 ms later in its segment; read after each segment, the maximum
    // momentary loudness climbs -38.0, -37.0, ... -19.0 ±0.1 LUFS.
    void tech3341Case14MaxMomentaryClimbsSegmentBySegment() {
        LoudnessMeter meter(2, kRate, LoudnessMeter::Peak::None);
        for (int i = 0; i < kSegments; ++i) {
            feed(meter, toneSegments(tech3341Case14Segment(i), 2, kRate));
            const std::optional<double> highest = meter.reading().maxMomentaryLufs;
            QVERIFY2(within(highest, -38.0 + i, 0.1, 0.1),
                     qPrintable(QStringLiteral("segment %1: %2").arg(i + 1).arg(text(highest))));
        }
    }

    // Tech 3341 cases 15-19: sines at fs/4, fs/6 and fs/8 whose samples miss the crest;
    // the true peak is read within +0.2/-0.4 dB of the sine's own peak.
    void tech3341TruePeakCases_data() {
        QTest::addColumn<double>("peak");
        QTest::addColumn<int>("divisor");
        QTest::addColumn<double>("phase");
        QTest::addColumn<double>("expectedDbtp");
        QTest::newRow("case 15: 0.5 FS, fs/4, 0°") << 0.5 << 4 << 0.0 << -6.0;
        QTest::newRow("case 16: 0.5 FS, fs/4, 45°") << 0.5 << 4 << 45.0 << -6.0;
        QTest::newRow("case 17: 0.5 FS, fs/6, 60°") << 0.5 << 6 << 60.0 << -6.0;
        QTest::newRow("case 18: 0.5 FS, fs/8, 67.5°") << 0.5 << 8 << 67.5 << -6.0;
        QTest::newRow("case 19: 1.41 FS, fs/4, 45°") << 1.41 << 4 << 45.0 << 3.0;
    }
    void tech3341TruePeakCases() {
        QFETCH(double, peak);
        QFETCH(int, divisor);
        QFETCH(double, phase);
        QFETCH(double, expectedDbtp);
        const LoudnessReading r = measure(truePeakSine(peak, divisor, phase, 2.0, 2, kRate), 2,
                                          kRate, LoudnessMeter::Peak::True)
                                      .reading();
        QVERIFY2(within(r.truePeakDbtp, expectedDbtp, 0.4, 0.2), qPrintable(text(r.truePeakDbtp)));
    }

    // Tech 3341 cases 20-23: one period of a full-scale sine at fs/4 inside a sine at fs/6,
    // made at 4·fs and kept from each of its four phases, so the samples fall on the crest
    // (case 20), beside it (21, 23) or on both sides of it, at 0.75 at most (22); 0.0
    // +0.2/-0.4 dBTP.
    void tech3341TruePeakSinglePeriodCases_data() {
        QTest::addColumn<int>("offset");
        for (int offset = 0; offset < 4; ++offset) {
            QTest::addRow("case %d: offset %d at 4 fs", 20 + offset, offset) << offset;
        }
    }
    void tech3341TruePeakSinglePeriodCases() {
        QFETCH(int, offset);
        const std::vector<float> signal = truePeakSinglePeriod(offset, 0.5, 2, kRate);
        float samplePeak = 0.0f;
        for (const float x : signal) {
            samplePeak = std::max(samplePeak, std::abs(x));
        }
        const LoudnessReading r = measure(signal, 2, kRate, LoudnessMeter::Peak::True).reading();
        QVERIFY2(
            within(r.truePeakDbtp, 0.0, 0.4, 0.2),
            qPrintable(text(r.truePeakDbtp) + QStringLiteral(" dBTP; samples peak at %1 dBFS")
                                                  .arg(20.0 * std::log10(samplePeak), 0, 'f', 3)));
        if (offset == 2) {
            // The case is worth its name: no sample comes within the tolerance of the peak.
            QVERIFY2(20.0 * std::log10(samplePeak) < -0.4, qPrintable(QString::number(samplePeak)));
        }
    }

    // Tech 3342 cases 1-4: 1 kHz stereo sines, 20 s per level; loudness range ±1 LU.
    void tech3342LoudnessRangeCases_data() {
        QTest::addColumn<std::vector<ToneSegment>>("segments");
        QTest::addColumn<double>("expected");
        QTest::newRow("case 1: -20/-30 dBFS")
            << std::vector<ToneSegment>{{20, -20}, {20, -30}} << 10.0;
        QTest::newRow("case 2: -20/-15 dBFS")
            << std::vector<ToneSegment>{{20, -20}, {20, -15}} << 5.0;
        QTest::newRow("case 3: -40/-20 dBFS")
            << std::vector<ToneSegment>{{20, -40}, {20, -20}} << 20.0;
        QTest::newRow("case 4: -50/-35/-20/-35/-50 dBFS")
            << std::vector<ToneSegment>{{20, -50}, {20, -35}, {20, -20}, {20, -35}, {20, -50}}
            << 15.0;
    }
    void tech3342LoudnessRangeCases() {
        QFETCH(std::vector<ToneSegment>, segments);
        QFETCH(double, expected);
        const LoudnessReading r = measure(toneSegments(segments, 2, kRate), 2).reading();
        QVERIFY2(within(r.rangeLu, expected, 1.0, 1.0), qPrintable(text(r.rangeLu)));
    }

    // The same figures at 44.1 kHz, whose 100 ms is 4410 frames.
    void otherRatesMeasureTheSame() {
        const LoudnessReading r =
            measure(toneSegments({{20, -20}, {20, -30}}, 2, 44100), 2, 44100).reading();
        QVERIFY(within(r.integratedLufs, -22.6, 0.3, 0.3));
        QVERIFY2(within(r.rangeLu, 10.0, 1.0, 1.0), qPrintable(text(r.rangeLu)));
    }

    // The maxima of cases 10 and 13 at the rates whose 10 ms is 441 and 220.5 frames (the
    // meter's steps are 441 and 220 frames), with the tones falling between its steps.
    void theMaximaHoldAtOtherRates_data() {
        QTest::addColumn<int>("rate");
        QTest::newRow("44.1 kHz") << 44100;
        QTest::newRow("22.05 kHz") << 22050;
    }
    void theMaximaHoldAtOtherRates() {
        QFETCH(int, rate);
        for (const int segment : {1, 3, 12}) {
            const LoudnessReading shortTerm =
                measure(toneSegments(tech3341Case10Segment(segment), 2, rate), 2, rate).reading();
            const LoudnessReading momentary =
                measure(toneSegments(tech3341Case13Segment(segment), 2, rate), 2, rate).reading();
            QVERIFY2(within(shortTerm.maxShortTermLufs, -23.0, 0.1, 0.1),
                     qPrintable(text(shortTerm.maxShortTermLufs)));
            QVERIFY2(within(momentary.maxMomentaryLufs, -23.0, 0.1, 0.1),
                     qPrintable(text(momentary.maxMomentaryLufs)));
        }
    }

    // Too short or too quiet to gate: no value is made up, and the reason says why.
    void tooShortGivesNoIntegratedLoudnessAndSaysWhy() {
        const LoudnessReading r =
            measure(toneSegments({{0.2, -20}}, 2, kRate), 2, kRate, LoudnessMeter::Peak::True)
                .reading();
        QVERIFY(!r.integratedLufs && !r.rangeLu && !r.maxMomentaryLufs && !r.maxShortTermLufs);
        QVERIFY(r.truePeakDbtp.has_value()); // a peak needs no gate
        QVERIFY2(r.reason.find("shorter than 0.4 s") != std::string::npos, r.reason.c_str());
    }
    void underThreeSecondsGivesNoRangeAndSaysWhy() {
        const LoudnessReading r = measure(toneSegments({{2, -20}}, 2, kRate), 2).reading();
        QVERIFY(r.integratedLufs && r.maxMomentaryLufs);
        QVERIFY(!r.rangeLu && !r.maxShortTermLufs);
        QVERIFY2(r.reason.find("shorter than 3 s") != std::string::npos, r.reason.c_str());
    }
    void silenceGivesNoFiguresAndSaysWhy() {
        const LoudnessReading r =
            measure(std::vector<float>(2 * 5 * kRate, 0.0f), 2, kRate, LoudnessMeter::Peak::True)
                .reading();
        QVERIFY(!r.integratedLufs && !r.rangeLu && !r.truePeakDbtp);
        QVERIFY(!r.maxMomentaryLufs && !r.maxShortTermLufs);
        QVERIFY2(r.reason.find("too quiet") != std::string::npos, r.reason.c_str());
        QVERIFY2(r.reason.find("silence") != std::string::npos, r.reason.c_str());
    }
    void aToneUnderTheAbsoluteGateIsTooQuiet() {
        const LoudnessReading r =
            measure(toneSegments({{5, -80}}, 2, kRate), 2, kRate, LoudnessMeter::Peak::True)
                .reading();
        QVERIFY(!r.integratedLufs && !r.rangeLu);
        QVERIFY(r.truePeakDbtp.has_value());
        QVERIFY2(r.reason.find("-70 LUFS") != std::string::npos, r.reason.c_str());
    }

    // Peak::None measures no true peak, and says so.
    void withoutTruePeakTheReasonSaysSo() {
        LoudnessMeter meter(2, kRate, LoudnessMeter::Peak::None);
        const std::vector<float> tone = toneSegments({{5, -23}}, 2, kRate);
        meter.addFrames(tone.data(), static_cast<std::int64_t>(tone.size()) / 2);
        const LoudnessReading r = meter.reading();
        QVERIFY(within(r.integratedLufs, -23.0, 0.1, 0.1));
        QVERIFY(!r.truePeakDbtp);
        QVERIFY2(r.reason.find("true peak") != std::string::npos, r.reason.c_str());
    }
};

QTEST_GUILESS_MAIN(LoudnessMeterTest)
#include "LoudnessMeterTest.moc"
