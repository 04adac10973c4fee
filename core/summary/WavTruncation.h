#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tapedeck {

// A WAV file whose data chunk announces more sound than the file holds: a copy or download
// that stopped early. libsndfile quietly reads what is there, so the length alone does not
// say anything is missing.
struct WavTruncation {
    std::int64_t announcedFrames = 0; // what the header's data chunk size promises
    std::int64_t presentFrames = 0;   // what the file actually holds
    std::int64_t presentBytes = 0;    // bytes of sound in the file
};

// Reads the RIFF header of `path` (the first chunks only, never the sound) and says whether
// its data chunk is cut short. Nothing for other formats, for RF64, for streaming headers
// whose size is 0 or 0xFFFFFFFF, and for complete files. File I/O: never on the GUI thread
// or the audio thread.
std::optional<WavTruncation> findWavTruncation(const std::string& path);

} // namespace tapedeck
