#pragma once

#include <cstdint>
#include <vector>

namespace tapedeck::testing {

// Synthetic test signals. Every function returns interleaved samples (frames * channels) with
// the same signal on every channel unless stated otherwise, so a test can check channel
// routing and levels against values it knows exactly.
class SignalGenerator {
public:
    static std::vector<float> sine(double frequencyHz, double amplitude, int64_t frames,
                                   int channels, int sampleRate);

    // Exponential (logarithmic) sweep from startHz to endHz: every octave gets the same time,
    // and no lag but the true one correlates well, which makes it the reference of choice
    // for loopback alignment.
    static std::vector<float> chirp(double startHz, double endHz, double amplitude, int64_t frames,
                                    int channels, int sampleRate);

    // Uniform white noise in [-amplitude, amplitude], reproducible from the seed. Each channel
    // gets its own noise so that swapped channels are detectable.
    static std::vector<float> whiteNoise(double amplitude, int64_t frames, int channels,
                                         uint32_t seed);

    // Silence with a unit impulse every periodFrames frames (the first at frame 0), alternating
    // +1 and -1 so that a sign inversion or a dropped impulse shows.
    static std::vector<float> impulses(int64_t periodFrames, int64_t frames, int channels);

    // A constant level per channel (levels.size() channels): the simplest way to tell channels
    // apart after mapping or mixing.
    static std::vector<float> dc(const std::vector<float>& levels, int64_t frames);

    // Zeros, e.g. to pad a signal with leading or trailing silence.
    static std::vector<float> silence(int64_t frames, int channels);
};

} // namespace tapedeck::testing
