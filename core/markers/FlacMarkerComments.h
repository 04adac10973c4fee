#pragma once

#include "core/base/Result.h"
#include "core/markers/Marker.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tapedeck {

// Markers in a FLAC file's Vorbis comments, in the common chapter convention that players
// and taggers read: CHAPTER001=00:01:02.500 and CHAPTER001NAME=Verse. Times are to the
// millisecond. libsndfile writes comments only before the first sample, and markers are
// known only at the end of a take, so libFLAC edits the finished file. File I/O: disk,
// worker or command-line thread.
namespace flac_markers {

// A FLAC take is created with a placeholder comment that starts with this (libsndfile writes
// no padding block): replacing it with the markers at the end of the take shrinks the
// metadata, so libFLAC edits the file in place instead of copying all of it.
inline constexpr const char* kReservedSpacePrefix = "Tapedeck: room for markers";
inline constexpr std::size_t kReservedSpaceBytes = 8192;
// The placeholder comment's text.
std::string reservedSpace();
// A placeholder with room for exactly these markers' chapter comments (and a little more),
// for a file whose markers are known before its first sample is written, as an exported
// span's are. Never shorter than the prefix. Any thread.
std::string reservedSpaceFor(const std::vector<Marker>& markers, int sampleRate);

// Adds the markers to the closed FLAC file at `path` (replacing chapters already there).
// The placeholder comment goes. An empty list does nothing, unless `evenIfEmpty` (then it
// removes the chapters and the placeholder). Errors:
// FileUnreadable (not FLAC), WriteFailed.
Status write(const std::string& path, const std::vector<Marker>& markers, int sampleRate,
             bool evenIfEmpty = false);

// The chapters of a FLAC file as markers, sorted by frame. Errors: FileUnreadable.
Result<std::vector<Marker>> read(const std::string& path);

// "00:01:02.500" for frame 62.5 s in, and back (nullopt if not such a time).
std::string chapterTime(std::int64_t frame, int sampleRate);
std::optional<std::int64_t> parseChapterTime(const std::string& text, int sampleRate);

} // namespace flac_markers
} // namespace tapedeck
