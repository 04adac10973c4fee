#include "core/summary/SummaryCache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <type_traits>
#include <vector>

namespace tapedeck {

namespace {

constexpr char kMagic[8] = {'T', 'D', 'W', 'F', 'S', 'U', 'M', '\0'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::uint32_t kMaxPathBytes = 65536;
constexpr std::int64_t kIoBatchEntries = 65536;
constexpr std::uint32_t kMaxReasonBytes = 4096;
constexpr const char* kCacheSuffix = ".tdsum";
// Entries are stored as they are in memory: two int16 and a uint16, native byte order
// (kByteOrderMark rejects a file from a machine of the other order).
static_assert(sizeof(SummaryEntry) == 6 && std::is_trivially_copyable_v<SummaryEntry>);

// A closed-on-destruction FILE*.
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

std::uint64_t fnv1a(const std::string& text) {
    constexpr std::uint64_t kOffset = 14695981039346656037ull;
    constexpr std::uint64_t kPrime = 1099511628211ull;
    std::uint64_t hash = kOffset;
    for (unsigned char ch : text) {
        hash ^= ch;
        hash *= kPrime;
    }
    return hash;
}

std::string defaultDirectory() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg != nullptr && xdg[0] == '/') {
        return std::string(xdg) + "/tapedeck";
    }
    const char* home = std::getenv("HOME");
    return std::string(home != nullptr ? home : "/tmp") + "/.cache/tapedeck";
}

class HeaderWriter {
public:
    template <typename T> void put(const T& value) {
        const auto* p = reinterpret_cast<const char*>(&value);
        bytes_.insert(bytes_.end(), p, p + sizeof(T));
    }
    void putBytes(const std::string& text) {
        bytes_.insert(bytes_.end(), text.begin(), text.end());
    }
    const std::vector<char>& bytes() const { return bytes_; }

private:
    std::vector<char> bytes_;
};

class HeaderReader {
public:
    explicit HeaderReader(std::FILE* file) : file_(file) {}
    template <typename T> bool get(T& value) {
        return std::fread(&value, sizeof(T), 1, file_) == 1;
    }
    bool getBytes(std::string& text, std::uint32_t size) {
        text.resize(size);
        return size == 0 || std::fread(text.data(), 1, size, file_) == size;
    }

private:
    std::FILE* file_;
};

void writeKeyAndFormat(HeaderWriter& w, const SummaryCacheKey& key, const AudioFormat& format) {
    w.putBytes(std::string(kMagic, sizeof(kMagic)));
    w.put(SummaryCache::kFormatVersion);
    w.put(kByteOrderMark);
    w.put(key.size);
    w.put(key.modifiedNs);
    w.put(key.inode);
    w.put(key.device);
    w.put(static_cast<std::uint32_t>(key.canonicalPath.size()));
    w.putBytes(key.canonicalPath);
    w.put(static_cast<std::int32_t>(format.sampleRate));
    w.put(static_cast<std::int32_t>(format.channels));
    w.put(format.frames);
}

// The loudness block: a flag (measured or not), then five optional figures (a flag and a
// double each) and the reason's length and bytes.
void writeLoudness(HeaderWriter& w, const std::optional<LoudnessReading>& loudness) {
    w.put(static_cast<std::uint8_t>(loudness ? 1 : 0));
    if (!loudness) {
        return;
    }
    for (const std::optional<double>* value :
         {&loudness->integratedLufs, &loudness->rangeLu, &loudness->truePeakDbtp,
          &loudness->maxMomentaryLufs, &loudness->maxShortTermLufs}) {
        w.put(static_cast<std::uint8_t>(value->has_value() ? 1 : 0));
        w.put(value->value_or(0.0));
    }
    const std::string reason = loudness->reason.substr(0, kMaxReasonBytes);
    w.put(static_cast<std::uint32_t>(reason.size()));
    w.putBytes(reason);
}

bool readLoudness(HeaderReader& r, std::optional<LoudnessReading>& loudness) {
    std::uint8_t measured = 0;
    if (!r.get(measured) || measured > 1) {
        return false;
    }
    if (measured == 0) {
        loudness.reset();
        return true;
    }
    LoudnessReading reading;
    for (std::optional<double>* value :
         {&reading.integratedLufs, &reading.rangeLu, &reading.truePeakDbtp,
          &reading.maxMomentaryLufs, &reading.maxShortTermLufs}) {
        std::uint8_t present = 0;
        double figure = 0.0;
        if (!r.get(present) || present > 1 || !r.get(figure)) {
            return false;
        }
        if (present == 1) {
            *value = figure;
        }
    }
    std::uint32_t reasonBytes = 0;
    if (!r.get(reasonBytes) || reasonBytes > kMaxReasonBytes ||
        !r.getBytes(reading.reason, reasonBytes)) {
        return false;
    }
    loudness = std::move(reading);
    return true;
}

// The header of a cache file, read up to its first entry.
struct CachedHeader {
    int channels = 0;
    std::int64_t summaryFrames = 0;
    std::int64_t entries = 0;
    AudioStatistics statistics;
};

// The header of `file` if it is a cache file of this version for `key` and `format`.
std::optional<CachedHeader> readHeader(std::FILE* file, const SummaryCacheKey& key,
                                       const AudioFormat& format) {
    HeaderReader r(file);
    char magic[sizeof(kMagic)];
    std::uint32_t version = 0;
    std::uint32_t byteOrder = 0;
    SummaryCacheKey stored;
    std::uint32_t pathBytes = 0;
    std::int32_t rate = 0;
    std::int32_t channels = 0;
    std::int64_t frames = 0;
    if (std::fread(magic, 1, sizeof(magic), file) != sizeof(magic) ||
        std::memcmp(magic, kMagic, sizeof(kMagic)) != 0 || !r.get(version) ||
        version != SummaryCache::kFormatVersion || !r.get(byteOrder) ||
        byteOrder != kByteOrderMark || !r.get(stored.size) || !r.get(stored.modifiedNs) ||
        !r.get(stored.inode) || !r.get(stored.device) || !r.get(pathBytes) ||
        pathBytes > kMaxPathBytes || !r.getBytes(stored.canonicalPath, pathBytes) ||
        !(stored == key) || !r.get(rate) || !r.get(channels) || !r.get(frames) ||
        rate != format.sampleRate || channels != format.channels || frames != format.frames ||
        channels <= 0 || channels > WaveformSummary::kMaxChannels) {
        return std::nullopt;
    }
    CachedHeader header;
    header.channels = channels;
    if (!r.get(header.summaryFrames) || !r.get(header.entries) || header.summaryFrames <= 0 ||
        header.entries != (header.summaryFrames + WaveformSummary::kBlockFrames[0] - 1) /
                              WaveformSummary::kBlockFrames[0]) {
        return std::nullopt;
    }
    header.statistics.frames = header.summaryFrames;
    header.statistics.channels.resize(channels);
    for (ChannelStatistics& s : header.statistics.channels) {
        if (!r.get(s.peak) || !r.get(s.sumSquares) || !r.get(s.clippedSamples)) {
            return std::nullopt;
        }
    }
    if (!readLoudness(r, header.statistics.loudness)) {
        return std::nullopt;
    }
    return header;
}

// A cache file of this version for a key and format, open and read up to its first entry.
struct CacheFile {
    FilePtr file;
    CachedHeader header;
};

std::optional<CacheFile> openCacheFile(const std::string& path, const SummaryCacheKey& key,
                                       const AudioFormat& format) {
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        return std::nullopt;
    }
    std::optional<CachedHeader> header = readHeader(file.get(), key, format);
    if (!header) {
        return std::nullopt;
    }
    return CacheFile{std::move(file), std::move(*header)};
}

} // namespace

