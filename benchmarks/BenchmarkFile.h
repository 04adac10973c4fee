#pragma once

#include <cstdint>
#include <string>

namespace tapedeck::bench {

inline constexpr int kBenchRate = 48000;
inline constexpr int kBenchChannels = 2;
inline constexpr std::int64_t kBenchSeconds = 60 * 60;
inline constexpr const char* kDefaultBenchPath = "/tmp/tapedeck-bench-60min.wav";

// Writes a stereo 48 kHz 16-bit WAV of `seconds` (60 minutes unless told; a slowly swept
// tone with noise) unless a file with that exact length is already there. Returns false if
// it can't be written.
bool ensureBenchmarkFile(const std::string& path, std::int64_t seconds = kBenchSeconds);

// Resident set size of this process, in MB.
double residentMegabytes();

} // namespace tapedeck::bench
