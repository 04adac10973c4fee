#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <sndfile.h>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;
constexpr int64_t kOneSecond = kRate;

// The recording as a sound server would deliver it: `lead` frames of silence, the reference
// scaled by `gain`, then `tail` frames of silence.
std::vector<float> delayed(const std::vector<float>& reference, int64_t lead, int64_t tail,
                           float gain) {
    std::vector<float> out(static_cast<size_t>(lead), 0.0f);
    for (float sample : reference) {
        out.push_back(sample * gain);
    }
    out.resize(out.size() + static_cast<size_t>(tail), 0.0f);
    return out;
}

void addInPlace(std::vector<float>& target, const std::vector<float>& other) {
    for (size_t i = 0; i < target.size() && i < other.size(); ++i) {
        target[i] += other[i];
    }
}

} // namespace

class SignalToolsTest : public QObject {
    Q_OBJECT

private slots:
    void aDelayedCopyOfNoiseIsFoundAtExactlyItsLag() {
        constexpr int64_t kLag = 12345;
        const auto reference = SignalGenerator::whiteNoise(0.5, 5 * kOneSecond, 1, 1);
        const auto recorded = delayed(reference, kLag, kOneSecond / 2, 0.8f);

        QElapsedTimer timer;
        timer.start();
        const LagEstimate found = SignalComparison::findLag(reference, recorded, kOneSecond);
        const qint64 elapsedMs = timer.elapsed();

        QCOMPARE(found.lagFrames, kLag);
        QVERIFY2(found.correlation > 0.999999, qPrintable(QString::number(found.correlation)));
        // A figure, not a pass/fail: timing assertions fail on loaded or sanitized builds.
        qInfo("lag search, 5 s over +-1 s: %lld ms", static_cast<long long>(elapsedMs));
    }

    void aRecordingThatStartedLateHasANegativeLag() {
        constexpr int64_t kMissedFrames = 777;
        const auto reference = SignalGenerator::whiteNoise(0.5, 2 * kOneSecond, 1, 2);
        const std::vector<float> recorded(reference.begin() + kMissedFrames, reference.end());
        const LagEstimate found = SignalComparison::findLag(reference, recorded, kOneSecond);
        QCOMPARE(found.lagFrames, -kMissedFrames);
        QVERIFY(found.correlation > 0.999999);
    }

    void aChirpInNoiseIsFoundAtItsLag() {
        constexpr int64_t kLag = 1536;
        const auto reference = SignalGenerator::chirp(20.0, 20000.0, 0.5, 3 * kOneSecond, 1, kRate);
        auto recorded = delayed(reference, kLag, kOneSecond, 1.0f);
        addInPlace(recorded, SignalGenerator::whiteNoise(0.005, 5 * kOneSecond, 1, 3));
        const Comparison result = SignalComparison::compare(reference, recorded, kOneSecond);
        QCOMPARE(result.lagFrames, kLag);
        QVERIFY(result.correlation > 0.99);
    }

    void aHighToneBurstIsFoundThroughItsEnvelope() {
        // Block means cancel a 9 kHz tone; the envelope view still finds the burst.
        constexpr int64_t kLag = 3000;
        auto reference = SignalGenerator::silence(kOneSecond / 5, 1);
        const auto tone = SignalGenerator::sine(9000.0, 0.5, kOneSecond, 1, kRate);
        reference.insert(reference.end(), tone.begin(), tone.end());
        reference.resize(reference.size() + kOneSecond / 5, 0.0f);
        const auto recorded = delayed(reference, kLag, 2 * kOneSecond, 1.0f);
        const LagEstimate found = SignalComparison::findLag(reference, recorded, kOneSecond);
        QCOMPARE(found.lagFrames, kLag);
    }

    void aScaledExactCopyHasItsGainAndNoResidual() {
        const auto reference = SignalGenerator::whiteNoise(0.5, kOneSecond, 1, 4);
        const auto recorded = delayed(reference, 100, 100, 0.25f);
        const Comparison result = SignalComparison::compare(reference, recorded, 1000);
        QCOMPARE(result.lagFrames, int64_t{100});
        QVERIFY(std::abs(result.gain - 0.25) < 1e-9);
        QVERIFY(result.residualDb < -140.0);
        QCOMPARE(result.overlapFrames, kOneSecond);
    }

    void addedNoiseShowsAsTheResidualAfterGainMatching() {
        // Uniform noise: residual/matched energy = (b / (g * a))^2, here (0.0025 / 0.25)^2.
        constexpr double kGain = 0.5;
        constexpr double kSignalAmplitude = 0.5;
        constexpr double kNoiseAmplitude = 0.0025;
        const double expectedDb = 20.0 * std::log10(kNoiseAmplitude / (kGain * kSignalAmplitude));
        const auto reference = SignalGenerator::whiteNoise(kSignalAmplitude, kOneSecond, 1, 5);
        auto recorded = delayed(reference, 0, 0, static_cast<float>(kGain));
        addInPlace(recorded, SignalGenerator::whiteNoise(kNoiseAmplitude, kOneSecond, 1, 6));
        const Comparison result = SignalComparison::compare(reference, recorded, 1000);
        QCOMPARE(result.lagFrames, int64_t{0});
        QVERIFY(std::abs(result.gain - kGain) < 1e-3);
        QVERIFY2(
            std::abs(result.residualDb - expectedDb) < 0.5,
            qPrintable(
                QStringLiteral("%1 dB, expected %2 dB").arg(result.residualDb).arg(expectedDb)));
    }

