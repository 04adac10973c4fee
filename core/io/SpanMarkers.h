#pragma once

#include "core/base/Result.h"
#include "core/markers/Marker.h"

#include <sndfile.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// How an exported span keeps the take's markers: they are read, with their names, from the
// source through core/markers (WAV/RF64 cue and label chunks, FLAC or Ogg chapter comments),
// those inside the span are moved so that its first frame is frame 0, and they are written
// into the new file the same way a take's are. Markers are in frames throughout; the chapter
// comments of FLAC and Ogg keep them to the millisecond.

// The markers of `markers` that fall inside [from, to), moved so that `from` is frame 0,
// sorted by frame. Pure; any thread.
std::vector<Marker> markersInSpan(const std::vector<Marker>& markers, std::int64_t from,
                                  std::int64_t to);

// The named markers of any sound file whose markers Tapedeck reads (judged by its
// contents); none for other files. File I/O: the exporter's thread, never the GUI thread.
std::vector<Marker> readSpanMarkers(const std::string& path);

// Keeps room for these markers in a FLAC or Ogg file opened for writing, before its first
// sample: a placeholder comment that writeSpanMarkers() then writes over in place (growing
// the metadata of a written FLAC file would copy it all, and of an Ogg file is not done at
// all). Nothing for WAV, whose marker chunks go after the sound. `sndfileFormat` is the
// destination's SF_FORMAT_*. The exporter's thread.
void reserveSpanMarkerRoom(SNDFILE* destination, int sndfileFormat,
                           const std::vector<Marker>& markers, int sampleRate);

// Writes the markers into the closed, newly written file at `path`. Nothing to do for an
// empty list. Errors: those of core/markers' writers (WriteFailed, FileUnreadable), and
// UnsupportedFormat for a format that holds no markers. The exporter's thread.
Status writeSpanMarkers(const std::string& path, int sndfileFormat,
                        const std::vector<Marker>& markers, int sampleRate);

} // namespace tapedeck
