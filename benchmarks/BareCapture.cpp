// The yardstick for a take's CPU cost: the least a PortAudio program can do to record. Its
// callback copies each block into a lock-free ring; the main thread drains the ring five times
// a second into a 16-bit WAV with libsndfile. No levels, no events, no journal.
//
//   bare_capture FILE SECONDS [RATE]     records the default input (the sound server's default
//                                        source, as Tapedeck's default take does)

#include "core/engine/SampleRing.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <portaudio.h>
#include <sndfile.h>
#include <thread>
#include <vector>

namespace {

constexpr int kChannels = 2;

int callback(const void* input, void*, unsigned long frames, const PaStreamCallbackTimeInfo*,
             PaStreamCallbackFlags, void* userData) {
    auto* ring = static_cast<tapedeck::SampleRing*>(userData);
    if (input != nullptr) {
        ring->write(static_cast<const float*>(input), static_cast<std::int64_t>(frames));
    }
    return paContinue;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bare_capture FILE SECONDS [RATE]\n");
        return 2;
    }
    const double seconds = std::atof(argv[2]);
    const int rate = argc > 3 ? std::atoi(argv[3]) : 48000;
    if (Pa_Initialize() != paNoError) {
        return 1;
    }
    tapedeck::SampleRing ring(5 * rate, kChannels);
    PaStreamParameters in{};
    in.device = Pa_GetDefaultInputDevice();
    in.channelCount = kChannels;
    in.sampleFormat = paFloat32;
    in.suggestedLatency = 0.2; // as Tapedeck's takes
    PaStream* stream = nullptr;
    if (Pa_OpenStream(&stream, &in, nullptr, rate, paFramesPerBufferUnspecified, paClipOff,
                      callback, &ring) != paNoError) {
        Pa_Terminate();
        return 1;
    }
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = kChannels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(argv[1], SFM_WRITE, &info);
    if (file == nullptr) {
        return 1;
    }
    std::vector<float> chunk(static_cast<std::size_t>(rate) * kChannels);
    const auto total = static_cast<std::int64_t>(seconds * rate);
    std::int64_t written = 0;
    Pa_StartStream(stream);
    while (written < total) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        for (std::int64_t n; (n = ring.read(chunk.data(), rate)) > 0 && written < total;) {
            n = std::min(n, total - written);
            sf_writef_float(file, chunk.data(), n);
            written += n;
        }
    }
    Pa_StopStream(stream);
    Pa_CloseStream(stream);
    sf_close(file);
    Pa_Terminate();
    return 0;
}
