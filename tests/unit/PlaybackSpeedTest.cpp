#include "core/dsp/TimeStretcher.h"
#include "core/playback/PlaybackPosition.h"

#include <QtTest>
#include <cmath>
#include <numbers>
#include <vector>

using namespace tapedeck;

namespace {
constexpr int kRate = 48000;

std::vector<float> sine(double hz, std::int64_t frames, int channels) {
    std::vector<float> out(static_cast<std::size_t>(frames * channels));
    for (std::int64_t i = 0; i < frames; ++i) {
        const auto v = static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * hz * i / kRate));
        for (int c = 0; c < channels; ++c) {
            out[static_cast<std::size_t>(i * channels + c)] = v;
        }
    }
    return out;
}

// Upward zero crossings per second over [from, to) frames of channel 0.
double frequency(const std::vector<float>& frames, int channels, std::int64_t from,
                 std::int64_t to) {
    int crossings = 0;
    std::int64_t first = -1;
    std::int64_t last = -1;
    for (std::int64_t i = from + 1; i < to; ++i) {
        const float a = frames[static_cast<std::size_t>((i - 1) * channels)];
        const float b = frames[static_cast<std::size_t>(i * channels)];
        if (a < 0 && b >= 0) {
            if (first < 0) {
                first = i;
            } else {
                ++crossings;
            }
            last = i;
        }
    }
    return crossings > 0 ? crossings * static_cast<double>(kRate) / (last - first) : 0;
}
} // namespace

// The arithmetic that keeps the playhead in file time at any speed, and the stretcher the
// disk reader runs (librubberband): length scaled by 1/speed, pitch kept.
class PlaybackSpeedTest : public QObject {
    Q_OBJECT

private slots:
    void positionAtNormalSpeedCountsDeviceFrames() {
        PlaybackPosition p{1000, 1.0, kRate, kRate, 480000};
        QCOMPARE(p.fileFrameHeard(0, 4800), std::int64_t(1000));    // nothing heard yet
        QCOMPARE(p.fileFrameHeard(4800, 4800), std::int64_t(1000)); // all still in latency
        QCOMPARE(p.fileFrameHeard(14800, 4800), std::int64_t(11000));
        QCOMPARE(p.fileFrameHeard(10'000'000, 0), std::int64_t(480000)); // never past the end
    }

    void positionScalesWithSpeedAndRate() {
        PlaybackPosition fast{0, 1.5, kRate, kRate, 10 * kRate};
        QCOMPARE(fast.fileFrameHeard(kRate + 4800, 4800), std::int64_t(72000)); // 1 s heard
        PlaybackPosition slow{kRate, 0.5, kRate, kRate, 10 * kRate};
        QCOMPARE(slow.fileFrameHeard(2 * kRate, 0), std::int64_t(2 * kRate)); // 2 s → 1 s
        // A 44.1 kHz file on a 48 kHz device, at twice the speed: one device second is two
        // file seconds.
        PlaybackPosition resampled{0, 2.0, 44100, kRate, 10 * 44100};
        QCOMPARE(resampled.fileFrameHeard(kRate, 0), std::int64_t(2 * 44100));
    }

    void inverseMappingMatches() {
        for (const double speed : {0.5, 0.7, 1.0, 1.3, 2.0}) {
            PlaybackPosition p{12345, speed, 44100, kRate, 100 * 44100};
            for (const std::int64_t file : {12345LL, 20000LL, 1'000'000LL}) {
                const std::int64_t device = p.deviceFramesUntil(file);
                QVERIFY(p.fileFrameHeard(device, 0) >= file);
                QVERIFY(p.fileFrameHeard(device - 1, 0) < file || device == 0);
            }
        }
    }

    void stretchKeepsPitchAndScalesLength_data() {
        QTest::addColumn<double>("speed");
        QTest::addColumn<int>("channels");
        QTest::newRow("0.5 mono") << 0.5 << 1;
        QTest::newRow("1.5 stereo") << 1.5 << 2;
        QTest::newRow("2 stereo") << 2.0 << 2;
        QTest::newRow("0.8 stereo") << 0.8 << 2;
    }
    void stretchKeepsPitchAndScalesLength() {
        QFETCH(double, speed);
        QFETCH(int, channels);
        constexpr double kHz = 440;
        constexpr std::int64_t kFrames = 2 * kRate;
        const auto input = sine(kHz, kFrames, channels);
        TimeStretcher stretcher(kRate, channels);
        stretcher.reset(speed);
        std::vector<float> out;
        // In chunks, as the disk reader feeds it, with the end marked.
        constexpr std::int64_t kChunk = 8192;
        for (std::int64_t done = 0; done < kFrames; done += kChunk) {
            const std::int64_t n = std::min(kChunk, kFrames - done);
            stretcher.process(input.data() + done * channels, n, done + n >= kFrames, out);
        }
        const auto produced = static_cast<std::int64_t>(out.size()) / channels;
        const auto loud = [&](std::int64_t i) {
            return std::abs(out[static_cast<std::size_t>(i * channels)]) > 0.25f;
        };
        std::int64_t firstLoud = 0;
        while (firstLoud < produced && !loud(firstLoud)) {
            ++firstLoud;
        }
        std::int64_t lastLoud = produced - 1;
        while (lastLoud > firstLoud && !loud(lastLoud)) {
            --lastLoud;
        }
        // Aligned with the input: a sine that starts at frame 0 starts near output frame 0
        // (the stretcher's start delay is trimmed), not tens of milliseconds later.
        QVERIFY2(firstLoud < kRate / 100, qPrintable(QString("starts at %1").arg(firstLoud)));
        // The tone lasts 1/speed as long (a quiet tail after it is the reader's to cut).
        const double expected = kFrames / speed;
        const auto loudFrames = static_cast<double>(lastLoud - firstLoud);
        QVERIFY2(std::abs(loudFrames - expected) < 0.01 * expected,
                 qPrintable(QString("%1 frames for %2 expected").arg(loudFrames).arg(expected)));
        QVERIFY2(produced < expected + kRate / 5, qPrintable(QString("%1 frames").arg(produced)));
        // Pitch: measured away from the ends.
        const double hz = frequency(out, channels, produced / 4, 3 * produced / 4);
        QVERIFY2(std::abs(hz - kHz) < 1.0, qPrintable(QString("%1 Hz").arg(hz)));
    }

    void resetStartsAgainFromSilence() {
        TimeStretcher stretcher(kRate, 1);
        stretcher.reset(1.5);
        const auto input = sine(440, kRate, 1);
        std::vector<float> out;
        stretcher.process(input.data(), kRate / 2, false, out);
        stretcher.reset(0.5);
        QCOMPARE(stretcher.speed(), 0.5);
        out.clear();
        const std::vector<float> silence(static_cast<std::size_t>(kRate), 0.0f);
        stretcher.process(silence.data(), kRate, true, out);
        // Nothing of the earlier tone comes out after the reset.
        float peak = 0;
        for (const float v : out) {
            peak = std::max(peak, std::abs(v));
        }
        QVERIFY2(peak < 1e-3f, qPrintable(QString("peak %1").arg(peak)));
    }
};

QTEST_GUILESS_MAIN(PlaybackSpeedTest)
#include "PlaybackSpeedTest.moc"
