#pragma once

#include "core/base/Result.h"
#include "core/markers/Marker.h"

#include <string>
#include <vector>

namespace tapedeck {

// Markers in an Ogg Vorbis file's comment header, as CHAPTER001=00:01:02.500 and
// CHAPTER001NAME=Verse (the convention FLAC takes use too). Rewriting an Ogg stream's headers
// would mean repaginating the whole file, so a take is created with a placeholder comment
// (flac_markers::reservedSpace()) and the markers are written over it in place: the comment
// packet keeps its length (zeros after the framing bit fill the rest, which decoders skip),
// and only its page's checksum changes. File I/O: not the audio or GUI thread.
namespace ogg_markers {

// Writes the markers over the placeholder of the closed Ogg Vorbis file at `path` (and
// removes earlier chapters). Errors: FileUnreadable (not Ogg Vorbis), WriteFailed (no room:
// a file made elsewhere, or too many markers for 8 KiB).
Status write(const std::string& path, const std::vector<Marker>& markers, int sampleRate);

// The chapters of an Ogg Vorbis file as markers, sorted by frame. Errors: FileUnreadable.
Result<std::vector<Marker>> read(const std::string& path);

} // namespace ogg_markers
} // namespace tapedeck