SummaryCache::SummaryCache() : directory_(defaultDirectory()) {}

SummaryCache::SummaryCache(std::string directory) : directory_(std::move(directory)) {}

Result<SummaryCacheKey> SummaryCache::keyFor(const std::string& audioPath) {
    std::error_code ec;
    const std::filesystem::path canonical = std::filesystem::canonical(audioPath, ec);
    struct stat st {};
    if (ec || ::stat(canonical.c_str(), &st) != 0) {
        return Error{ErrorCode::FileNotFound, "The file " + audioPath + " does not exist."};
    }
    SummaryCacheKey key;
    key.canonicalPath = canonical.string();
    key.size = st.st_size;
    key.modifiedNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    key.inode = st.st_ino;
    key.device = st.st_dev;
    return key;
}

std::string SummaryCache::cachePathFor(const SummaryCacheKey& key) const {
    char name[32];
    std::snprintf(name, sizeof(name), "%016llx",
                  static_cast<unsigned long long>(fnv1a(key.canonicalPath)));
    return directory_ + "/" + name + kCacheSuffix;
}

std::optional<CachedSummary> SummaryCache::load(const SummaryCacheKey& key,
                                                const AudioFormat& format) const {
    std::optional<CacheFile> opened = openCacheFile(cachePathFor(key), key, format);
    if (!opened) {
        return std::nullopt;
    }
    std::FILE* const file = opened->file.get();
    CachedHeader* const header = &opened->header;
    const int channels = header->channels;
    const std::int64_t summaryFrames = header->summaryFrames;
    const std::int64_t entries = header->entries;
    CachedSummary cached;
    cached.statistics = std::move(header->statistics);
    cached.summary = std::make_shared<WaveformSummary>(channels, summaryFrames);
    const std::int64_t lastEntryFrames =
        summaryFrames - (entries - 1) * WaveformSummary::kBlockFrames[0];
    std::vector<SummaryEntry> batch(static_cast<std::size_t>(kIoBatchEntries) * channels);
    for (std::int64_t done = 0; done < entries;) {
        const std::int64_t count = std::min(kIoBatchEntries, entries - done);
        const std::size_t values = static_cast<std::size_t>(count) * channels;
        if (std::fread(batch.data(), sizeof(SummaryEntry), values, file) != values) {
            return std::nullopt;
        }
        done += count;
        cached.summary->appendFineEntries(batch.data(), count,
                                          done == entries ? lastEntryFrames
                                                          : WaveformSummary::kBlockFrames[0]);
    }
    if (std::fgetc(file) != EOF) {
        return std::nullopt; // trailing bytes: not a file this version wrote
    }
    cached.summary->finish();
    return cached;
}

