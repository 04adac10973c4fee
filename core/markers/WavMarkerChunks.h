#pragma once

#include "core/base/Result.h"
#include "core/markers/Marker.h"

#include <string>
#include <vector>

namespace tapedeck {

// Markers in a WAV or RF64 file: a `cue ` chunk with one cue point per marker, and a
// `LIST`/`adtl` chunk with a `labl` (label) per cue point, as Reaper, Sound Forge and
// ocenaudio read them. libsndfile writes cue points but no labels, so both chunks are
// written here, appended to a finished (closed) file. File I/O: disk, worker or
// command-line thread.
namespace wav_markers {

// Appends the two chunks to the closed WAV/RF64 file at `path` and updates the RIFF (or
// ds64) size. Does nothing for an empty list. Errors: FileUnreadable (not a RIFF/RF64 WAVE
// file), WriteFailed.
Status append(const std::string& path, const std::vector<Marker>& markers);

// Replaces the markers of a closed WAV/RF64 file with these (none: removes them). Marker
// chunks at the end of the file are cut off; any elsewhere become JUNK chunks, which every
// reader skips. Errors as for append().
Status replace(const std::string& path, const std::vector<Marker>& markers);

// The markers of a WAV/RF64 file, sorted by frame; labels from `labl` chunks (empty names
// where a cue point has none). An empty list when the file has no `cue ` chunk. Errors:
// FileUnreadable.
Result<std::vector<Marker>> read(const std::string& path);

} // namespace wav_markers
} // namespace tapedeck
