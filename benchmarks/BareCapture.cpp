// The yardstick for a take's CPU cost: the least a PortAudio program can do to record. Its
// callback copies each block into a lock-free ring; the main thread drains the ring five times
// a second into a 16-bit WAV with libsndfile. No levels, no events, no journal.
//
//   bare_capture FILE SECONDS [RATE [STREAMS]]
//       records the default input (the sound server's default source) into FILE; with
//       STREAMS 2, a second stream on it too, into FILE.2.wav: what two streams cost at least

#include "core/engine/SampleRing.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <portaudio.h>
#include <sndfile.h>
#include <string>
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
    const int streams = argc > 4 ? std::atoi(argv[4]) : 1;
    if (Pa_Initialize() != paNoError || streams < 1 || streams > 2) {
        return 1;
    }
    struct Capture {
        std::unique_ptr<tapedeck::SampleRing> ring;
        PaStream* stream = nullptr;
        SNDFILE* file = nullptr;
        std::int64_t written = 0;
    };
    std::vector<Capture> captures(static_cast<std::size_t>(streams));
    PaStreamParameters in{};
    in.device = Pa_GetDefaultInputDevice();
    in.channelCount = kChannels;
    in.sampleFormat = paFloat32;
    in.suggestedLatency = 0.2; // as Tapedeck's takes
    for (std::size_t i = 0; i < captures.size(); ++i) {
        Capture& c = captures[i];
        c.ring = std::make_unique<tapedeck::SampleRing>(5 * rate, kChannels);
        if (Pa_OpenStream(&c.stream, &in, nullptr, rate, paFramesPerBufferUnspecified, paClipOff,
                          callback, c.ring.get()) != paNoError) {
            return 1;
        }
        SF_INFO info{};
        info.samplerate = rate;
        info.channels = kChannels;
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        const std::string path = i == 0 ? argv[1] : std::string(argv[1]) + ".2.wav";
        c.file = sf_open(path.c_str(), SFM_WRITE, &info);
        if (c.file == nullptr) {
            return 1;
        }
    }
    std::vector<float> chunk(static_cast<std::size_t>(rate) * kChannels);
    const auto total = static_cast<std::int64_t>(seconds * rate);
    for (Capture& c : captures) {
        Pa_StartStream(c.stream);
    }
    while (captures[0].written < total) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        for (Capture& c : captures) {
            for (std::int64_t n; (n = c.ring->read(chunk.data(), rate)) > 0 && c.written < total;) {
                n = std::min(n, total - c.written);
                sf_writef_float(c.file, chunk.data(), n);
                c.written += n;
            }
        }
    }
    for (Capture& c : captures) {
        Pa_StopStream(c.stream);
        Pa_CloseStream(c.stream);
        sf_close(c.file);
    }
    Pa_Terminate();
    return 0;
}
