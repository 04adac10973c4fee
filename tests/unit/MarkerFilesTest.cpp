#include "core/io/BroadcastInfo.h"
#include "core/markers/FlacMarkerComments.h"
#include "core/markers/TakeMarkers.h"
#include "core/markers/WavMarkerChunks.h"
#include "core/recording/RecordingFile.h"
#include "core/recovery/RecordingJournal.h"
#include "core/recovery/Recovery.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QTemporaryDir>
#include <QtTest>
#include <sndfile.h>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;

const std::vector<Marker> kMarkers = {
    {0, "Start"}, {12345, "Verse"}, {24001, "Paused"}, {70001, "Ünïcode name, odd"}};

// libsndfile's own reading of the cue chunk: an independent check of the chunk's layout.
std::vector<std::int64_t> cuePositionsBySndfile(const std::string& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    std::vector<std::int64_t> positions;
    if (file == nullptr) {
        return positions;
    }
    std::uint32_t count = 0;
    if (sf_command(file, SFC_GET_CUE_COUNT, &count, sizeof count) == SF_TRUE && count > 0) {
        SF_CUES cues{};
        if (sf_command(file, SFC_GET_CUE, &cues, sizeof cues) == SF_TRUE) {
            for (std::uint32_t i = 0; i < cues.cue_count; ++i) {
                positions.push_back(cues.cue_points[i].sample_offset);
            }
        }
    }
    sf_close(file);
    return positions;
}
} // namespace

