#pragma once

#include "core/io/FileFormat.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck::testing {

// Writes a take the way the disk writer does (createRecordingFile, then chunks through
// libsndfile), in a child process that is killed with SIGKILL after the last chunk, without
// closing the file. With headerUpdateAfterFrames > 0, the header is updated and the data
// synced once that many frames are written (as the disk writer does twice a second).
// Returns false if the child did not end by SIGKILL. Test main thread.
bool writeCrashedTake(const std::string& path, FileFormat format, int sampleRate, int channels,
                      const std::vector<float>& interleaved, std::int64_t headerUpdateAfterFrames);

// Writes and closes the same take cleanly, as a reference.
bool writeFinishedTake(const std::string& path, FileFormat format, int sampleRate, int channels,
                       const std::vector<float>& interleaved);

// Every frame libsndfile reads from the file, whatever its header says (at most maxFrames).
std::vector<float> decodeAll(const std::string& path, int* channelsOut = nullptr,
                             std::int64_t maxFrames = std::int64_t{1} << 26);

// The frame count in the file's header, as libsndfile reports it; -1 if it cannot be opened.
std::int64_t headerFrames(const std::string& path);

} // namespace tapedeck::testing
