#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <vector>

namespace tapedeck::testing {

// The EBU's synthetic loudness test signals (Tech 3341, Tech 3342), built from their
// definitions: 1 kHz sines at given dBFS peak levels, one segment after another, the same
// on every channel unless a level per channel is given. The phase runs on across segments,
// as in the EBU's own files. Tech 3341 cases 7 and 8 are not here: they are excerpts of
// real programmes, which no definition can generate.
struct ToneSegment {
    double seconds;
    double dbfs;
};

// A segment of digital silence (the EBU's files hold a -90 dBFS tone there; the document
// says silence).
inline constexpr double kSilence = -std::numeric_limits<double>::infinity();

// Tech 3341 case 10, for file-based meters, segment i (0-19), each measured on its own:
// i × 0.15 s of silence, 3 s at -23 dBFS, 1 s of silence. Maximum short-term loudness
// -23.0 ±0.1 LUFS for each.
inline std::vector<ToneSegment> tech3341Case10Segment(int i) {
    return {{i * 0.15, kSilence}, {3.0, -23.0}, {1.0, kSilence}};
}

// Tech 3341 case 11, for live meters, segment i (0-19) of one signal, each 6 s: i × 0.15 s
// of silence, 3 s at (-38 + i) dBFS, (3 - i × 0.15) s of silence. Read after each segment,
// the maximum short-term loudness climbs -38.0, -37.0, ... -19.0 ±0.1 LUFS.
inline std::vector<ToneSegment> tech3341Case11Segment(int i) {
    return {{i * 0.15, kSilence}, {3.0, -38.0 + i}, {3.0 - i * 0.15, kSilence}};
}

// Tech 3341 case 13, for file-based meters, segment i (0-19), each measured on its own:
// i × 20 ms of silence, 400 ms at -23 dBFS, 1 s of silence. Maximum momentary loudness
// -23.0 ±0.1 LUFS for each.
inline std::vector<ToneSegment> tech3341Case13Segment(int i) {
    return {{i * 0.02, kSilence}, {0.4, -23.0}, {1.0, kSilence}};
}

// Tech 3341 case 14, for live meters, segment i (0-19) of one signal, each 800 ms: i × 20 ms
// of silence, 400 ms at (-38 + i) dBFS, (400 - i × 20) ms of silence. Read after each
// segment, the maximum momentary loudness climbs -38.0, -37.0, ... -19.0 ±0.1 LUFS.
inline std::vector<ToneSegment> tech3341Case14Segment(int i) {
    return {{i * 0.02, kSilence}, {0.4, -38.0 + i}, {0.4 - i * 0.02, kSilence}};
}

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
        const auto x = static_cast<float>(fade * peak *
                                          std::sin(2.0 * std::numbers::pi * i / divisor + phase));
        for (int c = 0; c < channels; ++c) {
            out[i * channels + c] = x;
        }
    }
    return out;
}

// Tech 3341 cases 20-23 (case 20 + offset): a sine at fs/6 of amplitude 0.5 that holds a
// single period of a sine at fs/4 of amplitude 1.0, continuous in phase on both sides (the
// fs/6 sine stops and resumes where it crosses zero going up, where the period begins and
// ends, so there is no step). As the document says, it is synthesized at 4·fs, low-pass
// (anti-aliasing) filtered, and every fourth sample kept, starting `offset` (0-3) samples
// in at 4·fs; it fades in and out over 100 ms, as the EBU's files do. At offset 0 a sample
// falls on the crest; at offset 2 the two nearest straddle it, the higher at 0.75.
// Expected: 0.0 +0.2/-0.4 dBTP. The document leaves the filter open: this one is a
// Blackman-windowed sinc, cut-off fs/2, 257 taps at 4·fs. Against the EBU's own files of
// cases 20-23, its samples nearest the crest differ by under 0.0001 and all by under
// 0.002 (their fs/6 sine is at -6.0 dBFS, 0.501), and LoudnessMeter reads the same true
// peak from both to 0.001 dB; longer Hann, Blackman or Kaiser windows change no sample by
// more than 0.0008.
inline std::vector<float> truePeakSinglePeriod(int offset, double seconds, int channels,
                                               int sampleRate) {
    constexpr int kFactor = 4;
    constexpr int kHalfTaps = 128;             // each side of the centre tap, at 4·fs
    constexpr int kLowPeriod = 6 * kFactor;    // fs/6 at 4·fs
    constexpr int kSinglePeriod = 4 * kFactor; // fs/4 at 4·fs
    const double twoPi = 2.0 * std::numbers::pi;
    const auto frames = static_cast<std::int64_t>(std::llround(seconds * sampleRate));
    const std::int64_t length = kFactor * frames + 2 * kHalfTaps + kFactor;
    // The single period begins at a zero crossing of the fs/6 sine, near the middle, on a
    // multiple of kFactor: at offset 0 the crest (a quarter period in) is a kept sample.
    const std::int64_t start = length / 2 / kLowPeriod * kLowPeriod;
    const std::int64_t fade = static_cast<std::int64_t>(kFactor) * sampleRate / 10;
    std::vector<double> x(static_cast<std::size_t>(length));
    for (std::int64_t m = 0; m < length; ++m) {
        double v = 0.0;
        if (m < start) {
            v = 0.5 * std::sin(twoPi * static_cast<double>(m) / kLowPeriod);
        } else if (m < start + kSinglePeriod) {
            v = std::sin(twoPi * static_cast<double>(m - start) / kSinglePeriod);
        } else {
            v = 0.5 * std::sin(twoPi * static_cast<double>(m - kSinglePeriod) / kLowPeriod);
        }
        const std::int64_t edge = std::min(m, length - 1 - m);
        if (edge < fade) {
            v *= 0.5 * (1.0 - std::cos(std::numbers::pi * static_cast<double>(edge) / fade));
        }
        x[static_cast<std::size_t>(m)] = v;
    }
    // sin(π j / 4) / (π j): an ideal low-pass at fs/2 (an eighth of 4·fs), under the window.
    std::array<double, 2 * kHalfTaps + 1> h{};
    for (int j = -kHalfTaps; j <= kHalfTaps; ++j) {
        const double ideal =
            j == 0 ? 1.0 / kFactor
                   : std::sin(std::numbers::pi * j / kFactor) / (std::numbers::pi * j);
        const double t = std::numbers::pi * j / kHalfTaps;
        const double blackman = 0.42 + 0.5 * std::cos(t) + 0.08 * std::cos(2.0 * t);
        h[static_cast<std::size_t>(j + kHalfTaps)] = ideal * blackman;
    }
    std::vector<float> out(static_cast<std::size_t>(frames) * channels);
    for (std::int64_t n = 0; n < frames; ++n) {
        const double* window = x.data() + kFactor * n + offset; // centred on + kHalfTaps
        double y = 0.0;
        for (std::size_t k = 0; k < h.size(); ++k) {
            y += h[k] * window[h.size() - 1 - k];
        }
        for (int c = 0; c < channels; ++c) {
            out[static_cast<std::size_t>(n * channels + c)] = static_cast<float>(y);
        }
    }
    return out;
}

} // namespace tapedeck::testing