std::optional<AudioStatistics> SummaryCache::loadStatistics(const SummaryCacheKey& key,
                                                            const AudioFormat& format) const {
    std::optional<CacheFile> opened = openCacheFile(cachePathFor(key), key, format);
    if (!opened) {
        return std::nullopt;
    }
    const CachedHeader& header = opened->header;
    struct stat st {};
    const long headerBytes = std::ftell(opened->file.get());
    if (headerBytes < 0 || ::fstat(::fileno(opened->file.get()), &st) != 0 ||
        st.st_size != headerBytes + header.entries * header.channels *
                                        static_cast<std::int64_t>(sizeof(SummaryEntry))) {
        return std::nullopt; // not a whole file this version wrote
    }
    return std::move(opened->header.statistics);
}

Status SummaryCache::store(const SummaryCacheKey& key, const AudioFormat& format,
                           const WaveformSummary& summary,
                           const AudioStatistics& statistics) const {
    const int channels = summary.channels();
    const std::int64_t entries = summary.entryCount(0);
    if (!summary.isComplete() || summary.frames() <= 0 || channels != format.channels ||
        static_cast<int>(statistics.channels.size()) != channels) {
        return Error{ErrorCode::InvalidArgument, "Only a complete summary can be cached."};
    }
    std::error_code ec;
    std::filesystem::create_directories(directory_, ec);
    if (ec) {
        return Error{ErrorCode::Unwritable,
                     "The cache folder " + directory_ + " cannot be created: " + ec.message()};
    }
    HeaderWriter w;
    writeKeyAndFormat(w, key, format);
    w.put(summary.frames());
    w.put(entries);
    for (const ChannelStatistics& s : statistics.channels) {
        w.put(s.peak);
        w.put(s.sumSquares);
        w.put(s.clippedSamples);
    }
    writeLoudness(w, statistics.loudness);

    static std::atomic<unsigned> counter{0};
    const std::string finalPath = cachePathFor(key);
    const std::string tempPath = finalPath + ".tmp." + std::to_string(::getpid()) + "." +
                                 std::to_string(counter.fetch_add(1));
    FilePtr file(std::fopen(tempPath.c_str(), "wb"));
    if (!file) {
        return Error{ErrorCode::Unwritable, "The cache folder " + directory_ + " is not writable."};
    }
    bool ok = std::fwrite(w.bytes().data(), 1, w.bytes().size(), file.get()) == w.bytes().size();
    std::vector<SummaryEntry> batch(static_cast<std::size_t>(kIoBatchEntries) * channels);
    for (std::int64_t done = 0; ok && done < entries;) {
        const std::int64_t count = std::min(kIoBatchEntries, entries - done);
        for (std::int64_t i = 0; i < count; ++i) {
            for (int c = 0; c < channels; ++c) {
                batch[i * channels + c] = summary.entry(0, c, done + i);
            }
        }
        const std::size_t values = static_cast<std::size_t>(count) * channels;
        ok = std::fwrite(batch.data(), sizeof(SummaryEntry), values, file.get()) == values;
        done += count;
    }
    ok = std::fflush(file.get()) == 0 && ok;
    file.reset();
    if (!ok || std::rename(tempPath.c_str(), finalPath.c_str()) != 0) {
        std::remove(tempPath.c_str());
        return Error{ErrorCode::WriteFailed,
                     "The waveform cache " + finalPath + " could not be written (disk full?)."};
    }
    return success();
}

} // namespace tapedeck
