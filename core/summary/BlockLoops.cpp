#include "core/summary/BlockLoops.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tapedeck::block_loops {

namespace {

// Independent accumulators in the block loops. 16, so that the AVX2 clone fills whole 256-bit
// registers (with 8, GCC split the lanes into two 128-bit halves: a fifth slower).
constexpr int kLanes = 16;

// Summary of `frames` interleaved frames for a channel count that divides kLanes: lane j
// always holds channel j % C, so the inner loop has no stride and vectorizes.
template <int C, typename Sample>
inline __attribute__((always_inline)) void summarizeLanes(const Sample* samples,
                                                          std::int64_t frames, float clipHigh,
                                                          float clipLow, const BlockOut& out) {
    static_assert(kLanes % C == 0);
    float mins[kLanes];
    float maxs[kLanes];
    float squares[kLanes];
    std::int32_t clips[kLanes];
    for (int j = 0; j < kLanes; ++j) {
        clips[j] = 0;
        mins[j] = std::numeric_limits<float>::infinity();
        maxs[j] = -std::numeric_limits<float>::infinity();
        squares[j] = 0.0f;
    }
    const std::int64_t count = frames * C;
    std::int64_t i = 0;
    for (; i + kLanes <= count; i += kLanes) {
        for (int j = 0; j < kLanes; ++j) {
            const float x = asFloat(samples[i + j]);
            mins[j] = x < mins[j] ? x : mins[j];
            maxs[j] = x > maxs[j] ? x : maxs[j];
            squares[j] += x * x;
            clips[j] +=
                static_cast<std::int32_t>(x >= clipHigh) | static_cast<std::int32_t>(x <= clipLow);
        }
    }
    for (int j = 0; i < count; ++i, ++j) {
        const float x = asFloat(samples[i]);
        mins[j] = std::min(x, mins[j]);
        maxs[j] = std::max(x, maxs[j]);
        squares[j] += x * x;
        clips[j] +=
            static_cast<std::int32_t>(x >= clipHigh) | static_cast<std::int32_t>(x <= clipLow);
    }
    for (int c = 0; c < C; ++c) {
        float lo = mins[c];
        float hi = maxs[c];
        float sum = 0.0f;
        for (int j = c; j < kLanes; j += C) {
            lo = std::min(lo, mins[j]);
            hi = std::max(hi, maxs[j]);
            sum += squares[j];
            out.clipped[c] += clips[j];
        }
        out.min[c] = lo;
        out.max[c] = hi;
        out.sumSquares[c] = sum;
    }
}

// The 16-bit version of summarizeLanes(): min, max and clip counts on the codes themselves
// (16 to an AVX2 instruction, no conversion), the squares in float in summarizeLanes()'s order.
// The squares are of the codes, scaled once at the end: scaling by a power of two changes no
// rounding (no value here comes near float's limits), so every bit is that of summing
// (code / 32768)². A 16-bit file's summary is thus the very one a float read of it gives.
// The clip counters are 16-bit: at most kMaxInt16LaneFrames frames a call.
constexpr float kSquaredScale = kInt16Scale * kInt16Scale;
constexpr std::int64_t kMaxInt16LaneFrames = 32767 * kLanes / 8;
template <int C>
inline __attribute__((always_inline)) void
summarizeInt16Lanes(const std::int16_t* samples, std::int64_t frames, const Int16Clip& clip,
                    const BlockOut& out) {
    static_assert(kLanes % C == 0);
    std::int16_t mins[kLanes];
    std::int16_t maxs[kLanes];
    std::int16_t clips[kLanes];
    float squares[kLanes];
    for (int j = 0; j < kLanes; ++j) {
        mins[j] = std::numeric_limits<std::int16_t>::max();
        maxs[j] = std::numeric_limits<std::int16_t>::min();
        clips[j] = 0;
        squares[j] = 0.0f;
    }
    const std::int16_t above = clip.above;
    const std::int16_t below = clip.below;
    const std::int64_t count = frames * C;
    std::int64_t i = 0;
    for (; i + kLanes <= count; i += kLanes) {
        for (int j = 0; j < kLanes; ++j) {
            const std::int16_t v = samples[i + j];
            mins[j] = v < mins[j] ? v : mins[j];
            maxs[j] = v > maxs[j] ? v : maxs[j];
            clips[j] = static_cast<std::int16_t>(clips[j] + (static_cast<std::int16_t>(v > above) |
                                                             static_cast<std::int16_t>(v < below)));
            const auto x = static_cast<float>(v);
            squares[j] += x * x;
        }
    }
    for (int j = 0; i < count; ++i, ++j) {
        const std::int16_t v = samples[i];
        mins[j] = std::min(v, mins[j]);
        maxs[j] = std::max(v, maxs[j]);
        clips[j] = static_cast<std::int16_t>(clips[j] + ((v > above) || (v < below)));
        const auto x = static_cast<float>(v);
        squares[j] += x * x;
    }
    for (int c = 0; c < C; ++c) {
        std::int16_t lo = mins[c];
        std::int16_t hi = maxs[c];
        float sum = 0.0f;
        for (int j = c; j < kLanes; j += C) {
            lo = std::min(lo, mins[j]);
            hi = std::max(hi, maxs[j]);
            sum += squares[j];
            out.clipped[c] += clips[j];
        }
        // No frames: the float loop's +inf and -inf, which the writer never sees either.
        out.min[c] = count > 0 ? asFloat(lo) : std::numeric_limits<float>::infinity();
        out.max[c] = count > 0 ? asFloat(hi) : -std::numeric_limits<float>::infinity();
        out.sumSquares[c] = sum * kSquaredScale;
    }
}

template <typename Sample>
inline __attribute__((always_inline)) void
summarizeGeneric(const Sample* samples, std::int64_t frames, int channels, float clipHigh,
                 float clipLow, const BlockOut& out) {
    for (int c = 0; c < channels; ++c) {
        float lo = std::numeric_limits<float>::infinity();
        float hi = -std::numeric_limits<float>::infinity();
        float sum = 0.0f;
        for (std::int64_t f = 0; f < frames; ++f) {
            const float x = asFloat(samples[f * channels + c]);
            lo = std::min(lo, x);
            hi = std::max(hi, x);
            sum += x * x;
            out.clipped[c] += (x >= clipHigh) || (x <= clipLow);
        }
        out.min[c] = lo;
        out.max[c] = hi;
        out.sumSquares[c] = sum;
    }
}

template <typename Sample>
inline __attribute__((always_inline)) void summarizeAny(const Sample* samples, std::int64_t frames,
                                                        int channels, float clipHigh, float clipLow,
                                                        const BlockOut& out) {
    switch (channels) {
    case 1:
        summarizeLanes<1>(samples, frames, clipHigh, clipLow, out);
        break;
    case 2:
        summarizeLanes<2>(samples, frames, clipHigh, clipLow, out);
        break;
    case 4:
        summarizeLanes<4>(samples, frames, clipHigh, clipLow, out);
        break;
    case 8:
        summarizeLanes<8>(samples, frames, clipHigh, clipLow, out);
        break;
    default:
        summarizeGeneric(samples, frames, channels, clipHigh, clipLow, out);
        break;
    }
}

} // namespace

