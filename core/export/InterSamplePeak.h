#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace tapedeck {

// The true peak around each frame of an interleaved stream: the largest magnitude of the
// frame itself and of the three points a 4× oversampling interpolator puts between it and the
// next frame (ITU-R BS.1770-4 annex 2 asks for 4× at 48 kHz), across all channels. Written
// here rather than taken from libebur128, whose true-peak meter gives only a running maximum,
// not a value per frame that a limiter can act on. One thread (the exporter's).
class InterSamplePeak {
public:
    // Taps on each side of the point being interpolated: 32 (64 per phase) keep the
    // interpolation close to the ideal up to near the top of the band, where shorter filters
    // (BS.1770's 12 per phase) read full-band noise a few tenths of a dB low.
    static constexpr int kHalfTaps = 32;
    static constexpr int kPhases = 4;

    explicit InterSamplePeak(int channels);

    // Frames a peak comes out after its frame went in.
    static constexpr int latencyFrames() { return kHalfTaps; }

    // Takes one frame and returns the peak of the frame latencyFrames() before it (0 for the
    // first latencyFrames() calls): the largest of its samples and of the interpolated points
    // up to the next frame, as a linear magnitude.
    float push(const float* frame);

    // Every frame of `frames`, for a meter: returns the largest peak seen so far.
    float scan(const float* interleaved, std::int64_t frames);
    // Lets the last latencyFrames() frames through (zeros after them); returns the highest.
    float finish();
    float highest() const { return highest_; }

private:
    int channels_;
    // Per channel, the last 2 × kHalfTaps samples, written twice so that a window is one
    // contiguous run (no wrap inside the inner loop).
    std::vector<float> history_;
    int position_ = 0;
    float highest_ = 0.0f;
    // coefficients_[phase - 1][tap]: the windowed-sinc interpolator for phases 1/4, 2/4, 3/4.
    std::array<std::array<float, 2 * kHalfTaps>, kPhases - 1> coefficients_{};
};

} // namespace tapedeck
