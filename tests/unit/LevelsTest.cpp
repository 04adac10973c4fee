#include "core/dsp/Levels.h"
#include "core/dsp/ChannelMapper.h"

#include <QtTest>
#include <cmath>
#include <vector>

using namespace tapedeck;

class LevelsTest : public QObject {
    Q_OBJECT

private slots:
    void aFullScaleSineHasPeakOneAndRmsOneOverRootTwo() {
        constexpr int kFrames = 48000;
        std::vector<float> stereo(kFrames * 2);
        for (int i = 0; i < kFrames; ++i) {
            stereo[i * 2] = static_cast<float>(std::sin(2 * M_PI * 1000.0 * i / 48000.0));
            stereo[i * 2 + 1] = 0.25f; // DC
        }
        EngineEvent e;
        measureLevels(stereo.data(), kFrames, 2, e);
        QCOMPARE(e.channels, 2);
        QVERIFY(std::abs(e.peak[0] - 1.0f) < 1e-3f);
        QVERIFY(std::abs(e.rms[0] - 1.0f / std::sqrt(2.0f)) < 1e-3f);
        QCOMPARE(e.peak[1], 0.25f);
        QVERIFY(std::abs(e.rms[1] - 0.25f) < 1e-6f);
    }

    void negativeImpulsesCountAsPeaks() {
        std::vector<float> mono(100, 0.0f);
        mono[50] = -0.5f;
        EngineEvent e;
        measureLevels(mono.data(), 100, 1, e);
        QCOMPARE(e.peak[0], 0.5f);
        QVERIFY(std::abs(e.rms[0] - 0.05f) < 1e-6f);
    }

    void onlyTheFirstEightChannelsAreMetered() {
        std::vector<float> frames(10 * 12, 0.1f);
        EngineEvent e;
        measureLevels(frames.data(), 10, 12, e);
        QCOMPARE(e.channels, kMaxMeteredChannels);
    }

    void decibelsOfSilenceAreFloored() {
        QCOMPARE(linearToDb(0.0), -120.0);
        QVERIFY(std::abs(linearToDb(0.5) - (-6.0206)) < 1e-3);
        QCOMPARE(linearToDb(1.0), 0.0);
    }

    void monoPlaysOnBothChannels() {
        const ChannelMapper mapper(1, 2);
        const std::vector<float> in{0.1f, -0.2f};
        std::vector<float> out(4);
        mapper.map(in.data(), out.data(), 2);
        QCOMPARE(out, (std::vector<float>{0.1f, 0.1f, -0.2f, -0.2f}));
    }

    void stereoToMonoAverages() {
        const ChannelMapper mapper(2, 1);
        const std::vector<float> in{0.5f, 0.1f};
        std::vector<float> out(1);
        mapper.map(in.data(), out.data(), 1);
        QVERIFY(std::abs(out[0] - 0.3f) < 1e-6f);
    }

    void surround51FoldsCentreIntoBothSidesWithoutClipping() {
        const ChannelMapper mapper(6, 2);
        const std::vector<float> centreOnly{0, 0, 1, 0, 0, 0};
        const std::vector<float> allFull{1, 1, 1, 1, 1, 1};
        std::vector<float> out(2);
        mapper.map(centreOnly.data(), out.data(), 1);
        QVERIFY(out[0] > 0.2f && std::abs(out[0] - out[1]) < 1e-6f);
        mapper.map(allFull.data(), out.data(), 1);
        QVERIFY(out[0] <= 1.0f + 1e-6f && out[1] <= 1.0f + 1e-6f);
        QVERIFY(out[0] > 0.99f);
    }

    void quadFoldsEvenChannelsLeftAndOddRight() {
        const ChannelMapper mapper(4, 2);
        const std::vector<float> in{0.2f, 0.4f, 0.6f, 0.8f};
        std::vector<float> out(2);
        mapper.map(in.data(), out.data(), 1);
        QVERIFY(std::abs(out[0] - 0.4f) < 1e-6f);
        QVERIFY(std::abs(out[1] - 0.6f) < 1e-6f);
    }
};

QTEST_APPLESS_MAIN(LevelsTest)
#include "LevelsTest.moc"
