#pragma once

#include <cstdint>
#include <vector>

namespace tapedeck::testing {

// A signal that behaves like a voice recording for loudness purposes, reproducible from the
// seed: band-limited noise shaped into syllables (about 4 a second) and phrases with pauses,
// plus short loud plosive bursts and, now and then, a tone at a quarter of the rate whose
// samples miss its crests by 3 dB (an inter-sample peak). Its peaks stand about 20 dB over
// its loudness, as speech does, so bringing it to -16 LUFS under -1 dBTP needs the limiter.
// Interleaved; channels 1 or more, each with its own noise.
std::vector<float> speechLikeSignal(double seconds, int channels, int sampleRate, double amplitude,
                                    std::uint32_t seed);

} // namespace tapedeck::testing