// Markers saved in and read back from take files, the journal and recovery. No sound server.
class MarkerFilesTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    // A 16-bit mono file with an odd frame count ends on an odd byte: the chunks must follow
    // its pad byte, and the audio must read back unchanged.
    void wavMarkersReadBackAndLeaveTheAudioAlone_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("channels");
        // libsndfile reads the cue chunk of WAV files, not of RF64 ones.
        QTest::addColumn<bool>("sndfileReadsCues");
        QTest::newRow("pcm16 mono odd") << (SF_FORMAT_WAV | SF_FORMAT_PCM_16) << 1 << true;
        QTest::newRow("pcm24 stereo") << (SF_FORMAT_WAV | SF_FORMAT_PCM_24) << 2 << true;
        QTest::newRow("rf64 float") << (SF_FORMAT_RF64 | SF_FORMAT_FLOAT) << 2 << false;
    }
    void wavMarkersReadBackAndLeaveTheAudioAlone() {
        QFETCH(int, format);
        QFETCH(int, channels);
        QFETCH(bool, sndfileReadsCues);
        const std::string file = path("m.wav");
        std::remove(file.c_str());
        const auto tone = SignalGenerator::sine(440, 0.5, 80001, channels, kRate);
        QVERIFY(writeSoundFile(file, tone, channels, kRate, format).ok());
        const auto before = readSoundFile(file);
        QVERIFY(before.ok());

        QVERIFY(wav_markers::append(file, kMarkers).ok());
        const auto markers = wav_markers::read(file);
        QVERIFY(markers.ok());
        QCOMPARE(*markers, kMarkers);
        QCOMPARE(take_markers::load(file), kMarkers);
        std::vector<std::int64_t> frames;
        for (const Marker& m : kMarkers) {
            frames.push_back(m.frame);
        }
        if (sndfileReadsCues) {
            QCOMPARE(cuePositionsBySndfile(file), frames);
        }

        const auto after = readSoundFile(file);
        QVERIFY(after.ok());
        QCOMPARE(after->frames(), before->frames());
        QVERIFY(after->samples == before->samples);
        QCOMPARE(QFileInfo(QString::fromStdString(file)).size() % 2, 0); // RIFF size is even
    }

    // Renaming or deleting markers of an open file rewrites them: no duplicates, the audio
    // untouched, and an empty list removes them.
    void replacingMarkersRewritesThem_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::newRow("wav") << "r.wav" << (SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        QTest::newRow("flac") << "r.flac" << (SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
    }
    void replacingMarkersRewritesThem() {
        QFETCH(QString, name);
        QFETCH(int, format);
        const std::string file = dir_.filePath(name).toStdString();
        const auto tone = SignalGenerator::sine(440, 0.5, 48001, 1, kRate);
        QVERIFY(writeSoundFile(file, tone, 1, kRate, format).ok());
        const auto before = readSoundFile(file);
        QVERIFY(take_markers::replace(file, kMarkers, kRate).ok());
        const std::vector<Marker> fewer = {{24000, "Renamed"}};
        QVERIFY(take_markers::replace(file, fewer, kRate).ok());
        QCOMPARE(take_markers::load(file), fewer);
        QVERIFY(take_markers::replace(file, {}, kRate).ok());
        QVERIFY(take_markers::load(file).empty());
        const auto after = readSoundFile(file);
        QVERIFY(after.ok());
        QVERIFY(after->samples == before->samples);
        QVERIFY(!take_markers::replace(dir_.filePath("none.txt").toStdString(), fewer, kRate).ok());
    }

    void aFileWithoutMarkersHasNone() {
        const std::string file = path("plain.wav");
        QVERIFY(writeSoundFile(file, SignalGenerator::silence(100, 1), 1, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        QVERIFY(wav_markers::read(file)->empty());
        QVERIFY(take_markers::load(file).empty());
        QVERIFY(!wav_markers::append(path("missing.wav"), kMarkers).ok());
    }

    void flacMarkersAreChapterCommentsToTheMillisecond() {
        const std::string file = path("m.flac");
        const auto tone = SignalGenerator::sine(440, 0.5, 80001, 2, kRate);
        QVERIFY(writeSoundFile(file, tone, 2, kRate, SF_FORMAT_FLAC | SF_FORMAT_PCM_24).ok());
        const auto before = readSoundFile(file);
        QVERIFY(flac_markers::write(file, kMarkers, kRate).ok());
        // Writing again replaces the chapters instead of listing them twice.
        QVERIFY(flac_markers::write(file, kMarkers, kRate).ok());
        const auto markers = flac_markers::read(file);
        QVERIFY(markers.ok());
        QCOMPARE(markers->size(), kMarkers.size());
        for (std::size_t i = 0; i < kMarkers.size(); ++i) {
            QCOMPARE((*markers)[i].name, kMarkers[i].name);
            QVERIFY2(std::abs((*markers)[i].frame - kMarkers[i].frame) <= kRate / 1000 / 2 + 1,
                     std::to_string((*markers)[i].frame).c_str());
        }
        QCOMPARE(take_markers::load(file).size(), kMarkers.size());
        const auto after = readSoundFile(file);
        QVERIFY(after.ok());
        QVERIFY(after->samples == before->samples);
        QCOMPARE(flac_markers::chapterTime(kRate * 3723 + kRate / 2, kRate),
                 std::string("01:02:03.500"));
        QCOMPARE(*flac_markers::parseChapterTime("01:02:03.500", kRate),
                 std::int64_t(kRate) * 3723 + kRate / 2);
        QVERIFY(!flac_markers::parseChapterTime("soon", kRate));
    }

    // A FLAC take keeps room for its markers, so saving them at the end edits the file in
    // place (the same size) instead of copying it; with no markers the room goes too.
    void flacTakesKeepRoomForMarkers_data() {
        QTest::addColumn<bool>("withMarkers");
        QTest::addColumn<int>("formatNumber");
        QTest::newRow("flac markers") << true << static_cast<int>(FileFormat::Flac);
        QTest::newRow("flac none") << false << static_cast<int>(FileFormat::Flac);
        QTest::newRow("ogg markers") << true << static_cast<int>(FileFormat::OggVorbis);
        QTest::newRow("ogg none") << false << static_cast<int>(FileFormat::OggVorbis);
    }
    void flacTakesKeepRoomForMarkers() {
        QFETCH(bool, withMarkers);
        QFETCH(int, formatNumber);
        const auto format = static_cast<FileFormat>(formatNumber);
        const std::string file = path(withMarkers ? "room" : "room-empty") + fileExtension(format);
        auto created = createRecordingFile(file, format, kRate, 2);
        QVERIFY(created.ok());
        const auto tone = SignalGenerator::sine(440, 0.5, kRate, 2, kRate);
        QCOMPARE(sf_writef_float(created->get(), tone.data(), kRate), sf_count_t(kRate));
        QCOMPARE(created->close(), 0);
        const auto reserved = [&file] {
            SF_INFO info{};
            SNDFILE* f = sf_open(file.c_str(), SFM_READ, &info);
            const char* comment = f ? sf_get_string(f, SF_STR_COMMENT) : nullptr;
            const bool found = comment != nullptr &&
                               std::string(comment).starts_with(flac_markers::kReservedSpacePrefix);
            if (f)
                sf_close(f);
            return found;
        };
        QVERIFY(reserved());
        const qint64 before = QFileInfo(QString::fromStdString(file)).size();
        const std::vector<Marker> markers = withMarkers ? kMarkers : std::vector<Marker>{};
        const auto audioBefore = readSoundFile(file);
        QVERIFY(audioBefore.ok());
        QVERIFY(take_markers::save(file, format, markers, kRate).ok());
        QCOMPARE(QFileInfo(QString::fromStdString(file)).size(), before);
        QVERIFY(!reserved());
        const auto loaded = take_markers::load(file);
        QCOMPARE(loaded.size(), markers.size());
        for (std::size_t i = 0; i < markers.size(); ++i) {
            QCOMPARE(loaded[i].name, markers[i].name);
            QVERIFY(std::abs(loaded[i].frame - markers[i].frame) <= kRate / 2000 + 1);
        }
        const auto back = readSoundFile(file);
        QVERIFY(back.ok());
        QCOMPARE(back->frames(), audioBefore->frames());
        QVERIFY(back->samples == audioBefore->samples);
    }

    void broadcastInfoCountsSamplesSinceLocalMidnight() {
        std::tm local{};
        local.tm_year = 2024 - 1900;
        local.tm_mon = 4;
        local.tm_mday = 1;
        local.tm_hour = 9;
        local.tm_min = 30;
        local.tm_sec = 15;
        local.tm_isdst = -1;
        const auto at = std::chrono::system_clock::from_time_t(std::mktime(&local)) +
                        std::chrono::milliseconds(500);
        const BroadcastInfo info = broadcastInfoFor("USB Mic", at, kRate);
        QCOMPARE(info.description, std::string("USB Mic"));
        QCOMPARE(info.originator, std::string("Tapedeck"));
        QCOMPARE(info.originationDate, std::string("2024-05-01"));
        QCOMPARE(info.originationTime, std::string("09:30:15"));
        QCOMPARE(info.timeReference, std::uint64_t((9 * 3600 + 30 * 60 + 15) * 48000 + 24000));

        const std::string file = path("bext.wav");
        auto created = createRecordingFile(file, FileFormat::Wav24, kRate, 2);
        QVERIFY(created.ok());
        QVERIFY(setBroadcastInfo(created->get(), info));
        const auto tone = SignalGenerator::sine(440, 0.5, 1000, 2, kRate);
        QCOMPARE(sf_writef_float(created->get(), tone.data(), 1000), sf_count_t(1000));
        QCOMPARE(created->close(), 0);
        const auto back = readBroadcastInfo(file);
        QVERIFY(back.has_value());
        QCOMPARE(back->description, info.description);
        QCOMPARE(back->originator, info.originator);
        QCOMPARE(back->originationDate, info.originationDate);
        QCOMPARE(back->originationTime, info.originationTime);
        QCOMPARE(back->timeReference, info.timeReference);
    }

    // A take that a crash left behind gets the markers its journal holds.
    void recoveryPutsTheJournalledMarkersInTheTake_data() {
        QTest::addColumn<int>("formatNumber");
        QTest::newRow("wav") << static_cast<int>(FileFormat::Wav24);
        QTest::newRow("flac") << static_cast<int>(FileFormat::Flac);
    }
    void recoveryPutsTheJournalledMarkersInTheTake() {
        QFETCH(int, formatNumber);
        const auto format = static_cast<FileFormat>(formatNumber);
        QTemporaryDir folder;
        const std::string take =
            folder.filePath("crashed" + QString::fromStdString(fileExtension(format)))
                .toStdString();
        JournalEntry entry;
        entry.takePath = take;
        entry.sampleRate = kRate;
        entry.channels = 2;
        entry.format = format;
        auto journal = RecordingJournal::begin(entry);
        QVERIFY(journal.ok());
        QVERIFY(journal->addMarker({4800, "First"}).ok());
        QVERIFY(journal->addMarker({9600, "line\nbreak"}).ok());
        const auto read = RecordingJournal::read(journal->path());
        QVERIFY(read.ok());
        const std::vector<Marker> expected = {{4800, "First"}, {9600, "line\nbreak"}};
        QCOMPARE(read->markers, expected);

        auto file = createRecordingFile(take, format, kRate, 2);
        QVERIFY(file.ok());
        const auto tone = SignalGenerator::sine(440, 0.5, kRate, 2, kRate);
        QCOMPARE(sf_writef_float(file->get(), tone.data(), kRate), sf_count_t(kRate));
        QCOMPARE(file->close(), 0);
        // The process that wrote the journal is this one: pretend it has gone.
        const auto found = Recovery::findUnfinishedTakes(folder.path().toStdString());
        QVERIFY(found.ok());
        QVERIFY(found->empty()); // still "recording": this process is alive
        UnfinishedTake unfinished;
        unfinished.journalPath = journal->path();
        unfinished.takePath = take;
        unfinished.journal = *read;
        const auto recovered = Recovery::recoverTake(unfinished);
        QVERIFY2(recovered.ok(), recovered.ok() ? "" : recovered.error().message.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(journal->path())));
        const auto markers = take_markers::load(take);
        QCOMPARE(markers.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(markers[i].name, expected[i].name);
            QVERIFY(std::abs(markers[i].frame - expected[i].frame) <= kRate / 2000 + 1);
        }
    }
};

QTEST_GUILESS_MAIN(MarkerFilesTest)
#include "MarkerFilesTest.moc"
