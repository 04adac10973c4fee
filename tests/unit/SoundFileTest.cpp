#include "core/summary/SoundFile.h"
#include "core/engine/SampleRing.h"
#include "core/io/FileFormat.h"
#include "core/recording/DiskWriter.h"
#include "core/recording/DropoutLog.h"
#include "core/recording/RecordingFile.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <csignal>
#include <fstream>
#include <sys/resource.h>
#include <vector>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
constexpr int kChannels = 2;

std::vector<float> stereoSine(std::int64_t frames) {
    std::vector<float> out(static_cast<std::size_t>(frames * kChannels));
    for (std::int64_t i = 0; i < frames; ++i) {
        out[i * 2] = 0.5f * static_cast<float>(std::sin(2 * M_PI * 440.0 * i / kRate));
        out[i * 2 + 1] = 0.25f * static_cast<float>(std::sin(2 * M_PI * 1000.0 * i / kRate));
    }
    return out;
}

// Writes `samples` through the real take path: ring → disk-writer thread → libsndfile.
std::optional<Error> writeThroughDiskWriter(const std::string& path, FileFormat format,
                                            const std::vector<float>& samples,
                                            std::int64_t holdSilenceFrom = -1) {
    auto file = createRecordingFile(path, format, kRate, kChannels);
    if (!file) {
        return file.error();
    }
    const auto frames = static_cast<std::int64_t>(samples.size() / kChannels);
    SampleRing ring(frames + 1, kChannels);
    ring.write(samples.data(), frames);
    DropoutQueue dropouts(16);
    DiskWriter writer(ring, dropouts, std::move(*file), path, kRate, {});
    if (holdSilenceFrom >= 0) {
        writer.holdSilenceFrom(holdSilenceFrom);
    }
    writer.start();
    return writer.finish();
}

std::vector<float> readAll(const std::string& path, AudioFormat* formatOut = nullptr) {
    auto readable = SoundFile::open(path);
    if (!readable) {
        return {};
    }
    const AudioFormat& format = readable->format();
    std::vector<float> out(static_cast<std::size_t>(format.frames * format.channels));
    readable->read(out.data(), format.frames);
    if (formatOut != nullptr) {
        *formatOut = format;
    }
    return out;
}

double worstError(const std::vector<float>& a, const std::vector<float>& b) {
    double worst = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        worst = std::max(worst, static_cast<double>(std::abs(a[i] - b[i])));
    }
    return worst;
}

} // namespace

