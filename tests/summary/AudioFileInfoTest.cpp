// analyzeAudioFile against an independent computation, and its errors.

#include "core/summary/AudioFileInfo.h"
#include "SignalFiles.h"
#include "core/summary/SampleReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace tapedeck;

namespace {

constexpr int kRate = 44100;
constexpr double kDbTolerance = 1e-3;

} // namespace

class AudioFileInfoTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void figuresMatchAnIndependentComputationFor16Bit();
    void floatFilesCountSamplesAtOrBeyondFullScaleAsClipped();
    void silenceReportsMinusInfinity();
    void missingEmptyAndNonAudioFilesAreErrors();
    void sampleReaderReturnsTheRequestedWindow();

private:
    QTemporaryDir dir_;
};

void AudioFileInfoTest::initTestCase() {
    QVERIFY(dir_.isValid());
    qputenv("XDG_CACHE_HOME", dir_.filePath("xdg").toUtf8());
}

void AudioFileInfoTest::figuresMatchAnIndependentComputationFor16Bit() {
    // Channel 0: a sine peaking at 16384 with 5 samples at +32767 and 4 at -32768.
    // Channel 1: DC at -8192 with 3 samples at -32767 (not the extreme code: not clipped).
    constexpr std::int64_t kFrames = kRate * 3 + 17;
    std::vector<short> codes(kFrames * 2);
    for (std::int64_t f = 0; f < kFrames; ++f) {
        codes[f * 2] = static_cast<short>(std::lround(16384.0 * std::sin(0.05 * f)));
        codes[f * 2 + 1] = -8192;
    }
    for (int i = 0; i < 5; ++i) {
        codes[(1000 + i * 7919) * 2] = 32767;
    }
    for (int i = 0; i < 4; ++i) {
        codes[(2000 + i * 7919) * 2] = -32768;
    }
    for (int i = 0; i < 3; ++i) {
        codes[(3000 + i * 7919) * 2 + 1] = -32767;
    }
    const std::string path = dir_.filePath("clip16.wav").toStdString();
    QVERIFY(testsignals::writeShorts(path, codes, 2, kRate));

    // Independent: straight from the integer codes, in double.
    double peak[2] = {0, 0};
    double squares[2] = {0, 0};
    for (std::int64_t f = 0; f < kFrames; ++f) {
        for (int c = 0; c < 2; ++c) {
            const double x = codes[f * 2 + c] / 32768.0;
            peak[c] = std::max(peak[c], std::fabs(x));
            squares[c] += x * x;
        }
    }

    Result<AudioFileInfo> info = analyzeAudioFile(path);
    QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
    QCOMPARE(info->sampleRate, kRate);
    QCOMPARE(info->channels, 2);
    QCOMPARE(info->frames, kFrames);
    QVERIFY(std::fabs(info->durationSeconds - static_cast<double>(kFrames) / kRate) < 1e-9);
    QVERIFY(QString::fromStdString(info->formatName).contains("WAV"));
    QVERIFY(QString::fromStdString(info->encodingName).contains("16"));
    QCOMPARE(info->channelInfo.size(), std::size_t(2));
    const std::int64_t expectedClipped[2] = {9, 0};
    for (int c = 0; c < 2; ++c) {
        const ChannelInfo& ch = info->channelInfo[c];
        const double peakDb = 20.0 * std::log10(peak[c]);
        const double rmsDb = 20.0 * std::log10(std::sqrt(squares[c] / kFrames));
        QVERIFY2(std::fabs(ch.peakDbfs - peakDb) < kDbTolerance,
                 qPrintable(QString("peak %1 vs %2").arg(ch.peakDbfs).arg(peakDb)));
        QVERIFY2(std::fabs(ch.rmsDbfs - rmsDb) < kDbTolerance,
                 qPrintable(QString("rms %1 vs %2").arg(ch.rmsDbfs).arg(rmsDb)));
        QCOMPARE(ch.clippedSamples, expectedClipped[c]);
    }
    QCOMPARE(info->channelInfo[0].peakDbfs, 0.0); // -32768 reads as exactly -1.0
}

void AudioFileInfoTest::floatFilesCountSamplesAtOrBeyondFullScaleAsClipped() {
    constexpr std::int64_t kFrames = 10000;
    std::vector<float> s(kFrames, 0.25f);
    s[10] = 1.0f;
    s[20] = -1.5f;
    s[30] = 0.999f;
    const std::string path = dir_.filePath("float.wav").toStdString();
    QVERIFY(testsignals::writeFile(path, s, 1, kRate));
    Result<AudioFileInfo> info = analyzeAudioFile(path);
    QVERIFY(info.ok());
    QCOMPARE(info->channelInfo[0].clippedSamples, 2);
    QVERIFY(std::fabs(info->channelInfo[0].peakDbfs - 20.0 * std::log10(1.5)) < kDbTolerance);
}

void AudioFileInfoTest::silenceReportsMinusInfinity() {
    const std::string path = dir_.filePath("silence.wav").toStdString();
    QVERIFY(testsignals::writeFile(path, std::vector<float>(4800, 0.0f), 1, kRate));
    Result<AudioFileInfo> info = analyzeAudioFile(path);
    QVERIFY(info.ok());
    QCOMPARE(info->channelInfo[0].peakDbfs, -std::numeric_limits<double>::infinity());
    QCOMPARE(info->channelInfo[0].rmsDbfs, -std::numeric_limits<double>::infinity());
    QCOMPARE(info->channelInfo[0].clippedSamples, 0);
}

void AudioFileInfoTest::missingEmptyAndNonAudioFilesAreErrors() {
    Result<AudioFileInfo> missing = analyzeAudioFile(dir_.filePath("nope.wav").toStdString());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::FileNotFound);
    QVERIFY(!missing.error().message.empty());

    const QString emptyPath = dir_.filePath("empty.wav");
    QFile empty(emptyPath);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    Result<AudioFileInfo> emptyInfo = analyzeAudioFile(emptyPath.toStdString());
    QVERIFY(!emptyInfo.ok());
    QCOMPARE(emptyInfo.error().code, ErrorCode::FileEmpty);

    const QString textPath = dir_.filePath("notes.wav");
    QFile text(textPath);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("These are notes, not audio.\n");
    text.close();
    Result<AudioFileInfo> textInfo = analyzeAudioFile(textPath.toStdString());
    QVERIFY(!textInfo.ok());
    QCOMPARE(textInfo.error().code, ErrorCode::FileUnreadable);
}

void AudioFileInfoTest::sampleReaderReturnsTheRequestedWindow() {
    constexpr std::int64_t kFrames = 5000;
    const std::vector<float> s = testsignals::sine(kFrames, 2);
    const std::string path = dir_.filePath("window.wav").toStdString();
    QVERIFY(testsignals::writeFile(path, s, 2, kRate));
    Result<SampleWindow> window = SampleReader::read(path, 1000, 300);
    QVERIFY(window.ok());
    QCOMPARE(window->startFrame, 1000);
    QCOMPARE(window->frames, 300);
    for (std::int64_t f = 1000; f < 1300; ++f) {
        QCOMPARE(window->sample(f, 0), s[f * 2]);
        QCOMPARE(window->sample(f, 1), s[f * 2 + 1]);
    }
    Result<SampleWindow> tail = SampleReader::read(path, 4900, 300);
    QVERIFY(tail.ok());
    QCOMPARE(tail->frames, 100);
}

QTEST_GUILESS_MAIN(AudioFileInfoTest)
#include "AudioFileInfoTest.moc"