    void silenceCorrelatesWithNothing() {
        const auto reference = SignalGenerator::whiteNoise(0.5, kOneSecond, 1, 7);
        const auto recorded = SignalGenerator::silence(2 * kOneSecond, 1);
        QCOMPARE(SignalComparison::findLag(reference, recorded, kOneSecond).correlation, 0.0);
    }

    void generatorsProduceTheirDefiningValues() {
        const auto sine = SignalGenerator::sine(1000.0, 0.5, kRate, 2, kRate);
        QCOMPARE(sine.size(), size_t{2 * kRate});
        QCOMPARE(sine[0], 0.0f);
        QCOMPARE(sine[2 * 12], sine[2 * 12 + 1]);       // same on both channels
        QVERIFY(std::abs(sine[2 * 12] - 0.5f) < 1e-6f); // a quarter period: the crest

        const auto chirp = SignalGenerator::chirp(100.0, 10000.0, 0.25, kRate, 1, kRate);
        const float chirpPeak = *std::max_element(chirp.begin(), chirp.end());
        QVERIFY(chirpPeak <= 0.25f && chirpPeak > 0.2499f);

        const auto pulses = SignalGenerator::impulses(100, 350, 1);
        QCOMPARE(pulses[0], 1.0f);
        QCOMPARE(pulses[100], -1.0f);
        QCOMPARE(pulses[200], 1.0f);
        QCOMPARE(pulses[300], -1.0f);
        QCOMPARE(std::count(pulses.begin(), pulses.end(), 0.0f), 346);

        const auto dc = SignalGenerator::dc({0.25f, -0.5f, 1.0f}, 4);
        QCOMPARE(dc.size(), size_t{12});
        QCOMPARE(dc[9], 0.25f);
        QCOMPARE(dc[10], -0.5f);
        QCOMPARE(dc[11], 1.0f);
    }

    void noiseIsReproducibleFromItsSeed() {
        const auto a = SignalGenerator::whiteNoise(1.0, 1000, 2, 42);
        QCOMPARE(a, SignalGenerator::whiteNoise(1.0, 1000, 2, 42));
        QVERIFY(a != SignalGenerator::whiteNoise(1.0, 1000, 2, 43));
        QVERIFY(std::all_of(a.begin(), a.end(), [](float s) { return std::abs(s) <= 1.0f; }));
        // Independent channels, so a channel swap is visible.
        const auto left = SignalComparison::channel(a, 2, 0);
        const auto right = SignalComparison::channel(a, 2, 1);
        QVERIFY(std::abs(SignalComparison::correlationAt(left, right, 0)) < 0.1);
    }

    void channelsAreExtractedAndMixed() {
        const auto dc = SignalGenerator::dc({0.25f, 0.75f}, 3);
        QCOMPARE(SignalComparison::channel(dc, 2, 1), std::vector<float>(3, 0.75f));
        QCOMPARE(SignalComparison::mixToMono(dc, 2), std::vector<float>(3, 0.5f));
    }

    void floatFilesRoundTripExactly() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("noise.wav")).toStdString();
        const auto noise = SignalGenerator::whiteNoise(0.9, 4800, 2, 8);
        QVERIFY(writeSoundFile(path, noise, 2, kRate, SF_FORMAT_WAV | SF_FORMAT_FLOAT).ok());
        const auto read = readSoundFile(path);
        QVERIFY(read.ok());
        QCOMPARE(read->channels, 2);
        QCOMPARE(read->sampleRate, kRate);
        QCOMPARE(read->frames(), int64_t{4800});
        QCOMPARE(read->samples, noise);
    }

    void sixteenBitFilesAreWithinOneStepAndClipAtFullScale() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("dc.flac")).toStdString();
        const auto dc = SignalGenerator::dc({0.3f, 1.5f, -1.5f}, 100);
        QVERIFY(writeSoundFile(path, dc, 3, 44100, SF_FORMAT_FLAC | SF_FORMAT_PCM_16).ok());
        const auto read = readSoundFile(path);
        QVERIFY(read.ok());
        QCOMPARE(read->sampleRate, 44100);
        QVERIFY(std::abs(read->samples[0] - 0.3f) <= 1.0f / 32768);
        QVERIFY(read->samples[1] > 0.999f); // clipped, not wrapped to negative
        QVERIFY(read->samples[2] <= -0.999f);
    }

    void fileErrorsAreValues() {
        QVERIFY(!readSoundFile("/nonexistent/missing.wav").ok());
        const auto written = writeSoundFile("/nonexistent/dir/out.wav", {0.0f}, 1, kRate,
                                            SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        QVERIFY(!written.ok());
        QVERIFY(!written.error().message.empty());
        QVERIFY(!writeSoundFile("/tmp/x.wav", {0.0f, 0.0f, 0.0f}, 2, kRate,
                                SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                     .ok());
    }
};

QTEST_GUILESS_MAIN(SignalToolsTest)
#include "SignalToolsTest.moc"
