#pragma once

#include "core/base/Result.h"
#include "core/summary/SummaryTypes.h"
#include "core/summary/WaveformSummary.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace tapedeck {

// What identifies one version of a file: a changed file never matches its old key.
struct SummaryCacheKey {
    std::string canonicalPath;
    std::int64_t size = 0;
    std::int64_t modifiedNs = 0; // mtime, nanoseconds since the epoch
    std::uint64_t inode = 0;
    std::uint64_t device = 0;

    bool operator==(const SummaryCacheKey&) const = default;
};

// A summary restored from the cache, complete, with the statistics of its scan.
struct CachedSummary {
    std::shared_ptr<WaveformSummary> summary;
    AudioStatistics statistics;
};

// Finished summaries on disk, one file per audio file, in $XDG_CACHE_HOME/tapedeck
// (fallback $HOME/.cache/tapedeck). Each file holds a versioned header with the key of the
// audio file it describes, the exact statistics, the loudness if the scan measured it, and
// the quantized finest-level entries
// (6 bytes per 512 frames per channel: about 4 MB per hour of 48 kHz stereo); coarser levels
// are rebuilt on load. Writes go to a temporary file renamed into place, so a reader never
// sees half a file. Disk threads only (file I/O); instances hold no mutable state.
class SummaryCache {
public:
    // 4: the loudness maxima taken every 10 ms, not 100 ms (3: the scan's loudness after the
    // statistics; 2: quantized 512-frame entries; 1: float 256-frame entries). Any other
    // version misses, so older figures are measured again.
    static constexpr std::uint32_t kFormatVersion = 4;

    // Uses the XDG cache folder.
    SummaryCache();
    // Uses `directory` (created on first store).
    explicit SummaryCache(std::string directory);

    const std::string& directory() const { return directory_; }

    // The current key of an audio file; FileNotFound if it can't be examined.
    static Result<SummaryCacheKey> keyFor(const std::string& audioPath);
    // Where the cache file for a key lives (named after a hash of the canonical path).
    std::string cachePathFor(const SummaryCacheKey& key) const;

    // The cached summary of this version of the file, if there is one whose key, channel
    // count and frame count match; nullopt otherwise (missing, stale, damaged, old version).
    std::optional<CachedSummary> load(const SummaryCacheKey& key, const AudioFormat& format) const;
    // The same file's statistics alone (and loudness, if measured), without reading or
    // rebuilding the summary: what `tapedeck --info` shows. Nullopt as for load(), and for a
    // file whose length is not that of its header and entries.
    std::optional<AudioStatistics> loadStatistics(const SummaryCacheKey& key,
                                                  const AudioFormat& format) const;
    // Stores a complete summary. Errors: Unwritable, WriteFailed, InvalidArgument.
    Status store(const SummaryCacheKey& key, const AudioFormat& format,
                 const WaveformSummary& summary, const AudioStatistics& statistics) const;

private:
    std::string directory_;
};

} // namespace tapedeck
