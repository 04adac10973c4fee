#include "SignalGenerator.h"

#include <cmath>
#include <numbers>
#include <random>

namespace tapedeck::testing {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

std::vector<float> spreadToChannels(const std::vector<double>& mono, int channels) {
    std::vector<float> out(mono.size() * static_cast<size_t>(channels));
    for (size_t frame = 0; frame < mono.size(); ++frame) {
        for (int c = 0; c < channels; ++c) {
            out[frame * channels + c] = static_cast<float>(mono[frame]);
        }
    }
    return out;
}

} // namespace

std::vector<float> SignalGenerator::sine(double frequencyHz, double amplitude, int64_t frames,
                                         int channels, int sampleRate) {
    std::vector<double> mono(static_cast<size_t>(frames));
    for (int64_t i = 0; i < frames; ++i) {
        // Phase from the frame index, not accumulated, so long signals do not drift.
        mono[i] = amplitude * std::sin(kTwoPi * frequencyHz * static_cast<double>(i) / sampleRate);
    }
    return spreadToChannels(mono, channels);
}

std::vector<float> SignalGenerator::chirp(double startHz, double endHz, double amplitude,
                                          int64_t frames, int channels, int sampleRate) {
    std::vector<double> mono(static_cast<size_t>(frames));
    const double duration = static_cast<double>(frames) / sampleRate;
    const double logRatio = std::log(endHz / startHz);
    for (int64_t i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) / sampleRate;
        // Integral of f(t) = startHz * (endHz/startHz)^(t/duration).
        const double phase =
            kTwoPi * startHz * duration / logRatio * (std::exp(t / duration * logRatio) - 1.0);
        mono[i] = amplitude * std::sin(phase);
    }
    return spreadToChannels(mono, channels);
}

std::vector<float> SignalGenerator::whiteNoise(double amplitude, int64_t frames, int channels,
                                               uint32_t seed) {
    // mt19937 is specified bit for bit by the standard; the distribution is not, so the
    // mapping to [-1, 1] is done here to give the same noise with every standard library.
    std::mt19937 generator(seed);
    constexpr double kScale = 2.0 / static_cast<double>(std::mt19937::max());
    std::vector<float> out(static_cast<size_t>(frames * channels));
    for (auto& sample : out) {
        sample = static_cast<float>(amplitude * (static_cast<double>(generator()) * kScale - 1.0));
    }
    return out;
}

std::vector<float> SignalGenerator::impulses(int64_t periodFrames, int64_t frames, int channels) {
    std::vector<double> mono(static_cast<size_t>(frames), 0.0);
    double sign = 1.0;
    for (int64_t i = 0; periodFrames > 0 && i < frames; i += periodFrames) {
        mono[i] = sign;
        sign = -sign;
    }
    return spreadToChannels(mono, channels);
}

std::vector<float> SignalGenerator::dc(const std::vector<float>& levels, int64_t frames) {
    const size_t channels = levels.size();
    std::vector<float> out(static_cast<size_t>(frames) * channels);
    for (int64_t frame = 0; frame < frames; ++frame) {
        for (size_t c = 0; c < channels; ++c) {
            out[frame * channels + c] = levels[c];
        }
    }
    return out;
}

std::vector<float> SignalGenerator::silence(int64_t frames, int channels) {
    return std::vector<float>(static_cast<size_t>(frames * channels), 0.0f);
}

} // namespace tapedeck::testing
