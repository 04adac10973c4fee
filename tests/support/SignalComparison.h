#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace tapedeck::testing {

// Where a reference signal sits in a recording, and how well it matches there.
struct LagEstimate {
    // recorded[n + lagFrames] lines up with reference[n]: positive when the recording is late.
    int64_t lagFrames = 0;
    // Normalised cross-correlation at that lag, in [-1, 1]; 1 means a scaled exact copy.
    double correlation = 0.0;
};

struct Comparison {
    int64_t lagFrames = 0;
    double correlation = 0.0;
    // Least-squares gain from reference to recording (recorded ~ gain * reference).
    double gain = 0.0;
    // Energy of (recorded - gain * reference) relative to gain * reference, in dB.
    double residualDb = 0.0;
    // Frames where reference and recording overlap at that lag (what the figures cover).
    int64_t overlapFrames = 0;
};

// Compares a recording with the signal that was played, for loopback tests. All signals are
// mono; use channel() or mixToMono() on interleaved data first.
//
// Correlations are normalised over the overlap of the two signals at each lag. Lags whose
// overlap is shorter than half the shorter signal are never considered, so a few samples
// matching by chance at the very edge cannot win.
class SignalComparison {
public:
    // Searches lags in [-maxLagFrames, maxLagFrames] for the highest correlation. Long inputs
    // are first searched on block-decimated copies (the block means and the block envelopes),
    // then the best few candidates are refined sample by sample at full rate, so several
    // seconds at 48 kHz over +-1 s take well under a second.
    static LagEstimate findLag(std::span<const float> reference, std::span<const float> recorded,
                               int64_t maxLagFrames);

    // Normalised correlation at one lag; 0 when the overlap is empty or silent.
    static double correlationAt(std::span<const float> reference, std::span<const float> recorded,
                                int64_t lagFrames);

    // Residual after aligning at lagFrames and matching the gain; kResidualFloorDb when the
    // recording is an exact scaled copy.
    static double residualDb(std::span<const float> reference, std::span<const float> recorded,
                             int64_t lagFrames);

    // findLag(), then the gain and the residual at the lag found.
    static Comparison compare(std::span<const float> reference, std::span<const float> recorded,
                              int64_t maxLagFrames);

    static std::vector<float> channel(std::span<const float> interleaved, int channels, int index);
    // The frames of the clicks in one channel: samples above half scale, each at least
    // `minGapFrames` after the one before.
    static std::vector<int64_t> clicks(std::span<const float> interleaved, int channels, int index,
                                       int64_t minGapFrames);
    static std::vector<float> mixToMono(std::span<const float> interleaved, int channels);

    // A finite stand-in for minus infinity, so results print and compare normally.
    static constexpr double kResidualFloorDb = -200.0;
};

} // namespace tapedeck::testing
