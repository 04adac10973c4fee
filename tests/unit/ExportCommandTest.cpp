#include "core/markers/FlacMarkerComments.h"
#include "core/markers/WavMarkerChunks.h"
#include "engine/CliProcess.h"

#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>

#include <cmath>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;
constexpr int kChannels = 2;

// Integer samples exactly as stored (no float scaling), and the file's format.
struct IntSamples {
    std::vector<int> samples;
    int format = 0;
    int rate = 0;
    int channels = 0;
};

IntSamples readInts(const QString& path) {
    IntSamples result;
    SF_INFO info{};
    SNDFILE* file = sf_open(path.toLocal8Bit().constData(), SFM_READ, &info);
    if (file == nullptr)
        return result;
    result.format = info.format;
    result.rate = info.samplerate;
    result.channels = info.channels;
    result.samples.resize(static_cast<std::size_t>(info.frames) * info.channels);
    const sf_count_t got = sf_readf_int(file, result.samples.data(), info.frames);
    result.samples.resize(static_cast<std::size_t>(got) * info.channels);
    sf_close(file);
    return result;
}

// Noise-like content, so a shift of a single frame would show.
std::vector<float> testSignal(int frames) {
    std::vector<float> samples(static_cast<std::size_t>(frames) * kChannels);
    std::uint32_t state = 12345;
    for (float& x : samples) {
        state = state * 1664525u + 1013904223u;
        x = static_cast<float>((state >> 8) % 20001) / 20000.0f - 0.5f;
    }
    return samples;
}

} // namespace

