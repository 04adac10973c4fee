#pragma once

#include <string>

namespace tapedeck {

// A file's libsndfile SF_FORMAT_* value in the same plain words Tapedeck uses for what it
// records ("WAV 24-bit", "WAV 32-bit float", "FLAC 16-bit", "Ogg Vorbis"), so a take reads
// the same while it is recorded and once it is opened. WAV and WAVEX are both "WAV".
// Any thread.
std::string describeSoundFileFormat(int sndfileFormat);

} // namespace tapedeck
