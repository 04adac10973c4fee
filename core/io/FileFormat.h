#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tapedeck {

// The formats Tapedeck records to.
enum class FileFormat { Wav16, Wav24, WavFloat, Flac, OggVorbis };

// "wav" (24-bit), "wav16", "wav24", "wav32f", "flac", "ogg"; nullopt for anything else.
std::optional<FileFormat> parseFileFormat(std::string_view text);
// The libsndfile SF_FORMAT_* value for this format.
int sndfileFormat(FileFormat format);
// ".wav", ".flac", ".ogg".
std::string fileExtension(FileFormat format);
// "WAV 24-bit" etc., for people.
std::string describeFileFormat(FileFormat format);
// Approximate bytes per second on disk (compressed formats: a conservative estimate), for
// "time left on disk".
double bytesPerSecond(FileFormat format, int sampleRate, int channels);

} // namespace tapedeck
