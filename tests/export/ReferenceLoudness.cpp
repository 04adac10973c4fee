#include "export/ReferenceLoudness.h"

#include <algorithm>
#include <cmath>

namespace tapedeck::testing {

namespace {

struct Biquad {
    double b0, b1, b2, a1, a2;
    double z1 = 0.0, z2 = 0.0;
    double run(double x) {
        // Transposed direct form II.
        const double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
};

// The two K-weighting stages for `rate`, from the standard's high shelf and high pass.
std::pair<Biquad, Biquad> kWeighting(int rate) {
    const double shelfGainDb = 3.999843853973347;
    const double shelfF0 = 1681.974450955533;
    const double shelfQ = 0.7071752369554196;
    double k = std::tan(M_PI * shelfF0 / rate);
    const double vh = std::pow(10.0, shelfGainDb / 20.0);
    const double vb = std::pow(vh, 0.4996667741545416);
    double a0 = 1.0 + k / shelfQ + k * k;
    const Biquad shelf{(vh + vb * k / shelfQ + k * k) / a0, 2.0 * (k * k - vh) / a0,
                       (vh - vb * k / shelfQ + k * k) / a0, 2.0 * (k * k - 1.0) / a0,
                       (1.0 - k / shelfQ + k * k) / a0};
    const double passF0 = 38.13547087602444;
    const double passQ = 0.5003270373238773;
    k = std::tan(M_PI * passF0 / rate);
    a0 = 1.0 + k / passQ + k * k;
    const Biquad pass{1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / passQ + k * k) / a0};
    return {shelf, pass};
}

double truePeak(const std::vector<float>& x, int channels) {
    constexpr int kHalf = 32;
    constexpr int kOver = 4;
    // Taps for the fractional positions 1/4, 2/4, 3/4 after a sample.
    std::vector<std::vector<double>> taps(kOver);
    for (int phase = 1; phase < kOver; ++phase) {
        for (int j = -kHalf + 1; j <= kHalf; ++j) {
            const double t = j - static_cast<double>(phase) / kOver;
            const double sinc = std::sin(M_PI * t) / (M_PI * t);
            const double hann = 0.5 + 0.5 * std::cos(M_PI * t / (kHalf + 1));
            taps[phase].push_back(sinc * hann);
        }
    }
    const std::int64_t frames = static_cast<std::int64_t>(x.size()) / channels;
    double peak = 0.0;
    for (int c = 0; c < channels; ++c) {
        for (std::int64_t n = 0; n < frames; ++n) {
            peak = std::max(peak, std::abs(static_cast<double>(x[n * channels + c])));
            for (int phase = 1; phase < kOver; ++phase) {
                double v = 0.0;
                for (int j = -kHalf + 1; j <= kHalf; ++j) {
                    const std::int64_t m = n + j;
                    if (m >= 0 && m < frames) {
                        v += taps[phase][j + kHalf - 1] * x[m * channels + c];
                    }
                }
                peak = std::max(peak, std::abs(v));
            }
        }
    }
    return peak;
}

} // namespace

ReferenceReading measureReference(const std::vector<float>& interleaved, int channels,
                                  int sampleRate) {
    ReferenceReading reading;
    const std::int64_t frames = static_cast<std::int64_t>(interleaved.size()) / channels;
    // K-weighted squares per channel, summed in 100 ms steps.
    const std::int64_t step = sampleRate / 10;
    const std::int64_t steps = frames / step;
    std::vector<double> stepEnergy(static_cast<std::size_t>(steps), 0.0);
    double samplePeak = 0.0;
    for (int c = 0; c < channels; ++c) {
        auto [shelf, pass] = kWeighting(sampleRate);
        for (std::int64_t n = 0; n < frames; ++n) {
            const double x = interleaved[n * channels + c];
            samplePeak = std::max(samplePeak, std::abs(x));
            const double y = pass.run(shelf.run(x));
            const std::int64_t s = n / step;
            if (s < steps) {
                stepEnergy[s] += y * y; // weight 1 for every channel of mono and stereo
            }
        }
    }
    std::vector<double> blocks; // mean square of each 400 ms block
    for (std::int64_t s = 3; s < steps; ++s) {
        const double sum =
            stepEnergy[s] + stepEnergy[s - 1] + stepEnergy[s - 2] + stepEnergy[s - 3];
        blocks.push_back(sum / (4.0 * step));
    }
    const auto lufs = [](double power) { return -0.691 + 10.0 * std::log10(power); };
    std::vector<double> absoluteGated;
    for (const double power : blocks) {
        if (power > 0.0 && lufs(power) > -70.0) {
            absoluteGated.push_back(power);
        }
    }
    if (!absoluteGated.empty()) {
        double mean = 0.0;
        for (const double power : absoluteGated) {
            mean += power;
        }
        mean /= static_cast<double>(absoluteGated.size());
        const double relativeGate = lufs(mean) - 10.0;
        double gated = 0.0;
        int count = 0;
        for (const double power : absoluteGated) {
            if (lufs(power) > relativeGate) {
                gated += power;
                ++count;
            }
        }
        if (count > 0) {
            reading.integratedLufs = lufs(gated / count);
        }
    }
    const double peak = truePeak(interleaved, channels);
    reading.truePeakDbtp = peak > 0.0 ? 20.0 * std::log10(peak) : -300.0;
    reading.samplePeakDbfs = samplePeak > 0.0 ? 20.0 * std::log10(samplePeak) : -300.0;
    return reading;
}

} // namespace tapedeck::testing
