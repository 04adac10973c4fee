#pragma once

#include "core/export/InterSamplePeak.h"

#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace tapedeck {

// A look-ahead limiter that keeps the true peak (4× oversampled, see InterSamplePeak) of an
// interleaved float stream at or under a ceiling without clipping: where a peak would pass
// it, the gain of all channels together ramps down over the look-ahead before the peak (so
// the peak itself is already turned down), holds, and recovers with an exponential release.
// Stereo images do not wander because the channels share one gain.
//
// Why the gain never lets a detected peak through: the gain wanted at each frame is the
// ceiling over its peak (1 where there is room); a sliding minimum over the next look-ahead
// frames, then a moving average over the same length, gives a gain that is at or under every
// wanted value it covers, with no step. The release only raises the gain more slowly.
//
// It delays the stream by latencyFrames(); flush() lets the last frames out. One thread.
class TruePeakLimiter {
public:
    static constexpr double kLookAheadSeconds = 0.005;
    static constexpr double kReleaseSeconds = 0.150;

    TruePeakLimiter(int channels, int sampleRate, double ceilingDbtp);

    int latencyFrames() const { return InterSamplePeak::latencyFrames() + lookAhead_ - 1; }

    // Takes `frames` frames and appends to `out` those that have come through (fewer at the
    // start, by the latency).
    void process(const float* in, std::int64_t frames, std::vector<float>& out);
    // Appends the frames still inside (latencyFrames() of them, or fewer for a short stream).
    void flush(std::vector<float>& out);

    // The deepest gain reduction so far, in dB (0 when nothing was turned down).
    double maxReductionDb() const;
    // Frames turned down by more than 0.1 dB so far.
    std::int64_t framesReduced() const { return framesReduced_; }

private:
    void pushFrame(const float* frame, bool real, std::vector<float>& out);

    // The stream starts with this many frames of silence that are never let out, so that
    // the first real frames' gains can ramp down before them too (lookAhead - 1).
    std::int64_t lead_ = 0;
    int channels_;
    int lookAhead_;
    double ceiling_;
    double releaseCoefficient_;
    InterSamplePeak detector_;

    // The input, delayed until its gain is known: a ring of latencyFrames() + 1 frames.
    std::vector<float> delay_;
    std::int64_t written_ = 0; // frames pushed, the lead and zeros of flush() included
    std::int64_t realFrames_ = 0;
    bool started_ = false;
    std::int64_t emitted_ = 0;

    float previousPeak_ = 0.0f;
    // The sliding minimum of wanted gains: (frame, gain), gains rising from front to back.
    std::deque<std::pair<std::int64_t, double>> minima_;
    double released_ = 1.0;
    // The moving average of the released gains over the look-ahead.
    std::vector<double> averageRing_;
    double averageSum_ = 0.0;
    std::int64_t averaged_ = 0;

    double minGain_ = 1.0;
    std::int64_t framesReduced_ = 0;
    std::vector<float> zeros_;
};

} // namespace tapedeck
