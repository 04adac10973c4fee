#pragma once

#include "core/base/Result.h"
#include "core/io/TakeExporter.h"
#include "core/markers/Marker.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// What an exported MP3 or Opus file says about itself.
struct ExportTagValues {
    std::string title;   // the take's name
    std::string date;    // "yyyy-mm-dd" (from the take's bext chunk, else the file's time)
    std::string comment; // the bext description (the input device), if any
    // Markers as chapters, in frames at `sampleRate` from the exported span's start.
    std::vector<Marker> chapters;
    int sampleRate = 48000;
    std::int64_t frames = 0; // the span's length, for the last chapter's end
};

// Writes tags and chapters through TagLib (Debian libtag1-dev, the tag library players and
// taggers use) into a finished, closed MP3 or Opus file that nothing else has open:
// - MP3: an ID3v2.4 tag with TIT2, TDRC and COMM, and each marker as a CHAP frame (start and
//   end in milliseconds, its name as the chapter's TIT2) under one ordered top-level CTOC;
// - Opus: Vorbis comments TITLE, DATE, DESCRIPTION and CHAPTER001=00:01:02.500 with
//   CHAPTER001NAME=Verse (the convention Tapedeck's FLAC and Ogg takes use too).
// TagLib may rewrite the whole file to make room; it is only ever used on an export's
// hidden file before it gets its name, never on a take. Errors: WriteFailed. The exporter's
// thread.
Status writeExportTags(const std::string& path, ExportFormat format, const ExportTagValues& values);

} // namespace tapedeck
