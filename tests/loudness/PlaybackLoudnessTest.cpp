// PlaybackLoudness: the loudness at the frame being heard, measured on a thread of its own
// from the file, and the whole file's integrated loudness in the time left over.

#include "loudness/EbuTestSignals.h"

#include "core/loudness/LoudnessMeter.h"
#include "core/playback/PlaybackLoudness.h"
#include "support/SoundFileIo.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;
constexpr int kChannels = 2;
constexpr int kWaitMs = 10000;
// EBU Tech 3341's tolerance for momentary and short-term loudness.
constexpr double kTolerance = 0.1;

std::int64_t at(double seconds) {
    return static_cast<std::int64_t>(seconds * kRate);
}

bool near(const std::optional<double>& lufs, double expected) {
    return lufs && std::abs(*lufs - expected) <= kTolerance;
}

QString describe(const LoudnessFigures& f) {
    const auto text = [](const std::optional<double>& v) {
        return v ? QString::number(*v, 'f', 2) : QStringLiteral("none");
    };
    return QStringLiteral("M %1, S %2, I %3 at %4 s")
        .arg(text(f.momentaryLufs), text(f.shortTermLufs), text(f.integratedLufs))
        .arg(f.seconds);
}

// Waits until the measuring thread has reached `frame`.
bool reached(const PlaybackLoudness& loudness, std::int64_t frame) {
    return QTest::qWaitFor(
        [&] { return std::abs(loudness.figures().seconds - double(frame) / kRate) < 1e-6; },
        kWaitMs);
}
} // namespace

class PlaybackLoudnessTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString quietThenLoud_;
    std::vector<float> samples_;

private slots:
    // 10 s of a 1 kHz stereo sine at -33 dBFS, then 10 s at -13 dBFS: -33 and -13 LUFS.
    void initTestCase() {
        samples_ = toneSegments({{10, -33}, {10, -13}}, kChannels, kRate);
        quietThenLoud_ = dir_.filePath("quiet-then-loud.wav");
        QVERIFY(writeSoundFile(quietThenLoud_.toStdString(), samples_, kChannels, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                    .ok());
    }

    void theFiguresAreThoseOfTheFrameHeard() {
        PlaybackLoudness loudness(quietThenLoud_.toStdString());
        loudness.follow(at(5));
        QVERIFY(reached(loudness, at(5)));
        LoudnessFigures f = loudness.figures();
        QVERIFY2(near(f.momentaryLufs, -33) && near(f.shortTermLufs, -33), qPrintable(describe(f)));
        // Playing on, into the loud part: the momentary figure follows within 400 ms.
        for (double s = 5.25; s <= 10.5; s += 0.25)
            loudness.follow(at(s));
        QVERIFY(reached(loudness, at(10.5)));
        f = loudness.figures();
        QVERIFY2(near(f.momentaryLufs, -13), qPrintable(describe(f)));
        QVERIFY2(f.shortTermLufs && *f.shortTermLufs > -33 + 1 && *f.shortTermLufs < -13 - 1,
                 qPrintable(describe(f)));
    }

    // Playback from the start, as the window follows it: from frame 0 in small steps.
    void playingFromTheStartFollowsAtOnce() {
        PlaybackLoudness loudness(quietThenLoud_.toStdString());
        loudness.follow(0);
        for (int step = 1; step <= 60; ++step) {
            loudness.follow(at(step * 0.05));
            QTest::qWait(2);
        }
        QVERIFY2(reached(loudness, at(3.0)), qPrintable(describe(loudness.figures())));
        const LoudnessFigures f = loudness.figures();
        QVERIFY2(near(f.momentaryLufs, -33), qPrintable(describe(f)));
    }

    // A click far ahead or back: the figures are right at once, the 3 s before the new
    // position measured, not the span jumped over.
    void aJumpMeasuresTheNewPlaceAtOnce() {
        PlaybackLoudness loudness(quietThenLoud_.toStdString());
        loudness.follow(at(2));
        QVERIFY(reached(loudness, at(2)));
        loudness.follow(at(16));
        QVERIFY(reached(loudness, at(16)));
        LoudnessFigures f = loudness.figures();
        QVERIFY2(near(f.momentaryLufs, -13) && near(f.shortTermLufs, -13), qPrintable(describe(f)));
        loudness.follow(at(8)); // back, as a loop does
        QVERIFY(reached(loudness, at(8)));
        f = loudness.figures();
        QVERIFY2(near(f.momentaryLufs, -33) && near(f.shortTermLufs, -33), qPrintable(describe(f)));
    }

    // The integrated figure is the whole file's, as an independent pass over it gives.
    void theIntegratedFigureIsTheWholeFiles() {
        LoudnessMeter reference(kChannels, kRate, LoudnessMeter::Peak::None);
        reference.addFrames(samples_.data(), std::int64_t(samples_.size()) / kChannels);
        const std::optional<double> expected = reference.integratedLufs();
        QVERIFY(expected);
        PlaybackLoudness loudness(quietThenLoud_.toStdString());
        QVERIFY(QTest::qWaitFor([&] { return loudness.wholeFileMeasured(); }, kWaitMs));
        const LoudnessFigures f = loudness.figures();
        QVERIFY2(f.integratedLufs && std::abs(*f.integratedLufs - *expected) < 0.01,
                 qPrintable(describe(f)));
        // The relative gate drops the quiet half: about the loud half's -13 LUFS (the blocks
        // that straddle the step pull it down by less than 0.1 LU).
        QVERIFY2(*f.integratedLufs < -13 && *f.integratedLufs > -13.2, qPrintable(describe(f)));
    }

    // A file that cannot be read shows no figures, and following it does no harm.
    void anUnreadableFileShowsNoFigures() {
        const QString notAudio = dir_.filePath("notes.wav");
        QFile file(notAudio);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are not samples");
        file.close();
        PlaybackLoudness loudness(notAudio.toStdString());
        loudness.follow(at(1));
        QTest::qWait(200);
        const LoudnessFigures f = loudness.figures();
        QVERIFY(!f.momentaryLufs && !f.shortTermLufs && !f.integratedLufs);
        QVERIFY(!loudness.wholeFileMeasured());
    }
};

QTEST_GUILESS_MAIN(PlaybackLoudnessTest)
#include "PlaybackLoudnessTest.moc"
