// SummaryCache: round trip, invalidation of changed files, damaged cache files.

#include "core/summary/SummaryCache.h"
#include "SignalFiles.h"
#include "core/summary/SoundFile.h"
#include "core/summary/SummaryBuilder.h"
#include "core/summary/WaveformSummary.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <cstdint>
#include <memory>

using namespace tapedeck;

namespace {

constexpr int kChannels = 2;
constexpr std::int64_t kFrames = 100000 + 3;

struct Scan {
    AudioFormat format;
    std::shared_ptr<WaveformSummary> summary;
    AudioStatistics statistics;
};

Scan scan(const std::string& path, bool loudness = false) {
    Result<SoundFile> file = SoundFile::open(path);
    if (!file) {
        return {};
    }
    Scan result;
    result.format = file->format();
    result.summary = std::make_shared<WaveformSummary>(result.format.channels);
    SummaryBuilder builder(std::move(*file), result.summary);
    builder.setMeasureLoudness(loudness);
    builder.run();
    result.statistics = builder.statistics();
    return result;
}

void setModifiedTime(const std::string& path, long seconds) {
    const timeval times[2] = {{seconds, 0}, {seconds, 0}};
    ::utimes(path.c_str(), times);
}

} // namespace

class SummaryCacheTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void aStoredSummaryLoadsBackEqual();
    void theScansLoudnessIsCachedWithIt();
    void aChangedFileMissesItsCache();
    void aDamagedCacheFileMisses();
    void aCacheFileOfAnotherFormatVersionMisses();
    void theCacheFileHoldsSixBytesPerFineEntryAndChannel();
    void theDefaultFolderFollowsXdgCacheHome();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::string audioPath_;
    std::string cacheDir_;
};

void SummaryCacheTest::init() {
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    qputenv("XDG_CACHE_HOME", dir_->filePath("xdg").toUtf8());
    audioPath_ = dir_->filePath("take.wav").toStdString();
    cacheDir_ = dir_->filePath("cache").toStdString();
    QVERIFY(testsignals::writeFile(audioPath_, testsignals::sine(kFrames, kChannels), kChannels));
}

void SummaryCacheTest::aStoredSummaryLoadsBackEqual() {
    const Scan original = scan(audioPath_);
    QVERIFY(original.summary && original.summary->isComplete());
    SummaryCache cache(cacheDir_);
    Result<SummaryCacheKey> key = SummaryCache::keyFor(audioPath_);
    QVERIFY(key.ok());
    QVERIFY(!cache.load(*key, original.format).has_value());
    QVERIFY(cache.store(*key, original.format, *original.summary, original.statistics).ok());
    QVERIFY(QFile::exists(QString::fromStdString(cache.cachePathFor(*key))));

    const std::optional<CachedSummary> loaded = cache.load(*key, original.format);
    QVERIFY(loaded.has_value());
    const WaveformSummary& a = *original.summary;
    const WaveformSummary& b = *loaded->summary;
    QVERIFY(b.isComplete());
    QCOMPARE(b.frames(), a.frames());
    for (int level = 0; level < WaveformSummary::kLevelCount; ++level) {
        QCOMPARE(b.entryCount(level), a.entryCount(level));
        for (std::int64_t k = 0; k < a.entryCount(level); ++k) {
            for (int c = 0; c < kChannels; ++c) {
                const SummaryEntry x = a.entry(level, c, k);
                const SummaryEntry y = b.entry(level, c, k);
                QCOMPARE(y.min, x.min);
                QCOMPARE(y.max, x.max);
                QCOMPARE(y.rms, x.rms);
            }
        }
    }
    // The statistics, with the summary and alone (what --info reads).
    const std::optional<AudioStatistics> alone = cache.loadStatistics(*key, original.format);
    QVERIFY(alone.has_value());
    for (const AudioStatistics* statistics : {&loaded->statistics, &*alone}) {
        QCOMPARE(statistics->frames, original.statistics.frames);
        for (int c = 0; c < kChannels; ++c) {
            QCOMPARE(statistics->channels[c].peak, original.statistics.channels[c].peak);
            QCOMPARE(statistics->channels[c].sumSquares,
                     original.statistics.channels[c].sumSquares);
            QCOMPARE(statistics->channels[c].clippedSamples,
                     original.statistics.channels[c].clippedSamples);
        }
    }
}

