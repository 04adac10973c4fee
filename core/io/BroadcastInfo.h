#pragma once

#include "core/io/SndfileHandle.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace tapedeck {

// The fields of a Broadcast WAV `bext` chunk that Tapedeck writes and shows.
struct BroadcastInfo {
    std::string description;         // the input device's name
    std::string originator;          // "Tapedeck"
    std::string originationDate;     // local, "yyyy-mm-dd"
    std::string originationTime;     // local, "hh:mm:ss"
    std::uint64_t timeReference = 0; // samples since local midnight at the first sample
};

// What a take's bext chunk says: its first sample was captured at `firstSample` (wall
// clock), at `sampleRate`, from `deviceName`. Any thread.
BroadcastInfo broadcastInfoFor(const std::string& deviceName,
                               std::chrono::system_clock::time_point firstSample, int sampleRate);

// Puts the chunk in a WAV/RF64 file opened for writing, before its first sample (libsndfile
// writes it with the header). Returns false for other formats. The thread that owns the file.
bool setBroadcastInfo(SNDFILE* file, const BroadcastInfo& info);

// The bext chunk of a sound file, if it has one. File I/O: not the audio or GUI thread.
std::optional<BroadcastInfo> readBroadcastInfo(const std::string& path);

} // namespace tapedeck
