#include "CrashedTake.h"
#include "engine/CliProcess.h"

#include "core/recovery/RecordingJournal.h"
#include "core/recovery/Recovery.h"
#include "core/summary/AudioFileInfo.h"
#include "core/summary/SoundFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <sndfile.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;

std::vector<float> testSignal(std::int64_t frames, int channels) {
    std::vector<float> out(static_cast<std::size_t>(frames * channels));
    for (std::int64_t i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c) {
            out[i * channels + c] =
                0.5f * static_cast<float>(std::sin(2 * M_PI * (440.0 + 110 * c) * i / kRate));
        }
    }
    return out;
}

// A PID that belonged to a process that has exited.
std::int64_t deadPid() {
    const pid_t child = ::fork();
    if (child == 0) {
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

// Leaves a journal for `take` as a crashed recorder would: written by begin(), never
// finished, and naming a process that no longer runs.
void leaveJournal(const std::string& take, FileFormat format, int channels) {
    JournalEntry entry{take, "ALSA", "pulse", kRate, channels, format};
    auto journal = RecordingJournal::begin(entry);
    QVERIFY(journal.ok());
    const std::string path = journal->path();
    auto written = RecordingJournal::read(path);
    QVERIFY(written.ok());
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    text.replace(QStringLiteral("pid=%1\n").arg(written->pid),
                 QStringLiteral("pid=%1\n").arg(deadPid()));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

std::int64_t fileSize(const std::string& path) {
    return static_cast<std::int64_t>(std::filesystem::file_size(path));
}

} // namespace

// A take interrupted by a crash keeps every sample that reached the disk: its journal
// survives, recovery finds it and makes the file whole.
class RecoveryTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int counter_ = 0;

    std::string newPath(const char* extension) {
        return dir_.filePath(QStringLiteral("take-%1.%2").arg(++counter_).arg(extension))
            .toStdString();
    }

private slots:
    void theJournalHoldsTheTakeAndOutlivesItsObject() {
        const std::string take = newPath("wav");
        {
            JournalEntry entry{take, "ALSA", "Line In", 44100, 2, FileFormat::Flac};
            auto journal = RecordingJournal::begin(entry);
            QVERIFY2(journal.ok(), journal.ok() ? "" : journal.error().message.c_str());
            QCOMPARE(journal->path(), take + ".tapedeck-journal");
        } // destroyed without finish(): as in a crash
        const auto read = RecordingJournal::read(RecordingJournal::pathFor(take));
        QVERIFY(read.ok());
        QCOMPARE(read->entry.takePath, take);
        QCOMPARE(read->entry.hostApi, std::string("ALSA"));
        QCOMPARE(read->entry.deviceName, std::string("Line In"));
        QCOMPARE(read->entry.sampleRate, 44100);
        QCOMPARE(read->entry.channels, 2);
        QVERIFY(read->entry.format == FileFormat::Flac);
        QCOMPARE(read->version, RecordingJournal::kVersion);
        QCOMPARE(read->pid, static_cast<std::int64_t>(::getpid()));
        QVERIFY(read->startTime.size() == 20 && read->startTime.back() == 'Z');
        QVERIFY(Recovery::isStillRecording(*read));
        std::remove(RecordingJournal::pathFor(take).c_str());
    }

    void finishRemovesTheJournalOnce() {
        const std::string take = newPath("wav");
        auto journal =
            RecordingJournal::begin({take, "ALSA", "pulse", kRate, 2, FileFormat::Wav24});
        QVERIFY(journal.ok());
        QVERIFY(QFile::exists(QString::fromStdString(journal->path())));
        RecordingJournal moved = std::move(*journal);
        QVERIFY(!journal->isOpen());
        QVERIFY(journal->finish().ok()); // the moved-from journal owns nothing
        QVERIFY(QFile::exists(QString::fromStdString(moved.path())));
        const std::string path = moved.path();
        QVERIFY(moved.finish().ok());
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
        QVERIFY(moved.finish().ok());
    }

    void aJournalInAFolderThatCannotBeWrittenIsAnError() {
        const auto journal = RecordingJournal::begin(
            {"/proc/take.wav", "ALSA", "pulse", kRate, 2, FileFormat::Wav24});
        QVERIFY(!journal.ok());
        QVERIFY(journal.error().code == ErrorCode::Unwritable);
        qInfo("%s", journal.error().message.c_str());
    }

    void aTakeStillRecordingIsNotUnfinished() {
        QTemporaryDir folder;
        const std::string take = folder.filePath("live.wav").toStdString();
        auto journal =
            RecordingJournal::begin({take, "ALSA", "pulse", kRate, 2, FileFormat::Wav24});
        QVERIFY(journal.ok());
        auto found = Recovery::findUnfinishedTakes(folder.path().toStdString());
        QVERIFY(found.ok());
        QVERIFY(found->empty()); // this process wrote it and is running
        std::remove(journal->path().c_str());
        leaveJournal(take, FileFormat::Wav24, 2);
        found = Recovery::findUnfinishedTakes(folder.path().toStdString());
        QVERIFY(found.ok());
        QCOMPARE(found->size(), std::size_t{1});
        QCOMPARE(found->front().takePath, take);
        QVERIFY(found->front().journal.has_value());
    }

    void aCrashedWavTakeKeepsEveryFrame_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("channels");
        QTest::newRow("24-bit stereo") << static_cast<int>(FileFormat::Wav24) << 2;
        QTest::newRow("24-bit mono (odd data size)") << static_cast<int>(FileFormat::Wav24) << 1;
        QTest::newRow("16-bit stereo") << static_cast<int>(FileFormat::Wav16) << 2;
        QTest::newRow("float 3 channels") << static_cast<int>(FileFormat::WavFloat) << 3;
    }
    void aCrashedWavTakeKeepsEveryFrame() {
        QFETCH(int, format);
        QFETCH(int, channels);
        const auto fileFormat = static_cast<FileFormat>(format);
        constexpr std::int64_t kFrames = 3 * kRate + 77;
        const auto signal = testSignal(kFrames, channels);
        const std::string take = newPath("wav");
        const std::string reference = newPath("wav");
        QVERIFY(writeCrashedTake(take, fileFormat, kRate, channels, signal, kRate));
        QVERIFY(writeFinishedTake(reference, fileFormat, kRate, channels, signal));
        const std::int64_t before = headerFrames(take);
        qInfo("before recovery the header announces %lld of %lld frames",
              static_cast<long long>(before), static_cast<long long>(kFrames));
        QVERIFY(before >= kRate && before < kFrames);
        leaveJournal(take, fileFormat, channels);

        const auto found = Recovery::findUnfinishedTakes(dir_.path().toStdString());
        QVERIFY(found.ok());
        const auto it = std::find_if(found->begin(), found->end(),
                                     [&](const UnfinishedTake& t) { return t.takePath == take; });
        QVERIFY(it != found->end());
        const auto recovered = Recovery::recoverTake(*it);
        QVERIFY2(recovered.ok(), recovered.ok() ? "" : recovered.error().message.c_str());
        QVERIFY(recovered->method == RepairMethod::HeaderPatched);
        QCOMPARE(recovered->frames, kFrames);
        QCOMPARE(recovered->sampleRate, kRate);
        QVERIFY(!QFile::exists(QString::fromStdString(RecordingJournal::pathFor(take))));
        QCOMPARE(headerFrames(take), kFrames);
        QVERIFY(decodeAll(take) == decodeAll(reference)); // bit for bit what a clean stop gives
    }

    void aPartialLastFrameIsDroppedAndNothingElse() {
        constexpr std::int64_t kFrames = kRate;
        const auto signal = testSignal(kFrames, 2);
        const std::string take = newPath("wav");
        QVERIFY(writeCrashedTake(take, FileFormat::Wav24, kRate, 2, signal, 0));
        {
            QFile file(QString::fromStdString(take));
            QVERIFY(file.open(QIODevice::Append));
            file.write("\x01\x02\x03\x04", 4); // four bytes of a six-byte frame
        }
        const auto repaired = repairTakeFile(take, {});
        QVERIFY(repaired.ok());
        QCOMPARE(repaired->frames, kFrames);
        const auto decoded = decodeAll(take);
        QCOMPARE(static_cast<std::int64_t>(decoded.size()), kFrames * 2);
    }

    void aTakePastFourGiBBecomesRf64() {
        // The first second is real; the rest is a sparse hole, so the test needs no 4 GiB.
        const auto signal = testSignal(kRate, 2);
        const std::string take = newPath("wav");
        QVERIFY(writeCrashedTake(take, FileFormat::Wav24, kRate, 2, signal, 0));
        const std::int64_t headerBytes = fileSize(take) - kRate * 6;
        const std::int64_t frames = (std::int64_t{5} << 30) / 6;
        QVERIFY(::truncate(take.c_str(), headerBytes + frames * 6 + 5) == 0);
        const auto repaired = repairTakeFile(take, {});
        QVERIFY2(repaired.ok(), repaired.ok() ? "" : repaired.error().message.c_str());
        QCOMPARE(repaired->frames, frames);
        QFile file(QString::fromStdString(take));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(4), QByteArray("RF64"));
        file.close();
        auto start = decodeAll(take, nullptr, kRate);
        start.resize(static_cast<std::size_t>(kRate) * 2);
        const std::string clean = newPath("wav");
        QVERIFY(writeFinishedTake(clean, FileFormat::Wav24, kRate, 2, signal));
        QVERIFY(start == decodeAll(clean));
        SF_INFO info{};
        SNDFILE* sf = sf_open(take.c_str(), SFM_READ, &info);
        QVERIFY(sf != nullptr);
        QCOMPARE(sf_seek(sf, frames - 1, SEEK_SET), frames - 1);
        float last[2] = {1, 1};
        QCOMPARE(sf_readf_float(sf, last, 1), sf_count_t{1});
        QCOMPARE(last[0], 0.0f); // the hole reads as silence
        sf_close(sf);
        std::remove(take.c_str());
    }

    void aCrashedFlacTakeIsRewrittenLosslessly() {
        constexpr std::int64_t kFrames = 2 * kRate + 1000;
        const auto signal = testSignal(kFrames, 2);
        const std::string take = newPath("flac");
        QVERIFY(writeCrashedTake(take, FileFormat::Flac, kRate, 2, signal, kRate));
        const auto before = decodeAll(take);
        qInfo("before recovery the header announces %lld frames; %lld decode",
              static_cast<long long>(headerFrames(take)),
              static_cast<long long>(before.size() / 2));
        const auto repaired = repairTakeFile(take, {});
        QVERIFY2(repaired.ok(), repaired.ok() ? "" : repaired.error().message.c_str());
        QVERIFY(repaired->method == RepairMethod::Rewritten);
        QCOMPARE(repaired->frames, static_cast<std::int64_t>(before.size() / 2));
        QCOMPARE(headerFrames(take), repaired->frames); // the length is known again
        QVERIFY(decodeAll(take) == before);
        // Only the encoder's unfinished block (at most 4096 frames) was never on disk.
        QVERIFY(repaired->frames >= kFrames - 4096);
        QVERIFY(!QFile::exists(QString::fromStdString(take + ".repairing")));
        // A second pass finds nothing to do.
        const auto again = repairTakeFile(take, {});
        QVERIFY(again.ok());
        QVERIFY(again->method == RepairMethod::AlreadyWhole);
    }

    void aTakeOfUnknownLengthOpensBeforeItIsRecovered() {
        // libsndfile cannot tell the length of an unfinished FLAC take: opening it must
        // count the frames rather than believe "unknown" (which once aborted --info).
        constexpr std::int64_t kFrames = kRate + 500;
        const std::string take = newPath("flac");
        QVERIFY(writeCrashedTake(take, FileFormat::Flac, kRate, 2, testSignal(kFrames, 2), 0));
        QCOMPARE(headerFrames(take), std::int64_t{SF_COUNT_MAX});
        const std::int64_t decodable = static_cast<std::int64_t>(decodeAll(take).size() / 2);
        const auto opened = SoundFile::open(take);
        QVERIFY(opened.ok());
        QCOMPARE(opened->format().frames, decodable);
        const auto info = analyzeAudioFile(take);
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
        QCOMPARE(info->frames, decodable);
    }

    void aCrashedOggTakeLosesOnlyItsUnfinishedPage() {
        constexpr std::int64_t kFrames = 6 * kRate;
        const auto signal = testSignal(kFrames, 2);
        const std::string take = newPath("ogg");
        QVERIFY(writeCrashedTake(take, FileFormat::OggVorbis, kRate, 2, signal, 0));
        const std::int64_t size = fileSize(take);
        QVERIFY(::truncate(take.c_str(), size - 100) == 0); // cut the last page short
        const auto repaired = repairTakeFile(take, {});
        QVERIFY2(repaired.ok(), repaired.ok() ? "" : repaired.error().message.c_str());
        QVERIFY(repaired->method == RepairMethod::Truncated);
        qInfo("an Ogg take of %lld frames keeps %lld after a crash",
              static_cast<long long>(kFrames), static_cast<long long>(repaired->frames));
        QVERIFY(repaired->frames > kRate);
        QCOMPARE(headerFrames(take), repaired->frames);
    }

    void anEmptyTakeBecomesAValidEmptyFile() {
        const std::string take = newPath("wav");
        QFile(QString::fromStdString(take)).open(QIODevice::WriteOnly);
        const auto repaired = repairTakeFile(take, {FileFormat::Wav24, kRate, 2});
        QVERIFY(repaired.ok());
        QVERIFY(repaired->method == RepairMethod::EmptyTake);
        QCOMPARE(headerFrames(take), std::int64_t{0});
    }

    void aFlacTakeStoppedBeforeItsFirstBlockHoldsNoAudio() {
        const std::string take = newPath("flac");
        QVERIFY(writeCrashedTake(take, FileFormat::Flac, kRate, 2, testSignal(100, 2), 0));
        const auto repaired = repairTakeFile(take, {FileFormat::Flac, kRate, 2});
        QVERIFY2(repaired.ok(), repaired.ok() ? "" : repaired.error().message.c_str());
        QVERIFY(repaired->method == RepairMethod::EmptyTake);
    }

    void anOggTakeStoppedBeforeItsFirstAudioPageIsEmpty() {
        const std::string take = newPath("ogg");
        QVERIFY(writeCrashedTake(take, FileFormat::OggVorbis, kRate, 2, testSignal(4800, 2), 0));
        const auto repaired = repairTakeFile(take, {FileFormat::OggVorbis, kRate, 2});
        QVERIFY2(repaired.ok(), repaired.ok() ? "" : repaired.error().message.c_str());
        QCOMPARE(repaired->frames, std::int64_t{0});
    }

    void aFinishedTakeIsLeftUntouched() {
        const auto signal = testSignal(kRate, 2);
        const std::string take = newPath("wav");
        QVERIFY(writeFinishedTake(take, FileFormat::WavFloat, kRate, 2, signal));
        QFile file(QString::fromStdString(take));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const auto repaired = repairTakeFile(take, {});
        QVERIFY(repaired.ok());
        QVERIFY(repaired->method == RepairMethod::AlreadyWhole);
        QCOMPARE(repaired->frames, std::int64_t{kRate});
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == bytes);
    }

    void aMissingTakeOnlyLosesItsJournal() {
        QTemporaryDir folder;
        const std::string take = folder.filePath("gone.wav").toStdString();
        leaveJournal(take, FileFormat::Wav24, 2);
        const auto found = Recovery::findUnfinishedTakes(folder.path().toStdString());
        QVERIFY(found.ok() && found->size() == 1);
        const auto recovered = Recovery::recoverTake(found->front());
        QVERIFY(recovered.ok());
        QVERIFY(recovered->method == RepairMethod::Missing);
        QVERIFY(QDir(folder.path()).isEmpty());
    }

    void somethingElseIsNeverRewritten() {
        const std::string take = newPath("wav");
        {
            QFile file(QString::fromStdString(take));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4000, 'x'));
        }
        const auto repaired = repairTakeFile(take, {FileFormat::Wav24, kRate, 2});
        QVERIFY(!repaired.ok());
        QVERIFY(repaired.error().code == ErrorCode::FileUnreadable);
        QCOMPARE(fileSize(take), std::int64_t{4000});
    }

    void theRecoverCommandRepairsEveryTakeInAFolder() {
        QTemporaryDir folder;
        const auto signal = testSignal(2 * kRate, 2);
        for (const char* name : {"a.wav", "b.flac"}) {
            const std::string take = folder.filePath(name).toStdString();
            const FileFormat format =
                QByteArray(name).endsWith("flac") ? FileFormat::Flac : FileFormat::Wav24;
            QVERIFY(writeCrashedTake(take, format, kRate, 2, signal, kRate / 2));
            leaveJournal(take, format, 2);
        }
        const CliRun run = runTapedeck({"--recover", folder.path()});
        qInfo("%s", qPrintable(run.out.trimmed()));
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(run.err));
        const QStringList lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QStringLiteral("Recovered a.wav: 2.0 s"));
        QVERIFY2(lines[1].startsWith(QStringLiteral("Recovered b.flac: ")), qPrintable(lines[1]));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files).size(), 2); // journals gone

        const CliRun again = runTapedeck({"--recover", folder.path()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.startsWith(QStringLiteral("No unfinished takes")));

        const CliRun missing = runTapedeck({"--recover", folder.filePath("nowhere")});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err.trimmed().split('\n').size(), 1);
        QVERIFY2(missing.err.contains("does not exist"), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(RecoveryTest)
#include "RecoveryTest.moc"
