// Live loudness: LiveLoudness fed on a thread of its own, as the disk writer feeds it, read
// by the readout beside the meter (offscreen platform).

#include "loudness/EbuTestSignals.h"

#include "core/loudness/LiveLoudness.h"
#include "ui/meters/LoudnessReadout.h"

#include <QApplication>
#include <QtTest>

#include <thread>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;
const QString kMinus23 = QString(QChar(0x2212)) + QStringLiteral("23.0");

// Feeds `signal` in 1024-frame writes, as the disk writer does, on a thread of its own.
void feedOnAnotherThread(LiveLoudness& live, const std::vector<float>& signal, int channels) {
    std::thread writer([&] {
        const auto frames = static_cast<std::int64_t>(signal.size()) / channels;
        for (std::int64_t done = 0; done < frames; done += 1024)
            live.addFrames(signal.data() + done * channels,
                           std::min<std::int64_t>(1024, frames - done));
    });
    writer.join();
}
} // namespace

class LoudnessReadoutTest : public QObject {
    Q_OBJECT

private slots:
    // EBU Tech 3341 case 1 (stereo 1 kHz at -23 dBFS) read live: M, S and I all -23.0.
    void aTakeAtMinus23ReadsMinus23() {
        auto live = std::make_shared<LiveLoudness>(2);
        live->setSampleRate(kRate);
        LoudnessReadout readout;
        readout.setSource(live);
        QVERIFY(readout.isRunning());
        QCOMPARE(readout.momentaryText(), QStringLiteral("M —"));
        QCOMPARE(readout.integratedText(), QStringLiteral("I — LUFS"));
        feedOnAnotherThread(*live, toneSegments({{5, -23}}, 2, kRate), 2);
        readout.refresh();
        QCOMPARE(readout.momentaryText(), QStringLiteral("M ") + kMinus23);
        QCOMPARE(readout.shortTermText(), QStringLiteral("S ") + kMinus23);
        QCOMPARE(readout.integratedText(),
                 QStringLiteral("I ") + kMinus23 + QStringLiteral(" LUFS"));
        QCOMPARE(live->figures().seconds, 5.0);
    }

    // Frames written before the stream's rate is known are measured once it is: nothing is
    // lost from the integrated figure.
    void framesBeforeTheRateAreKept() {
        LiveLoudness live(2);
        const std::vector<float> quiet = toneSegments({{2, -33}}, 2, kRate);
        const std::vector<float> loud = toneSegments({{2, -13}}, 2, kRate);
        live.addFrames(quiet.data(), static_cast<std::int64_t>(quiet.size()) / 2);
        QVERIFY(!live.figures().integratedLufs);
        live.setSampleRate(kRate);
        live.addFrames(loud.data(), static_cast<std::int64_t>(loud.size()) / 2);
        QCOMPARE(live.figures().seconds, 4.0);
        LoudnessMeter whole(2, kRate, LoudnessMeter::Peak::None);
        whole.addFrames(quiet.data(), static_cast<std::int64_t>(quiet.size()) / 2);
        whole.addFrames(loud.data(), static_cast<std::int64_t>(loud.size()) / 2);
        QVERIFY(live.figures().shortTermLufs && whole.shortTermLufs());
        QCOMPARE(float(*live.figures().shortTermLufs), float(*whole.shortTermLufs()));
    }

    // A take whose loudness cannot be measured (its channels changed as it started) keeps
    // and measures nothing.
    void aDisabledMeterKeepsNothing() {
        LiveLoudness live(2);
        live.setSampleRate(LiveLoudness::kDisabled);
        feedOnAnotherThread(live, toneSegments({{2, -23}}, 2, kRate), 2);
        QCOMPARE(live.figures().seconds, 0.0);
        QVERIFY(!live.figures().momentaryLufs);
    }

    // When the take ends the last figures stay; a new take starts from dashes.
    void theLastFiguresStayAfterTheTake() {
        auto live = std::make_shared<LiveLoudness>(1);
        live->setSampleRate(kRate);
        LoudnessReadout readout;
        readout.setSource(live);
        feedOnAnotherThread(*live, toneSegments({{1, -20}}, 1, kRate), 1);
        readout.stop();
        QVERIFY(!readout.isRunning());
        const QString momentary = readout.momentaryText();
        QVERIFY2(momentary.contains(QChar(0x2212)), qPrintable(momentary));
        readout.refresh(); // stays as it was
        QCOMPARE(readout.momentaryText(), momentary);
        readout.setSource(std::make_shared<LiveLoudness>(1));
        QCOMPARE(readout.momentaryText(), QStringLiteral("M —"));
        readout.setSource(nullptr);
        QVERIFY(!readout.isRunning());
    }

    // Digital silence has no loudness: dashes, not a number.
    void silenceShowsDashes() {
        auto live = std::make_shared<LiveLoudness>(2);
        live->setSampleRate(kRate);
        LoudnessReadout readout;
        readout.setSource(live);
        feedOnAnotherThread(*live, std::vector<float>(2 * 4 * kRate, 0.0f), 2);
        readout.refresh();
        QCOMPARE(readout.momentaryText(), QStringLiteral("M —"));
        QCOMPARE(readout.shortTermText(), QStringLiteral("S —"));
        QCOMPARE(readout.integratedText(), QStringLiteral("I — LUFS"));
    }
};

QTEST_MAIN(LoudnessReadoutTest)
#include "LoudnessReadoutTest.moc"
