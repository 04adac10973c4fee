#pragma once

// Synthetic signals and files for the summary tests: every test makes its own.

#include <sndfile.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

namespace tapedeck::testsignals {

// Interleaved stereo: a sine per channel (different frequencies and amplitudes).
inline std::vector<float> sine(std::int64_t frames, int channels, double rate = 48000.0) {
    std::vector<float> out(static_cast<std::size_t>(frames * channels));
    for (std::int64_t f = 0; f < frames; ++f) {
        for (int c = 0; c < channels; ++c) {
            const double freq = 440.0 * (c + 1);
            const double amplitude = 0.8 / (c + 1);
            out[f * channels + c] =
                static_cast<float>(amplitude * std::sin(2.0 * std::numbers::pi * freq * f / rate));
        }
    }
    return out;
}

// Silence with +1 and -1 pulses at a few frames, different per channel.
inline std::vector<float> impulses(std::int64_t frames, int channels) {
    std::vector<float> out(static_cast<std::size_t>(frames * channels), 0.0f);
    for (std::int64_t f = 17; f < frames; f += 9973) {
        for (int c = 0; c < channels; ++c) {
            const std::int64_t at = f + c * 3;
            if (at < frames) {
                out[at * channels + c] = ((f / 9973) % 2 == 0) ? 1.0f : -1.0f;
            }
        }
    }
    return out;
}

// A different constant per channel: 0.5, -0.25, 0.125, ...
inline float dcLevel(int channel) {
    return static_cast<float>((channel % 2 == 0 ? 0.5 : -0.25) / (1 << (channel / 2)));
}
inline std::vector<float> dc(std::int64_t frames, int channels) {
    std::vector<float> out(static_cast<std::size_t>(frames * channels));
    for (std::int64_t f = 0; f < frames; ++f) {
        for (int c = 0; c < channels; ++c) {
            out[f * channels + c] = dcLevel(c);
        }
    }
    return out;
}

// Writes interleaved floats to a file; format e.g. SF_FORMAT_WAV | SF_FORMAT_PCM_16.
inline bool writeFile(const std::string& path, const std::vector<float>& samples, int channels,
                      int rate = 48000, int format = SF_FORMAT_WAV | SF_FORMAT_FLOAT) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (file == nullptr) {
        return false;
    }
    const sf_count_t frames = static_cast<sf_count_t>(samples.size() / channels);
    const bool ok = sf_writef_float(file, samples.data(), frames) == frames;
    return sf_close(file) == 0 && ok;
}

// Writes interleaved 16-bit codes to a 16-bit WAV.
inline bool writeShorts(const std::string& path, const std::vector<short>& samples, int channels,
                        int rate = 48000) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (file == nullptr) {
        return false;
    }
    const sf_count_t frames = static_cast<sf_count_t>(samples.size() / channels);
    const bool ok = sf_writef_short(file, samples.data(), frames) == frames;
    return sf_close(file) == 0 && ok;
}

} // namespace tapedeck::testsignals
