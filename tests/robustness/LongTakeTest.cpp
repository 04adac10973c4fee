#include "core/engine/SampleRing.h"
#include "core/recording/DiskWriter.h"
#include "core/recording/RecordingFile.h"
#include "core/summary/SoundFile.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <thread>
#include <vector>

using namespace tapedeck;

// A take that grows past 4 GiB keeps going: the WAV becomes RF64 instead of failing at the
// RIFF size limit, and every frame can be read back. Writes about 4.3 GB, so it carries the
// "soak" label (CI runs it in the background).
class LongTakeTest : public QObject {
    Q_OBJECT

private slots:
    void aTakePast4GiBBecomesRf64AndKeepsEveryFrame() {
        constexpr int kChannels = 8;
        constexpr int kRate = 48000;
        constexpr std::int64_t kBlockFrames = 65536;
        constexpr std::int64_t kFourGiB = std::int64_t(1) << 32;
        constexpr std::int64_t kBytesPerFrame = kChannels * sizeof(float);
        // Just past 4 GiB of samples, in whole blocks.
        constexpr std::int64_t kBlocks = kFourGiB / kBytesPerFrame / kBlockFrames + 2;
        constexpr std::int64_t kTotalFrames = kBlocks * kBlockFrames;

        QTemporaryDir dir;
        const std::string path = dir.filePath("long.wav").toStdString();
        auto file = createRecordingFile(path, FileFormat::WavFloat, kRate, kChannels);
        QVERIFY(file.ok());
        SampleRing ring(kRate * 5, kChannels);
        DropoutQueue dropouts(16);
        DiskWriter writer(ring, dropouts, std::move(*file), path, kRate, {});
        writer.start();

        std::vector<float> block(kBlockFrames * kChannels);
        for (std::int64_t b = 0; b < kBlocks; ++b) {
            // Each block says which block it is, so a lost or repeated block shows.
            const float mark = static_cast<float>(b % 1000) / 1000.0f;
            for (std::int64_t i = 0; i < kBlockFrames * kChannels; ++i) {
                block[i] = mark;
            }
            std::int64_t done = 0;
            while (done < kBlockFrames) {
                done += ring.write(block.data() + done * kChannels, kBlockFrames - done);
                if (done < kBlockFrames) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
            }
        }
        QVERIFY(!writer.finish().has_value());
        QCOMPARE(writer.framesWritten(), kTotalFrames);

        std::ifstream raw(path, std::ios::binary);
        char magic[4];
        raw.read(magic, 4);
        QCOMPARE(std::string(magic, 4), std::string("RF64"));

        auto back = SoundFile::open(path);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(back->format().frames, kTotalFrames);
        std::vector<float> frame(kChannels);
        for (std::int64_t b : {std::int64_t(0), kBlocks / 2, kBlocks - 1}) {
            QVERIFY(back->seek(b * kBlockFrames + kBlockFrames / 2));
            QCOMPARE(back->read(frame.data(), 1), std::int64_t(1));
            QCOMPARE(frame[kChannels - 1], static_cast<float>(b % 1000) / 1000.0f);
        }
        qInfo("wrote %.2f GB in one take",
              static_cast<double>(kTotalFrames * kBytesPerFrame) / 1e9);
    }
};

QTEST_APPLESS_MAIN(LongTakeTest)
#include "LongTakeTest.moc"
