#include "core/loudness/TruePeakMeter.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tapedeck {

namespace {

// Largest |x| of a contiguous run: one vectorized pass.
float absMax(const float* x, std::int64_t n) {
    float m = 0.0f;
    for (std::int64_t i = 0; i < n; ++i) {
        const float a = std::fabs(x[i]);
        m = a > m ? a : m;
    }
    return m;
}

// The largest |y_p[i]| of phases 1..phases over one block of one channel: `x` points at
// the block's first sample and has taps - 1 samples before it. The loops run over i
// (contiguous) so they vectorize. The clone for x86-64-v3 (AVX2, FMA) is picked at load
// time where the processor has it.
// Not under the sanitizers: an ifunc resolver runs before their runtime is set up.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&                             \
    !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
[[gnu::target_clones("arch=x86-64-v3", "default")]]
#endif
float phasesAbsMax(const float* x, std::int64_t n,
                   const std::array<float, TruePeakMeter::kMaxPhaseTaps>* coefficients, int phases,
                   int taps, float* sums) {
    float m = 0.0f;
    for (int p = 0; p < phases; ++p) {
        float* acc = sums + p * TruePeakMeter::kBlockFrames;
        const float* c = coefficients[p].data();
        for (std::int64_t i = 0; i < n; ++i)
            acc[i] = c[0] * x[i];
        for (int t = 1; t < taps; ++t) {
            const float ct = c[t];
            const float* s = x - t;
            for (std::int64_t i = 0; i < n; ++i)
                acc[i] += ct * s[i];
        }
        for (std::int64_t i = 0; i < n; ++i) {
            const float a = std::fabs(acc[i]);
            m = a > m ? a : m;
        }
    }
    return m;
}

} // namespace

TruePeakMeter::TruePeakMeter(int channels, int sampleRate) : channels_(channels) {
    // As libebur128: 4× below 96 kHz, 2× below 192 kHz, none above.
    factor_ = sampleRate < 96000 ? 4 : sampleRate < 192000 ? 2 : 1;
    if (factor_ > 1) {
        phaseTaps_ = (kTaps + factor_ - 1) / factor_;
        history_ = phaseTaps_ - 1;
        // A sinc at the oversampled rate under a Hann window, tap j at m = j - 24; tap j
        // belongs to phase j % factor at delay j / factor. Phase 0 holds the centre tap (1)
        // and the sinc's zeros, so it reproduces the input and is not computed.
        double worst = 1.0;
        for (int p = 1; p < factor_; ++p) {
            double sumAbs = 0.0;
            for (int j = p; j < kTaps; j += factor_) {
                const double m = j - (kTaps - 1) / 2.0;
                const double x = m * std::numbers::pi / factor_;
                const double hann =
                    0.5 * (1.0 - std::cos(2.0 * std::numbers::pi * j / (kTaps - 1)));
                const auto c = static_cast<float>(std::sin(x) / x * hann);
                phases_[p - 1][j / factor_] = c;
                sumAbs += std::fabs(static_cast<double>(c));
            }
            worst = std::max(worst, sumAbs);
        }
        // A hair of margin for float rounding in the sums.
        bound_ = worst * (1.0 + 1e-5);
    }
    tail_.assign(static_cast<std::size_t>(history_) * channels_, 0.0f);
    planar_.resize(static_cast<std::size_t>(history_ + kBlockFrames));
    scratch_.resize(static_cast<std::size_t>(history_ + kBlockFrames) * channels_);
    sums_.resize(static_cast<std::size_t>(kMaxFactor - 1) * kBlockFrames);
}

void TruePeakMeter::addFrames(const float* interleaved, std::int64_t frames) {
    while (frames > 0) {
        const std::int64_t n = std::min(frames, kBlockFrames);
        addBlock(interleaved, n);
        interleaved += n * channels_;
        frames -= n;
    }
}

void TruePeakMeter::addBlock(const float* block, std::int64_t frames) {
    framesSeen_ += frames;
    const std::int64_t samples = frames * channels_;
    const float blockPeak = absMax(block, samples);
    // The true peak is never taken below the sample peak.
    runningPeak_ = std::max(runningPeak_, blockPeak);
    if (factor_ == 1)
        return;
    const std::int64_t tailSamples = static_cast<std::int64_t>(history_) * channels_;
    const float windowPeak = std::max(blockPeak, absMax(tail_.data(), tailSamples));
    if (static_cast<double>(windowPeak) * bound_ > runningPeak_) {
        framesOversampled_ += frames;
        for (int c = 0; c < channels_; ++c) {
            float* x = planar_.data();
            for (int i = 0; i < history_; ++i)
                x[i] = tail_[static_cast<std::size_t>(i) * channels_ + c];
            for (std::int64_t i = 0; i < frames; ++i)
                x[history_ + i] = block[i * channels_ + c];
            const float peak = phasesAbsMax(x + history_, frames, phases_.data(), factor_ - 1,
                                            phaseTaps_, sums_.data());
            runningPeak_ = std::max(runningPeak_, peak);
        }
    }
    // The last history_ frames of (tail, block) become the new tail.
    if (frames >= history_) {
        std::copy(block + samples - tailSamples, block + samples, tail_.begin());
    } else {
        std::copy(tail_.begin(), tail_.end(), scratch_.begin());
        std::copy(block, block + samples, scratch_.begin() + tailSamples);
        std::copy(scratch_.begin() + samples, scratch_.begin() + samples + tailSamples,
                  tail_.begin());
    }
}

} // namespace tapedeck