// The loudness measured in the scan's own read comes back from the cache as it was, reason
// and missing figures included (the 2.1 s signal has no loudness range); a scan without
// loudness comes back without it.
void SummaryCacheTest::theScansLoudnessIsCachedWithIt() {
    const Scan measured = scan(audioPath_, true);
    QVERIFY(measured.statistics.loudness.has_value());
    const LoudnessReading& l = *measured.statistics.loudness;
    QVERIFY(l.integratedLufs && l.truePeakDbtp && !l.rangeLu && !l.reason.empty());
    SummaryCache cache(cacheDir_);
    const SummaryCacheKey key = *SummaryCache::keyFor(audioPath_);
    QVERIFY(cache.store(key, measured.format, *measured.summary, measured.statistics).ok());
    const std::optional<CachedSummary> loaded = cache.load(key, measured.format);
    QVERIFY(loaded && loaded->statistics.loudness);
    const std::optional<AudioStatistics> alone = cache.loadStatistics(key, measured.format);
    QVERIFY(alone && alone->loudness);
    QCOMPARE(alone->loudness->integratedLufs, l.integratedLufs);
    QCOMPARE(alone->loudness->reason, l.reason);
    const LoudnessReading& m = *loaded->statistics.loudness;
    QCOMPARE(m.integratedLufs, l.integratedLufs);
    QCOMPARE(m.rangeLu, l.rangeLu);
    QCOMPARE(m.truePeakDbtp, l.truePeakDbtp);
    QCOMPARE(m.maxMomentaryLufs, l.maxMomentaryLufs);
    QCOMPARE(m.maxShortTermLufs, l.maxShortTermLufs);
    QCOMPARE(m.reason, l.reason);

    const Scan plain = scan(audioPath_);
    QVERIFY(!plain.statistics.loudness);
    QVERIFY(cache.store(key, plain.format, *plain.summary, plain.statistics).ok());
    const std::optional<CachedSummary> without = cache.load(key, plain.format);
    QVERIFY(without && !without->statistics.loudness);
}

