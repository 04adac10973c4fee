#include "ui/meters/LevelMeter.h"
#include "ui/meters/MeterBallistics.h"

#include <QSignalSpy>
#include <QTest>

#include <array>

using tapedeck::LevelMeter;
using tapedeck::MeterBallistics;

namespace {

constexpr double kTolerance = 1e-6;

// One block at `peak` / `rms` on every channel.
struct Block {
    std::array<float, MeterBallistics::kMaxChannels> peak{};
    std::array<float, MeterBallistics::kMaxChannels> rms{};
    Block(float peakValue, float rmsValue) {
        peak.fill(peakValue);
        rms.fill(rmsValue);
    }
};

} // namespace

class TestMeterBallistics : public QObject {
    Q_OBJECT
private slots:
    void silenceSitsAtTheFloor() {
        QCOMPARE(MeterBallistics::toDb(0.0f), MeterBallistics::kFloorDb);
        QCOMPARE(MeterBallistics::toDb(1e-9f), MeterBallistics::kFloorDb);
        QVERIFY(qAbs(MeterBallistics::toDb(1.0f)) < kTolerance);
        QVERIFY(qAbs(MeterBallistics::toDb(0.1f) + 20.0) < 1e-4);
    }

    void aPeakJumpsUpAtOnceAndFallsAtTheNamedRate() {
        MeterBallistics meter;
        meter.setChannelCount(2);
        const Block loud(1.0f, 0.1f);
        meter.feed(2, loud.peak.data(), loud.rms.data(), 10.0);
        QVERIFY(qAbs(meter.channel(0).peakDb) < kTolerance);
        QVERIFY(qAbs(meter.channel(1).rmsDb + 20.0) < 1e-4);

        meter.advance(11.0);
        QVERIFY(qAbs(meter.channel(0).peakDb + MeterBallistics::kPeakFallDbPerSecond) < 1e-4);
        QVERIFY(qAbs(meter.channel(0).rmsDb - (-20.0 - MeterBallistics::kRmsFallDbPerSecond)) <
                1e-4);

        meter.advance(100.0);
        QCOMPARE(meter.channel(0).peakDb, MeterBallistics::kFloorDb);
        QVERIFY(meter.isIdle());
    }

    void aQuieterBlockDoesNotPullThePeakDown() {
        MeterBallistics meter;
        meter.setChannelCount(1);
        const Block loud(0.5f, 0.25f);
        const Block quiet(0.01f, 0.001f);
        meter.feed(1, loud.peak.data(), loud.rms.data(), 0.0);
        meter.feed(1, quiet.peak.data(), quiet.rms.data(), 0.1);
        const double expected =
            MeterBallistics::toDb(0.5f) - 0.1 * MeterBallistics::kPeakFallDbPerSecond;
        QVERIFY(qAbs(meter.channel(0).peakDb - expected) < 1e-4);
    }

    void theHoldLineStaysThenFalls() {
        MeterBallistics meter;
        meter.setChannelCount(1);
        const Block loud(1.0f, 0.5f);
        meter.feed(1, loud.peak.data(), loud.rms.data(), 0.0);

        meter.advance(MeterBallistics::kPeakHoldSeconds - 0.1);
        QVERIFY(qAbs(meter.channel(0).holdDb) < kTolerance);

        const double later = MeterBallistics::kPeakHoldSeconds + 0.5;
        meter.advance(later);
        const double expected = -0.5 * MeterBallistics::kHoldFallDbPerSecond;
        QVERIFY2(qAbs(meter.channel(0).holdDb - expected) < 1e-4,
                 qPrintable(QString::number(meter.channel(0).holdDb)));
        QVERIFY(meter.channel(0).holdDb >= meter.channel(0).peakDb);
    }

    void aNewHigherPeakRestartsTheHold() {
        MeterBallistics meter;
        meter.setChannelCount(1);
        const Block medium(0.1f, 0.05f);
        const Block loud(0.5f, 0.05f);
        meter.feed(1, medium.peak.data(), medium.rms.data(), 0.0);
        meter.feed(1, loud.peak.data(), loud.rms.data(), 1.0);
        meter.advance(1.0 + MeterBallistics::kPeakHoldSeconds - 0.01);
        QVERIFY(qAbs(meter.channel(0).holdDb - MeterBallistics::toDb(0.5f)) < 1e-4);
    }

    void theClipLatchStaysUntilCleared() {
        MeterBallistics meter;
        meter.setChannelCount(2);
        std::array<float, 2> peak = {0.5f, 1.0f};
        std::array<float, 2> rms = {0.1f, 0.1f};
        meter.feed(2, peak.data(), rms.data(), 0.0);
        QVERIFY(!meter.channel(0).clipped);
        QVERIFY(meter.channel(1).clipped);

        meter.advance(60.0);
        QVERIFY(meter.channel(1).clipped);
        QVERIFY(!meter.isIdle() || meter.anyClipped());

        meter.clearClips();
        QVERIFY(!meter.anyClipped());
    }

    // A take that clipped, stopped: the window resets the meter for the file it opens (same
    // channels, or fewer); the clip light stays on until it is clicked.
    void theClipLatchOutlivesAResetUntilClicked() {
        LevelMeter widget;
        widget.resize(300, 60);
        std::array<float, 2> peak = {0.25f, 1.0f};
        std::array<float, 2> rms = {0.1f, 0.5f};
        widget.addLevels(2, peak.data(), rms.data());
        QVERIFY(widget.isClipped(1));
        widget.setChannelCount(2);
        widget.reset();
        QVERIFY(widget.isClipped(1));
        QVERIFY(!widget.isClipped(0));
        widget.setChannelCount(3);
        QVERIFY(widget.isClipped(1));
        widget.setChannelCount(1); // the clipped channel is gone with its light
        widget.setChannelCount(2);
        QVERIFY(!widget.isClipped(1));
        widget.addLevels(2, peak.data(), rms.data());
        QTest::mouseClick(&widget, Qt::LeftButton);
        QVERIFY(!widget.isClipped(1));
    }

    void theWidgetUsesTheInjectedClockAndClearsTheClipOnClick() {
        double now = 5.0;
        LevelMeter widget;
        widget.setClock([&now] { return now; });
        widget.resize(300, 60);
        std::array<float, 2> peak = {1.0f, 0.25f};
        std::array<float, 2> rms = {0.5f, 0.1f};
        widget.addLevels(2, peak.data(), rms.data());
        QCOMPARE(widget.channelCount(), 2);
        QVERIFY(widget.isClipped(0));
        QVERIFY(!widget.isClipped(1));

        now += 1.0;
        widget.advance();
        QVERIFY(qAbs(widget.ballistics().channel(0).peakDb +
                     MeterBallistics::kPeakFallDbPerSecond) < 1e-4);

        widget.grab(); // paints without a crash at any level
        QSignalSpy cleared(&widget, &LevelMeter::clipCleared);
        QTest::mouseClick(&widget, Qt::LeftButton);
        QCOMPARE(cleared.count(), 1);
        QVERIFY(!widget.isClipped(0));
    }

    void theVerticalMeterPaints() {
        LevelMeter widget;
        widget.setOrientation(Qt::Vertical);
        widget.setChannelCount(MeterBallistics::kMaxChannels);
        widget.resize(widget.sizeHint());
        QVERIFY(!widget.grab().isNull());
    }
};

QTEST_MAIN(TestMeterBallistics)
#include "TestMeterBallistics.moc"