// `tapedeck --export IN OUT` as a user runs it: the span is copied sample for sample.
class ExportCommandTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString source24_;
    QString source16_;
    QString sourceFloat_;
    std::vector<float> signal_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        signal_ = testSignal(3 * kRate);
        source24_ = dir_.filePath("source24.wav");
        source16_ = dir_.filePath("source16.flac");
        sourceFloat_ = dir_.filePath("sourcefloat.wav");
        QVERIFY(writeSoundFile(source24_.toStdString(), signal_, kChannels, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_24)
                    .ok());
        QVERIFY(writeSoundFile(source16_.toStdString(), signal_, kChannels, kRate,
                               SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
                    .ok());
        QVERIFY(writeSoundFile(sourceFloat_.toStdString(), signal_, kChannels, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                    .ok());
    }

    void aSpanIsCopiedSampleForSample_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("expectedFormat");
        QTest::newRow("wav24 → wav keeps 24-bit")
            << source24_ << "a.wav" << QStringList{} << (SF_FORMAT_WAV | SF_FORMAT_PCM_24);
        QTest::newRow("wav24 → flac keeps 24-bit")
            << source24_ << "b.flac" << QStringList{} << (SF_FORMAT_FLAC | SF_FORMAT_PCM_24);
        QTest::newRow("flac16 → wav keeps 16-bit")
            << source16_ << "c.wav" << QStringList{} << (SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        QTest::newRow("float → wav keeps float")
            << sourceFloat_ << "d.wav" << QStringList{} << (SF_FORMAT_WAV | SF_FORMAT_FLOAT);
        QTest::newRow("wav24 → --format wav32f")
            << source24_ << "e.data" << QStringList{"--format", "wav32f"}
            << (SF_FORMAT_WAV | SF_FORMAT_FLOAT);
    }

    void aSpanIsCopiedSampleForSample() {
        QFETCH(QString, source);
        QFETCH(QString, name);
        QFETCH(QStringList, extra);
        QFETCH(int, expectedFormat);
        const QString out = dir_.filePath(name);
        // 0.5 s to 2.25 s: frames 24000 to 108000.
        const CliRun run = runTapedeck(
            QStringList{"--export", source, out, "--from", "0.5", "--to", "2.25"} + extra);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("84000 frames"), qPrintable(run.out));

        const IntSamples in = readInts(source);
        const IntSamples written = readInts(out);
        QCOMPARE(written.format, expectedFormat);
        QCOMPARE(written.rate, kRate);
        QCOMPARE(written.channels, kChannels);
        QCOMPARE(written.samples.size(), std::size_t{84000} * kChannels);
        if ((expectedFormat & SF_FORMAT_SUBMASK) == SF_FORMAT_FLOAT &&
            (in.format & SF_FORMAT_SUBMASK) != SF_FORMAT_FLOAT) {
            // 24-bit into float: every 24-bit value is exact in a float.
            const auto floats = readSoundFile(out.toStdString());
            const auto original = readSoundFile(source.toStdString());
            QVERIFY(floats.ok() && original.ok());
            for (std::size_t i = 0; i < floats->samples.size(); ++i)
                QCOMPARE(floats->samples[i], original->samples[24000 * kChannels + i]);
            return;
        }
        const auto first = in.samples.begin() + 24000 * kChannels;
        QVERIFY(std::equal(written.samples.begin(), written.samples.end(), first));
    }

    void theWholeFileWithoutFromAndTo() {
        const QString out = dir_.filePath("whole.wav");
        const CliRun run = runTapedeck({"--export", source24_, out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(readInts(out).samples, readInts(source24_).samples);
    }

    // The markers inside the span go along with their names, shifted; the others stay behind.
    void namedMarkersInsideTheSpanAreKept() {
        const QString in = dir_.filePath("marked.wav");
        QVERIFY(writeSoundFile(in.toStdString(), signal_, kChannels, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_24)
                    .ok());
        QVERIFY(tapedeck::wav_markers::append(in.toStdString(), {{12000, "Before"},
                                                                 {24000, "Question 1"},
                                                                 {60000, "Answer, long"},
                                                                 {108000, "After"}})
                    .ok());
        const QString out = dir_.filePath("marked.flac");
        const CliRun run =
            runTapedeck({"--export", in, out, "--from", "0.5", "--to", "2.25"}); // 24000-108000
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("with 2 marker(s)"), qPrintable(run.out));
        const auto markers = tapedeck::flac_markers::read(out.toStdString());
        QVERIFY(markers.ok());
        QCOMPARE(*markers,
                 (std::vector<tapedeck::Marker>{{0, "Question 1"}, {36000, "Answer, long"}}));
    }

    void anExistingFileIsNeverOverwritten() {
        const QString out = dir_.filePath("taken.wav");
        QFile existing(out);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();
        const CliRun run = runTapedeck({"--export", source24_, out});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("already exists"), qPrintable(run.err));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("keep me"));
    }

    void mistakesAreExplained_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("notCreated");
        const QString missing = dir_.filePath("missing.wav");
        QTest::newRow("no OUT") << QStringList{"--export", source24_} << "--export IN OUT"
                                << "";
        QTest::newRow("missing IN") << QStringList{"--export", missing, dir_.filePath("x1.wav")}
                                    << "does not exist" << dir_.filePath("x1.wav");
        QTest::newRow("to past the end")
            << QStringList{"--export", source24_, dir_.filePath("x2.wav"), "--to", "9"}
            << "past the end" << dir_.filePath("x2.wav");
        QTest::newRow("from past the end")
            << QStringList{"--export", source24_, dir_.filePath("x3.wav"), "--from", "3"}
            << "not before the end" << dir_.filePath("x3.wav");
        QTest::newRow("to before from")
            << QStringList{"--export", source24_, dir_.filePath("x4.wav"), "--from", "2",
                           "--to",     "1"}
            << "--to must come after --from" << dir_.filePath("x4.wav");
        QTest::newRow("unknown extension")
            << QStringList{"--export", source24_, dir_.filePath("x5.aac")}
            << ".wav, .flac, .ogg, .mp3 or .opus" << dir_.filePath("x5.aac");
        QTest::newRow("unknown format")
            << QStringList{"--export", source24_, dir_.filePath("x6.wav"), "--format", "aac"}
            << "--format takes" << dir_.filePath("x6.wav");
        QTest::newRow("negative from")
            << QStringList{"--export", source24_, dir_.filePath("x7.wav"), "--from", "-1"}
            << "--from takes" << dir_.filePath("x7.wav");
        QTest::newRow("from without export")
            << QStringList{"--info", source24_, "--from", "1"} << "go with --export"
            << "";
    }

    void mistakesAreExplained() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        QFETCH(QString, notCreated);
        const CliRun run = runTapedeck(arguments);
        QVERIFY(run.exitCode != 0);
        QVERIFY(!run.crashed);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QCOMPARE(run.err.count('\n'), 1); // one clear line
        if (!notCreated.isEmpty())
            QVERIFY(!QFile::exists(notCreated));
    }
};

QTEST_GUILESS_MAIN(ExportCommandTest)
#include "ExportCommandTest.moc"
