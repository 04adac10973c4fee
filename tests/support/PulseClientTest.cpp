#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <sndfile.h>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;
constexpr int kStereo = 2;
constexpr int64_t kOneSecond = kRate;
// Time for the last played samples to pass through the server into the recording.
constexpr int64_t kTailFrames = kOneSecond / 4;

} // namespace

// Proves the test harness itself: two pacat clients on the private server, one playing and
// one recording the sink's monitor, must agree sample for sample.
class PulseClientTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(PulseClient::insideTestServer(),
                 "run through tests/audio/with-sound-server.sh (ctest does)");
    }

    void aPlayedChirpIsRecordedBackFromTheMonitor() {
        const auto chirp = SignalGenerator::chirp(50.0, 15000.0, 0.5, kOneSecond, kStereo, kRate);
        PulseClient recorder;
        PulseClient player;
        QVERIFY2(recorder.startRecording(kStereo, kRate), qPrintable(recorder.errorString()));
        QVERIFY2(player.play(chirp, kStereo, kRate), qPrintable(player.errorString()));
        QVERIFY2(recorder.waitForRecordedFrames(recorder.recordedFrames() + kTailFrames),
                 qPrintable(recorder.errorString()));
        const auto recorded = recorder.stopRecording();
        QVERIFY2(recorded, qPrintable(recorder.errorString()));
        QCOMPARE(recorded->channels, kStereo);

        for (int channel = 0; channel < kStereo; ++channel) {
            const auto reference = SignalComparison::channel(chirp, kStereo, channel);
            const auto captured = SignalComparison::channel(recorded->samples, kStereo, channel);
            const Comparison result = SignalComparison::compare(reference, captured, kOneSecond);
            qInfo("channel %d: lag %lld frames, correlation %.6f, gain %.6f, residual %.1f dB",
                  channel, static_cast<long long>(result.lagFrames), result.correlation,
                  result.gain, result.residualDb);
            QVERIFY(result.lagFrames >= 0); // recording started first
            QCOMPARE(result.overlapFrames, kOneSecond);
            QVERIFY(result.correlation > 0.99);
            QVERIFY(std::abs(result.gain - 1.0) < 0.01);
        }
    }

    void aFilePlayedIntoTheSinkIsRecordedInMonoAtUnityGain() {
        // The server normalises the stereo-to-mono downmix: L = R = x must record as x.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("noise.wav"));
        const auto mono = SignalGenerator::whiteNoise(0.25, kOneSecond / 2, 1, 9);
        std::vector<float> stereo;
        for (float sample : mono) {
            stereo.push_back(sample);
            stereo.push_back(sample);
        }
        QVERIFY(writeSoundFile(path.toStdString(), stereo, kStereo, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                    .ok());
        PulseClient recorder;
        PulseClient player;
        QVERIFY2(recorder.startRecording(1, kRate), qPrintable(recorder.errorString()));
        QVERIFY2(player.playFile(path), qPrintable(player.errorString()));
        QVERIFY(recorder.waitForRecordedFrames(recorder.recordedFrames() + kTailFrames));
        const auto recorded = recorder.stopRecording();
        QVERIFY(recorded);
        const Comparison result = SignalComparison::compare(mono, recorded->samples, kOneSecond);
        qInfo("mono: lag %lld frames, correlation %.6f, gain %.6f, residual %.1f dB",
              static_cast<long long>(result.lagFrames), result.correlation, result.gain,
              result.residualDb);
        QVERIFY(result.correlation > 0.99);
        QVERIFY(std::abs(result.gain - 1.0) < 0.01);
    }

    void aFixedLengthRecordingHasExactlyThatLength() {
        PulseClient recorder;
        const auto recorded = recorder.record(kOneSecond / 10, kStereo, kRate);
        QVERIFY2(recorded, qPrintable(recorder.errorString()));
        QCOMPARE(recorded->frames(), kOneSecond / 10);
    }
};

QTEST_GUILESS_MAIN(PulseClientTest)
#include "PulseClientTest.moc"