class SoundFileTest : public QObject {
    Q_OBJECT

private slots:
    void everyFormatRoundTrips_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("wav16") << "wav16" << 1.0 / 16384;
        QTest::newRow("wav24") << "wav24" << 1.0 / 4'000'000;
        QTest::newRow("wav32f") << "wav32f" << 0.0;
        QTest::newRow("flac") << "flac" << 1.0 / 4'000'000;
        QTest::newRow("ogg") << "ogg" << -1.0; // lossy: compared by energy below
    }
    void everyFormatRoundTrips() {
        QFETCH(QString, name);
        QFETCH(double, tolerance);
        const auto format = parseFileFormat(name.toStdString());
        QVERIFY(format.has_value());
        QTemporaryDir dir;
        const std::string path =
            dir.filePath("take" + QString::fromStdString(fileExtension(*format))).toStdString();
        const auto samples = stereoSine(kRate); // one second
        QVERIFY(!writeThroughDiskWriter(path, *format, samples).has_value());
        AudioFormat info;
        const auto back = readAll(path, &info);
        QCOMPARE(info.channels, kChannels);
        QCOMPARE(info.sampleRate, kRate);
        if (tolerance >= 0) {
            QCOMPARE(info.frames, static_cast<std::int64_t>(kRate));
            QVERIFY2(worstError(samples, back) <= tolerance,
                     qPrintable(QString::number(worstError(samples, back))));
        } else {
            QVERIFY(std::abs(info.frames - kRate) < 2048);
            double energyIn = 0;
            double energyOut = 0;
            for (std::size_t i = 0; i < std::min(samples.size(), back.size()); ++i) {
                energyIn += samples[i] * samples[i];
                energyOut += back[i] * back[i];
            }
            QVERIFY(std::abs(10 * std::log10(energyOut / energyIn)) < 0.5); // within 0.5 dB
        }
    }

    // Input beyond full scale (float capture can deliver it) is clipped, never wrapped, and
    // never stops the FLAC encoder.
    void samplesBeyondFullScaleAreClipped_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("flac") << "flac";
        QTest::newRow("wav16") << "wav16";
        QTest::newRow("wav24") << "wav24";
    }
    void samplesBeyondFullScaleAreClipped() {
        QFETCH(QString, name);
        const auto format = parseFileFormat(name.toStdString());
        QTemporaryDir dir;
        const std::string path =
            dir.filePath("hot" + QString::fromStdString(fileExtension(*format))).toStdString();
        auto samples = stereoSine(kRate);
        samples[1000] = 1.5f;
        samples[2001] = -3.0f;
        QVERIFY(!writeThroughDiskWriter(path, *format, samples).has_value());
        AudioFormat info;
        const auto back = readAll(path, &info);
        QCOMPARE(info.frames, static_cast<std::int64_t>(kRate));
        QVERIFY(back[1000] > 0.99f);
        QVERIFY(back[2001] < -0.99f);
    }

    void aWavTakeIsAPlainWavFileBelow4GiB() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("take.wav").toStdString();
        QVERIFY(!writeThroughDiskWriter(path, FileFormat::Wav24, stereoSine(1000)).has_value());
        std::ifstream in(path, std::ios::binary);
        char magic[4];
        in.read(magic, 4);
        QCOMPARE(std::string(magic, 4), std::string("RIFF"));
    }

    void aRecordingNeverOverwritesAFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("exists.wav").toStdString();
        std::ofstream(path) << "precious";
        auto file = createRecordingFile(path, FileFormat::Wav24, kRate, kChannels);
        QVERIFY(!file.ok());
        QCOMPARE(file.error().code, ErrorCode::FileExists);
        QVERIFY(file.error().message.find("already exists") != std::string::npos);
        std::ifstream in(path);
        std::string content;
        in >> content;
        QCOMPARE(content, std::string("precious"));
    }

    void aMissingFolderIsReportedAsUnwritable() {
        auto file =
            createRecordingFile("/nonexistent-folder/take.wav", FileFormat::Wav24, kRate, 2);
        QVERIFY(!file.ok());
        QCOMPARE(file.error().code, ErrorCode::Unwritable);
        QVERIFY(file.error().message.find("does not exist") != std::string::npos);
    }

    void aFolderThatIsAFileIsReported() {
        QTemporaryDir dir;
        const std::string notAFolder = dir.filePath("plain").toStdString();
        std::ofstream(notAFolder) << "x";
        auto file = createRecordingFile(notAFolder + "/take.wav", FileFormat::Wav24, kRate, 2);
        QVERIFY(!file.ok());
        QVERIFY(!file.error().message.empty());
    }

    void flacRefusesMoreThanEightChannelsAndLeavesNoFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("x.flac");
        auto file = createRecordingFile(path.toStdString(), FileFormat::Flac, kRate, 12);
        QVERIFY(!file.ok());
        QCOMPARE(file.error().code, ErrorCode::UnsupportedFormat);
        QVERIFY(!QFile::exists(path));
    }

    void badFilesGiveClearErrors() {
        QTemporaryDir dir;
        const std::string empty = dir.filePath("empty.wav").toStdString();
        std::ofstream(empty).close();
        const std::string text = dir.filePath("notes.wav").toStdString();
        std::ofstream(text) << "this is not audio at all, just some words in a file\n";
        const std::string truncatedHeader = dir.filePath("cut.wav").toStdString();
        std::ofstream(truncatedHeader, std::ios::binary) << "RIFF\x10\0\0\0WAVEfmt ";

        const auto missing = SoundFile::open(dir.filePath("missing.wav").toStdString());
        QCOMPARE(missing.error().code, ErrorCode::FileNotFound);
        QCOMPARE(SoundFile::open(empty).error().code, ErrorCode::FileEmpty);
        QCOMPARE(SoundFile::open(text).error().code, ErrorCode::FileUnreadable);
        QCOMPARE(SoundFile::open(truncatedHeader).error().code, ErrorCode::FileUnreadable);
        QCOMPARE(SoundFile::open(dir.path().toStdString()).error().code, ErrorCode::FileUnreadable);
        QVERIFY(missing.error().message.find("does not exist") != std::string::npos);
    }

    // Frames the callback had to drop come back as silence of the same length, at their
    // place, so everything after them stays in time; each dropout is logged beside the take.
    void aDroppedSpanIsKeptAsSilenceAndLogged() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("gappy.wav").toStdString();
        auto file = createRecordingFile(path, FileFormat::WavFloat, kRate, kChannels);
        QVERIFY(file.ok());
        // Captured: 100 frames kept, 30 dropped, 70 kept, 10 dropped at the very end.
        const auto all = stereoSine(210);
        SampleRing ring(1000, kChannels);
        ring.write(all.data(), 100);
        ring.write(all.data() + 130 * kChannels, 70);
        DropoutQueue dropouts(16);
        dropouts.try_enqueue(Dropout{100, 30, DropoutKind::RingOverflow});
        dropouts.try_enqueue(Dropout{150, 0, DropoutKind::Xrun});
        dropouts.try_enqueue(Dropout{200, 10, DropoutKind::RingOverflow});
        {
            DiskWriter writer(ring, dropouts, std::move(*file), path, kRate, {});
            writer.start();
            QVERIFY(!writer.finish().has_value());
            QCOMPARE(writer.framesWritten(), std::int64_t(210));
            QCOMPARE(writer.dropoutsLogged(), 3);
        }
        AudioFormat info;
        const auto back = readAll(path, &info);
        QCOMPARE(info.frames, std::int64_t(210));
        for (std::int64_t f = 0; f < 210; ++f) {
            const bool lost = (f >= 100 && f < 130) || f >= 200;
            for (int c = 0; c < kChannels; ++c) {
                const float expected = lost ? 0.0f : all[f * kChannels + c];
                QCOMPARE(back[f * kChannels + c], expected);
            }
        }
        std::ifstream log(DropoutLog::pathFor(path));
        std::string header;
        std::getline(log, header);
        std::string line;
        std::vector<std::string> lines;
        while (std::getline(log, line)) {
            lines.push_back(line);
        }
        QCOMPARE(lines.size(), std::size_t(3));
        QVERIFY(lines[0].starts_with("100\t") && lines[0].ends_with("\t30\toverflow"));
        QVERIFY(lines[1].starts_with("150\t") && lines[1].ends_with("\t0\txrun"));
        QVERIFY(lines[2].starts_with("200\t") && lines[2].ends_with("\t10\toverflow"));
    }

    // After an unplug the stream runs on to collect what the device had captured; silence
    // from a source the server moved it to is left out, the take's own silence is kept.
    void heldSilenceIsLeftOutOnlyAtTheEnd() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("unplugged.wav").toStdString();
        auto samples = stereoSine(kRate / 2);                   // sound
        samples.resize(samples.size() + kRate / 5 * kChannels); // the take's own silence
        const auto more = stereoSine(kRate / 4);                // sound again
        samples.insert(samples.end(), more.begin() + kChannels, more.end());
        const std::size_t takeSamples = samples.size();
        samples.resize(samples.size() + kRate / 5 * kChannels); // the moved stream's silence
        QVERIFY(!writeThroughDiskWriter(path, FileFormat::WavFloat, samples, kRate / 4));
        const auto back = readAll(path);
        QCOMPARE(back.size(), takeSamples);
        QCOMPARE(worstError(samples, back), 0.0);
    }

    void aTakeWithoutDropoutsHasNoSidecar() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("clean.wav").toStdString();
        QVERIFY(!writeThroughDiskWriter(path, FileFormat::Wav16, stereoSine(1000)).has_value());
        QVERIFY(!QFile::exists(QString::fromStdString(DropoutLog::pathFor(path))));
    }

    // A write that fails mid-take (here: the file-size limit) stops cleanly with a message,
    // and the file keeps every frame written before the failure.
    void aFailedWriteKeepsWhatWasWritten() {
        std::signal(SIGXFSZ, SIG_IGN);
        QTemporaryDir dir;
        const std::string path = dir.filePath("limited.wav").toStdString();
        rlimit saved{};
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit limited = saved;
        limited.rlim_cur = 300'000; // bytes: about 1 s of 24-bit stereo
        setrlimit(RLIMIT_FSIZE, &limited);
        const auto error = writeThroughDiskWriter(path, FileFormat::Wav24, stereoSine(3 * kRate));
        setrlimit(RLIMIT_FSIZE, &saved);
        QVERIFY(error.has_value());
        QCOMPARE(error->code, ErrorCode::WriteFailed);
        QVERIFY(error->message.find("largest size") != std::string::npos);
        AudioFormat info;
        const auto back = readAll(path, &info);
        QVERIFY2(info.frames > kRate / 2, qPrintable(QString::number(info.frames)));
        const auto expected = stereoSine(info.frames);
        QVERIFY(worstError(expected, back) < 1.0 / 4'000'000);
    }
};

QTEST_APPLESS_MAIN(SoundFileTest)
#include "SoundFileTest.moc"
