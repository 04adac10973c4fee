#pragma once

#include <optional>
#include <string>

namespace tapedeck {

// The loudness figures of a whole file or take. A value is missing (not made up) when the
// signal is too short or too quiet for the standard to define it; `reason` then says why
// in plain words. Plain value type: any thread.
struct LoudnessReading {
    std::optional<double> integratedLufs;   // gated integrated loudness, LUFS
    std::optional<double> rangeLu;          // loudness range (EBU Tech 3342), LU
    std::optional<double> truePeakDbtp;     // highest true peak of any channel, dBTP
    std::optional<double> maxMomentaryLufs; // loudest 400 ms window, LUFS
    std::optional<double> maxShortTermLufs; // loudest 3 s window, LUFS
    std::string reason;                     // why a value is missing; empty when all are present
};

} // namespace tapedeck
