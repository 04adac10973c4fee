#pragma once

#include "Result.h"
#include "SoundFile.h"

#include <string>

namespace tapedeck {

struct ReadableFile {
    SoundFile file;
    SF_INFO info{};
};

// Opens any file libsndfile reads (WAV, AIFF, FLAC, Ogg, Opus, MP3 …). A missing, empty,
// unreadable or non-audio file gives an error that says so in plain words.
// Any thread except the audio thread.
Result<ReadableFile> openReadableFile(const std::string& path);

} // namespace tapedeck
