#pragma once

#include <cstdint>

namespace tapedeck::block_loops {

// The per-sample loops of a waveform summary: the figures of one finest block (min, max, sum
// of squares and clip count per channel), from floats or from 16-bit codes. The hot path of
// opening a file, so compiled with -O3 and, on x86-64, for AVX2 as well. Any thread.

// Exact per-channel figures of one block, written by the summarize functions.
struct BlockOut {
    float* min;
    float* max;
    float* sumSquares;
    std::int64_t* clipped;
};

// The sample as libsndfile's float read gives it: integer codes scaled by 1/32768 (exact in
// float), so a file summarized from its 16-bit samples gets the very entries, statistics
// and clip counts a float read gives.
constexpr float kInt16Scale = 1.0f / 32768.0f;
inline float asFloat(float x) {
    return x;
}
inline float asFloat(std::int16_t x) {
    return static_cast<float>(x) * kInt16Scale;
}

// The thresholds of a clip as 16-bit comparisons: x >= high is code > above, x <= low is
// code < below (x = code / 32768, exact in float, so the two agree for every code).
struct Int16Clip {
    std::int16_t above = 0;
    std::int16_t below = 0;
    bool exact = false; // false: not expressible (NaN, or every code clips); use floats
};
Int16Clip int16Clip(float clipHigh, float clipLow);

// The figures of `frames` interleaved frames of `channels`. Min, max and sum of squares are
// written, the clip count is added to; a sample x >= clipHigh or x <= clipLow clips.
void summarizeFloatBlock(const float* samples, std::int64_t frames, int channels, float clipHigh,
                         float clipLow, const BlockOut& out);
// The same of 16-bit codes, each read as code / 32768: the very figures summarizeFloatBlock()
// gives for those floats. `clip` is int16Clip(clipHigh, clipLow), worked out once.
void summarizeInt16Block(const std::int16_t* samples, std::int64_t frames, int channels,
                         const Int16Clip& clip, float clipHigh, float clipLow, const BlockOut& out);

} // namespace tapedeck::block_loops
