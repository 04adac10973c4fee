#include "core/export/InterSamplePeak.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tapedeck {

namespace {

constexpr int kWindow = 2 * InterSamplePeak::kHalfTaps;
static_assert(kWindow % 8 == 0, "the dot product runs in eights");

// The zeroth-order modified Bessel function, for the Kaiser window.
double besselI0(double x) {
    double sum = 1.0;
    double term = 1.0;
    for (int k = 1; k < 30; ++k) {
        term *= (x / (2.0 * k)) * (x / (2.0 * k));
        sum += term;
    }
    return sum;
}

} // namespace

InterSamplePeak::InterSamplePeak(int channels)
    : channels_(channels), history_(static_cast<std::size_t>(channels) * 2 * kWindow, 0.0f) {
    // Kaiser-windowed sinc, beta 8: stopband about 80 dB down, passband flat to within a few
    // hundredths of a dB up to 0.45 of the rate.
    constexpr double kBeta = 8.0;
    const double norm = besselI0(kBeta);
    for (int phase = 1; phase < kPhases; ++phase) {
        const double offset = static_cast<double>(phase) / kPhases;
        double sum = 0.0;
        for (int tap = 0; tap < kWindow; ++tap) {
            // Tap 0 is the oldest sample, tap kWindow - 1 the newest; the point lies between
            // taps kHalfTaps - 1 and kHalfTaps.
            const double t = (tap - (kHalfTaps - 1)) - offset;
            const double sinc = std::abs(t) < 1e-12 ? 1.0 : std::sin(M_PI * t) / (M_PI * t);
            const double r = t / (kHalfTaps + 0.5);
            const double window =
                std::abs(r) >= 1.0 ? 0.0 : besselI0(kBeta * std::sqrt(1.0 - r * r)) / norm;
            coefficients_[phase - 1][tap] = static_cast<float>(sinc * window);
            sum += sinc * window;
        }
        for (float& c : coefficients_[phase - 1]) {
            c = static_cast<float>(c / sum); // a constant passes at the same level
        }
    }
}

float InterSamplePeak::push(const float* frame) {
    float peak = 0.0f;
    for (int c = 0; c < channels_; ++c) {
        float* line = history_.data() + static_cast<std::size_t>(c) * 2 * kWindow;
        line[position_] = frame[c];
        line[position_ + kWindow] = frame[c];
        // The window, oldest first, ends at the sample just written.
        const float* window = line + position_ + 1;
        const float centre = window[kHalfTaps - 1];
        peak = std::max(peak, std::abs(centre));
        for (const auto& phase : coefficients_) {
            // Eight running sums, so the compiler can use vector registers without being
            // allowed to reorder one float sum (no -ffast-math).
            std::array<float, 8> sums{};
            for (int tap = 0; tap < kWindow; tap += 8) {
                for (int k = 0; k < 8; ++k) {
                    sums[k] += phase[tap + k] * window[tap + k];
                }
            }
            const float value = ((sums[0] + sums[4]) + (sums[1] + sums[5])) +
                                ((sums[2] + sums[6]) + (sums[3] + sums[7]));
            peak = std::max(peak, std::abs(value));
        }
    }
    position_ = (position_ + 1) % kWindow;
    highest_ = std::max(highest_, peak);
    return peak;
}

float InterSamplePeak::scan(const float* interleaved, std::int64_t frames) {
    for (std::int64_t f = 0; f < frames; ++f) {
        push(interleaved + f * channels_);
    }
    return highest_;
}

float InterSamplePeak::finish() {
    const std::vector<float> zeros(static_cast<std::size_t>(channels_), 0.0f);
    for (int f = 0; f < kHalfTaps; ++f) {
        push(zeros.data());
    }
    return highest_;
}

} // namespace tapedeck