Int16Clip int16Clip(float clipHigh, float clipLow) {
    const double high = std::ceil(static_cast<double>(clipHigh) * 32768.0); // code >= high
    const double low = std::floor(static_cast<double>(clipLow) * 32768.0);  // code <= low
    Int16Clip clip;
    clip.exact = high - 1.0 >= -32768.0 && low + 1.0 <= 32767.0; // false for NaN too
    if (clip.exact) {
        clip.above = static_cast<std::int16_t>(std::min(high - 1.0, 32767.0));
        clip.below = static_cast<std::int16_t>(std::max(low + 1.0, -32768.0));
    }
    return clip;
}

// The block loops, compiled twice on x86-64: for AVX2 (picked at load time on a CPU that has
// it) and for the baseline (SSE2). The lane order, and so every rounding, is the same in both:
// the summary does not depend on the CPU.
// Not under the sanitizers: the clone is picked by an ifunc resolver that the dynamic linker
// runs before their runtime is set up, and an instrumented resolver crashes the program.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&                             \
    !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define TAPEDECK_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define TAPEDECK_SIMD_CLONES
#endif

TAPEDECK_SIMD_CLONES void summarizeFloatBlock(const float* samples, std::int64_t frames,
                                              int channels, float clipHigh, float clipLow,
                                              const BlockOut& out) {
    summarizeAny(samples, frames, channels, clipHigh, clipLow, out);
}

TAPEDECK_SIMD_CLONES void summarizeInt16Block(const std::int16_t* samples, std::int64_t frames,
                                              int channels, const Int16Clip& clip, float clipHigh,
                                              float clipLow, const BlockOut& out) {
    if (clip.exact && frames <= kMaxInt16LaneFrames) {
        switch (channels) {
        case 1:
            return summarizeInt16Lanes<1>(samples, frames, clip, out);
        case 2:
            return summarizeInt16Lanes<2>(samples, frames, clip, out);
        case 4:
            return summarizeInt16Lanes<4>(samples, frames, clip, out);
        case 8:
            return summarizeInt16Lanes<8>(samples, frames, clip, out);
        default:
            break;
        }
    }
    summarizeAny(samples, frames, channels, clipHigh, clipLow, out);
}

} // namespace tapedeck::block_loops
