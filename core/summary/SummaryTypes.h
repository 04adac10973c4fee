#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// One summary entry: the extremes and the energy of one block of one channel.
struct SummaryEntry {
    float min = 0.0f;
    float max = 0.0f;
    float sumSquares = 0.0f;
};

// What the view draws in one pixel column of one channel.
struct PixelSummary {
    float min = 0.0f;
    float max = 0.0f;
    float rms = 0.0f;
    bool valid = false; // false: no published data under this pixel (yet)
};

// The format of an audio file, as libsndfile reports it.
struct AudioFormat {
    int sampleRate = 0;
    int channels = 0;
    std::int64_t frames = 0;
    int sndfileFormat = 0;    // SF_FORMAT_* (major | subtype)
    std::string formatName;   // container, e.g. "WAV (Microsoft)"
    std::string encodingName; // sample encoding, e.g. "Signed 16 bit PCM"

    double durationSeconds() const {
        return sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0;
    }
};

// Whole-file figures of one channel, accumulated sample by sample while a summary builds.
struct ChannelStatistics {
    double peak = 0.0;       // largest |x|, linear full scale
    double sumSquares = 0.0; // sum of x² over every frame
    std::int64_t clippedSamples = 0;
};

struct AudioStatistics {
    std::int64_t frames = 0;
    std::vector<ChannelStatistics> channels;
};

} // namespace tapedeck
