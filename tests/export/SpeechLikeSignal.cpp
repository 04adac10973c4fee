#include "export/SpeechLikeSignal.h"

#include <cmath>
#include <random>

namespace tapedeck::testing {

std::vector<float> speechLikeSignal(double seconds, int channels, int sampleRate, double amplitude,
                                    std::uint32_t seed) {
    const auto frames = static_cast<std::int64_t>(seconds * sampleRate);
    std::vector<float> out(static_cast<std::size_t>(frames * channels));
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    const double lowCoefficient = std::exp(-2.0 * M_PI * 3000.0 / sampleRate);
    const double highCoefficient = std::exp(-2.0 * M_PI * 150.0 / sampleRate);
    for (int c = 0; c < channels; ++c) {
        double low = 0.0;
        double high = 0.0;
        for (std::int64_t n = 0; n < frames; ++n) {
            const double t = static_cast<double>(n) / sampleRate;
            // Band-limit: a one-pole low pass at 3 kHz minus a one-pole low pass at 150 Hz.
            const double white = noise(random);
            low = (1.0 - lowCoefficient) * white + lowCoefficient * low;
            high = (1.0 - highCoefficient) * low + highCoefficient * high;
            const double band = 4.0 * (low - high);
            const double syllable = std::pow(std::sin(M_PI * 3.7 * t), 2.0);
            const double phrase = std::fmod(t, 4.0) < 3.2 ? 1.0 : 0.02; // a pause each 4 s
            double value = band * syllable * phrase * 0.25;
            // A plosive: 15 ms of loud noise every 1.3 s.
            if (std::fmod(t, 1.3) < 0.015) {
                value += 2.0 * white / 3.0;
            }
            // An inter-sample peak: 20 ms of a tone at rate / 4, sampled 45° off its crests.
            if (std::fmod(t + 0.4, 2.9) < 0.02) {
                value += 0.6 * std::sin(M_PI / 2.0 * static_cast<double>(n) + M_PI / 4.0);
            }
            out[n * channels + c] = static_cast<float>(amplitude * value);
        }
    }
    return out;
}

} // namespace tapedeck::testing