void SummaryCacheTest::aChangedFileMissesItsCache() {
    setModifiedTime(audioPath_, 1'000'000'000);
    const Scan original = scan(audioPath_);
    SummaryCache cache(cacheDir_);
    const SummaryCacheKey key = *SummaryCache::keyFor(audioPath_);
    QVERIFY(cache.store(key, original.format, *original.summary, original.statistics).ok());
    QVERIFY(cache.load(*SummaryCache::keyFor(audioPath_), original.format).has_value());

    // Same length, different samples: rewritten in place, then the old time put back
    // except for the nanoseconds. The size is unchanged; the key must still differ.
    QVERIFY(testsignals::writeFile(audioPath_, testsignals::dc(kFrames, kChannels), kChannels));
    const timespec times[2] = {{1'000'000'000, 500}, {1'000'000'000, 500}};
    QCOMPARE(::utimensat(AT_FDCWD, audioPath_.c_str(), times, 0), 0);
    const SummaryCacheKey changed = *SummaryCache::keyFor(audioPath_);
    QCOMPARE(changed.size, key.size);
    QVERIFY(!(changed == key));
    QVERIFY(!cache.load(changed, original.format).has_value());

    // A longer file.
    QVERIFY(testsignals::writeFile(audioPath_, testsignals::dc(kFrames * 2, kChannels), kChannels));
    QVERIFY(!cache.load(*SummaryCache::keyFor(audioPath_), original.format).has_value());

    // Another file moved into its place (new inode, same times and size).
    const std::string other = dir_->filePath("other.wav").toStdString();
    QVERIFY(testsignals::writeFile(other, testsignals::sine(kFrames, kChannels), kChannels));
    QVERIFY(testsignals::writeFile(audioPath_, testsignals::sine(kFrames, kChannels), kChannels));
    setModifiedTime(audioPath_, 1'000'000'000);
    setModifiedTime(other, 1'000'000'000);
    const SummaryCacheKey before = *SummaryCache::keyFor(audioPath_);
    QVERIFY(cache.store(before, original.format, *original.summary, original.statistics).ok());
    QVERIFY(std::rename(other.c_str(), audioPath_.c_str()) == 0);
    QVERIFY(!cache.load(*SummaryCache::keyFor(audioPath_), original.format).has_value());
}

void SummaryCacheTest::aDamagedCacheFileMisses() {
    const Scan original = scan(audioPath_);
    SummaryCache cache(cacheDir_);
    const SummaryCacheKey key = *SummaryCache::keyFor(audioPath_);
    QVERIFY(cache.store(key, original.format, *original.summary, original.statistics).ok());
    const QString cachePath = QString::fromStdString(cache.cachePathFor(key));
    QFile file(cachePath);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() - 5));
    file.close();
    QVERIFY(!cache.load(key, original.format).has_value());
    QVERIFY(!cache.loadStatistics(key, original.format).has_value());

    QVERIFY(file.open(QIODevice::Append));
    file.write("0123456789"); // longer than it was written
    file.close();
    QVERIFY(!cache.load(key, original.format).has_value());
    QVERIFY(!cache.loadStatistics(key, original.format).has_value());

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("not a summary");
    file.close();
    QVERIFY(!cache.load(key, original.format).has_value());
    QVERIFY(!cache.loadStatistics(key, original.format).has_value());
}

void SummaryCacheTest::aCacheFileOfAnotherFormatVersionMisses() {
    const Scan original = scan(audioPath_);
    SummaryCache cache(cacheDir_);
    const SummaryCacheKey key = *SummaryCache::keyFor(audioPath_);
    QVERIFY(cache.store(key, original.format, *original.summary, original.statistics).ok());
    QVERIFY(cache.load(key, original.format).has_value());
    // The version follows the 8-byte magic. A file of the float format (version 1) or of a
    // later one misses, whatever follows.
    QFile file(QString::fromStdString(cache.cachePathFor(key)));
    for (const std::uint32_t version :
         {SummaryCache::kFormatVersion - 1, SummaryCache::kFormatVersion + 1}) {
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(8));
        QCOMPARE(file.write(reinterpret_cast<const char*>(&version), sizeof(version)),
                 qint64(sizeof(version)));
        file.close();
        QVERIFY(!cache.load(key, original.format).has_value());
    }
}

void SummaryCacheTest::theCacheFileHoldsSixBytesPerFineEntryAndChannel() {
    const Scan original = scan(audioPath_);
    SummaryCache cache(cacheDir_);
    const SummaryCacheKey key = *SummaryCache::keyFor(audioPath_);
    QVERIFY(cache.store(key, original.format, *original.summary, original.statistics).ok());
    const std::int64_t entries = original.summary->entryCount(0);
    QCOMPARE(entries,
             (kFrames + WaveformSummary::kBlockFrames[0] - 1) / WaveformSummary::kBlockFrames[0]);
    const std::int64_t payload = entries * kChannels * 6;
    const std::int64_t header = QFile(QString::fromStdString(cache.cachePathFor(key))).size() -
                                payload - static_cast<std::int64_t>(key.canonicalPath.size());
    QVERIFY2(header > 0 && header <= 256, qPrintable(QString("header %1 bytes").arg(header)));
}

void SummaryCacheTest::theDefaultFolderFollowsXdgCacheHome() {
    SummaryCache cache;
    QCOMPARE(QString::fromStdString(cache.directory()), dir_->filePath("xdg") + "/tapedeck");
    const Scan original = scan(audioPath_);
    const SummaryCacheKey key = *SummaryCache::keyFor(audioPath_);
    QVERIFY(cache.store(key, original.format, *original.summary, original.statistics).ok());
    QVERIFY(QFile::exists(dir_->filePath("xdg/tapedeck")));
    QVERIFY(cache.load(key, original.format).has_value());
}

QTEST_GUILESS_MAIN(SummaryCacheTest)
#include "SummaryCacheTest.moc"
