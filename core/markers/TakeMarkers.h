#pragma once

#include "core/base/Result.h"
#include "core/io/FileFormat.h"
#include "core/markers/Marker.h"

#include <string>
#include <vector>

namespace tapedeck {

// Saves and reads the markers of a finished take, whatever its format: WAV/RF64 cue and
// label chunks, FLAC chapter comments. File I/O: never the audio or GUI thread.
namespace take_markers {

// Writes the markers into the closed file (for FLAC also with none: the room the recorder
// kept for them becomes padding). Ogg Vorbis takes get them written over the placeholder
// comment the recorder put in, in place.
Status save(const std::string& path, FileFormat format, const std::vector<Marker>& markers,
            int sampleRate);

// The markers of any sound file Tapedeck can save them in, judged by its contents; an
// empty list for other files.
std::vector<Marker> load(const std::string& path);

// Replaces the markers saved in any WAV/RF64, FLAC or Ogg Vorbis file (judged by its contents) with
// these. Errors: UnsupportedFormat for other files, and those of the writers.
Status replace(const std::string& path, const std::vector<Marker>& markers, int sampleRate);

// Whether markers can be saved in files of this format.
bool canSave(FileFormat format);

} // namespace take_markers
} // namespace tapedeck
