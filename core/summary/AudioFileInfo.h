#pragma once

#include "core/base/Result.h"
#include "core/summary/SummaryTypes.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tapedeck {

// Levels of one channel over the whole file.
struct ChannelInfo {
    double peak = 0.0;               // linear, full scale 1.0
    double rms = 0.0;                // linear
    double peakDbfs = 0.0;           // 20·log10(peak); -infinity for digital silence
    double rmsDbfs = 0.0;            // 20·log10(rms); -infinity for digital silence
    std::int64_t clippedSamples = 0; // samples at the extreme codes (|x| >= 1.0 for floats)
};

// What `tapedeck --info` prints.
struct AudioFileInfo {
    std::string path;
    std::string formatName;   // container, e.g. "WAV (Microsoft)"
    std::string encodingName; // e.g. "Signed 16 bit PCM"
    int sampleRate = 0;
    int channels = 0;
    std::int64_t frames = 0;
    double durationSeconds = 0.0;
    std::vector<ChannelInfo> channelInfo;    // one per channel
    std::optional<LoudnessReading> loudness; // EBU R128; empty when not asked for
};

class SummaryCache;

// What analyzeAudioFile measures besides the format and levels, and where it may look first.
struct AnalysisOptions {
    bool loudness = true; // measure EBU R128 loudness in the same read
    // Where finished scans are kept: a cached scan of this very file (with loudness, when
    // loudness is asked for) is used instead of reading the file, and a new scan is stored.
    // nullptr: always read, store nothing.
    const SummaryCache* cache = nullptr;
    // Turned true by another thread: the scan stops, stores nothing, and the call returns
    // InvalidArgument "cancelled".
    const std::atomic<bool>* cancel = nullptr;
};

// Opens and scans the whole file with SummaryBuilder (the same code that draws waveforms),
// on the calling thread: never call it on the GUI thread. Errors: FileNotFound, FileEmpty,
// FileUnreadable (not audio, or damaged), with a message for people. A failed cache store
// is no error: it only costs the next call a read.
Result<AudioFileInfo> analyzeAudioFile(const std::string& path,
                                       const AnalysisOptions& options = {});

// The figures of an already-scanned file (used by analyzeAudioFile and by callers that
// have the statistics from a cache). Any thread.
AudioFileInfo makeAudioFileInfo(const std::string& path, const AudioFormat& format,
                                const AudioStatistics& statistics);

} // namespace tapedeck
