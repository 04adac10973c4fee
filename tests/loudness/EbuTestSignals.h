#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace tapedeck::testing {

// The EBU's synthetic loudness test signals (Tech 3341, Tech 3342), built from their
// definitions: 1 kHz sines at given dBFS peak levels, one segment after another, the same
// on every channel unless a level per channel is given. The phase runs on across segments,
// as in the EBU's own files.
struct ToneSegment {
    double seconds;
    double dbfs;
};

inline std::vector<float> toneSegments(const std::vector<ToneSegment>& segments, int channels,
                                       int sampleRate, double frequency = 1000.0) {
    std::vector<float> out;
    std::int64_t n = 0;
    for (const ToneSegment& s : segments) {
        const double amplitude = std::pow(10.0, s.dbfs / 20.0);
        const auto frames = static_cast<std::int64_t>(std::llround(s.seconds * sampleRate));
        for (std::int64_t i = 0; i < frames; ++i, ++n) {
            const auto x = static_cast<float>(
                amplitude * std::sin(2.0 * std::numbers::pi * frequency * n / sampleRate));
            for (int c = 0; c < channels; ++c) {
                out.push_back(x);
            }
        }
    }
    return out;
}

// A sine of `seconds` with a level per channel (dBFS; -infinity for a silent channel).
inline std::vector<float> tonePerChannel(const std::vector<double>& dbfs, double seconds,
                                         int sampleRate, double frequency = 1000.0) {
    const auto frames = static_cast<std::int64_t>(std::llround(seconds * sampleRate));
    const auto channels = static_cast<int>(dbfs.size());
    std::vector<float> out(static_cast<std::size_t>(frames) * channels);
    for (std::int64_t i = 0; i < frames; ++i) {
        const double x = std::sin(2.0 * std::numbers::pi * frequency * i / sampleRate);
        for (int c = 0; c < channels; ++c) {
            out[i * channels + c] = static_cast<float>(std::pow(10.0, dbfs[c] / 20.0) * x);
        }
    }
    return out;
}

// Tech 3341's true-peak signals: a steady sine of `peak` (linear) at sampleRate / divisor,
// whose samples fall at `phaseDegrees`, so that they straddle the crest. It fades in over
// 20 ms: a tone switched on at full level is a step, whose reconstruction really does
// overshoot (by up to 0.7 dB here), and the cases measure the steady tone, not the switch.
inline std::vector<float> truePeakSine(double peak, int divisor, double phaseDegrees,
                                       double seconds, int channels, int sampleRate) {
    const auto frames = static_cast<std::int64_t>(std::llround(seconds * sampleRate));
    const auto fadeFrames = static_cast<std::int64_t>(sampleRate / 50);
    const double phase = phaseDegrees * std::numbers::pi / 180.0;
    std::vector<float> out(static_cast<std::size_t>(frames) * channels);
    for (std::int64_t i = 0; i < frames; ++i) {
        const double fade =
            i < fadeFrames
                ? 0.5 * (1.0 - std::cos(std::numbers::pi * static_cast<double>(i) / fadeFrames))
                : 1.0;
        const auto x = static_cast<float>(
            fade * peak * std::sin(2.0 * std::numbers::pi * i / divisor + phase));
        for (int c = 0; c < channels; ++c) {
            out[i * channels + c] = x;
        }
    }
    return out;
}

} // namespace tapedeck::testing
