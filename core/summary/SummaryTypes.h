#pragma once

#include "core/loudness/LoudnessReading.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tapedeck {

// One summary entry: the extremes and the energy of one block of one channel, quantized to
// 6 bytes. min and max are stored on the scale ±1.0 → ±kPeakScale, min rounded down and max
// rounded up, so a decoded entry always contains the true extremes and is at most
// 1/kPeakScale wider; values beyond ±1 are clamped to it (the exact peak is kept in
// ChannelStatistics). rms is the block's root mean square on the scale 1.0 → kRmsScale,
// rounded to nearest and clamped to 1.0.
struct SummaryEntry {
    static constexpr double kPeakScale = 32767.0;
    static constexpr double kRmsScale = 65535.0;

    std::int16_t min = 0;
    std::int16_t max = 0;
    std::uint16_t rms = 0;

    // The codes for a block whose exact figures are x (min or max) and r (rms). NaN encodes
    // as the widest extremes and as zero energy.
    static std::int16_t encodeMin(float x) {
        if (!(x > -1.0f)) {
            return static_cast<std::int16_t>(-kPeakScale);
        }
        if (x >= 1.0f) {
            return static_cast<std::int16_t>(kPeakScale);
        }
        return static_cast<std::int16_t>(std::floor(static_cast<double>(x) * kPeakScale));
    }
    static std::int16_t encodeMax(float x) {
        if (!(x < 1.0f)) {
            return static_cast<std::int16_t>(kPeakScale);
        }
        if (x <= -1.0f) {
            return static_cast<std::int16_t>(-kPeakScale);
        }
        return static_cast<std::int16_t>(std::ceil(static_cast<double>(x) * kPeakScale));
    }
    static std::uint16_t encodeRms(double r) {
        if (!(r > 0.0)) {
            return 0;
        }
        if (r >= 1.0) {
            return static_cast<std::uint16_t>(kRmsScale);
        }
        return static_cast<std::uint16_t>(std::lround(r * kRmsScale));
    }
    // Decoded values. The division rounds once to double and once to float, both monotonic,
    // so decodePeak(encodeMin(x)) <= x and decodePeak(encodeMax(x)) >= x for |x| <= 1.
    static float decodePeak(int code) { return static_cast<float>(code / kPeakScale); }
    static double decodeRms(int code) { return code / kRmsScale; }

    float minValue() const { return decodePeak(min); }
    float maxValue() const { return decodePeak(max); }
    double rmsValue() const { return decodeRms(rms); }

    bool operator==(const SummaryEntry&) const = default;
};
static_assert(sizeof(SummaryEntry) == 6);

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
// Exact: taken from the samples, not from the quantized summary entries.
struct ChannelStatistics {
    double peak = 0.0;       // largest |x|, linear full scale (may exceed 1.0 in float files)
    double sumSquares = 0.0; // sum of x² over every frame
    std::int64_t clippedSamples = 0;
};

struct AudioStatistics {
    std::int64_t frames = 0;
    std::vector<ChannelStatistics> channels;
    // EBU R128 loudness of the whole file, when the scan measured it (SummaryBuilder::
    // setMeasureLoudness); empty when it did not.
    std::optional<LoudnessReading> loudness;
};

} // namespace tapedeck
