#pragma once

#include "core/loudness/LoudnessReading.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace tapedeck {

// Measures loudness per ITU-R BS.1770-4 / EBU R128 as frames arrive: momentary (400 ms),
// short-term (3 s), integrated and loudness range through libebur128, and the true peak.
// The momentary and short-term windows slide in 10 ms steps, and their maxima are taken at
// every step (EBU Tech 3341 cases 10-14: within 0.1 LU of a tone however it falls).
// Channels are weighted and summed, not measured apart: mono is one channel of weight 1;
// stereo is L, R; 5.1 is L, R, C, LFE (left out, as BS.1770 says), Ls, Rs (weight 1.41);
// other counts keep libebur128's defaults (3: L R C; 4: L R Ls Rs; 5: L R C Ls Rs; from
// the seventh channel on, left out).
//
// Threads: one non-real-time thread at a time (file scanner, disk writer, disk reader).
// Never the audio thread: libebur128 allocates a block for every 100 ms it gates.
class LoudnessMeter {
public:
    enum class Peak { None, True };

    // Throws std::invalid_argument unless supports(channels, sampleRate).
    LoudnessMeter(int channels, int sampleRate, Peak peak = Peak::True);
    // libebur128's limits: 1..64 channels, 16 Hz..2.8224 MHz.
    static bool supports(int channels, int sampleRate);
    ~LoudnessMeter();
    LoudnessMeter(LoudnessMeter&&) noexcept;
    LoudnessMeter& operator=(LoudnessMeter&&) noexcept;
    LoudnessMeter(const LoudnessMeter&) = delete;
    LoudnessMeter& operator=(const LoudnessMeter&) = delete;

    // Adds `frames` frames of `channels` interleaved floats (full scale 1.0). Not real-time
    // safe.
    void addFrames(const float* interleaved, std::int64_t frames);

    // Everything measured so far, with a reason for each value that cannot be given yet.
    LoudnessReading reading() const;
    // Loudness of the last 400 ms (up to the last whole 10 ms step); empty before 400 ms
    // have arrived or in digital silence.
    std::optional<double> momentaryLufs() const;
    // Loudness of the last 3 s (up to the last whole 10 ms step); empty before 3 s have
    // arrived or in digital silence.
    std::optional<double> shortTermLufs() const;
    // Gated integrated loudness so far; empty until a 400 ms block passes the -70 LUFS gate.
    // Costs a walk over every 100 ms block so far: call it about once a second, not per block.
    std::optional<double> integratedLufs() const;

    int channels() const;
    int sampleRate() const;
    std::int64_t framesMeasured() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace tapedeck
