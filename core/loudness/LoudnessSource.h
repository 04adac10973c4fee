#pragma once

#include <optional>

namespace tapedeck {

// What a loudness readout shows. Empty: the standard does not define the figure yet (the
// first 400 ms, the first 3 s, digital silence) or it is not measured yet.
struct LoudnessFigures {
    std::optional<double> momentaryLufs;  // the last 400 ms
    std::optional<double> shortTermLufs;  // the last 3 s
    std::optional<double> integratedLufs; // the take so far, or the whole file being played
    double seconds = 0.0;                 // audio measured so far
};

// Where a readout gets its figures: a take being recorded (LiveLoudness) or a file being
// played (PlaybackLoudness). Both measure on a thread of their own; figures() is called from
// any thread (the GUI thread, at its refresh rate) and never waits for the measuring one.
class LoudnessSource {
public:
    using Figures = LoudnessFigures;
    virtual ~LoudnessSource() = default;
    virtual Figures figures() const = 0;
};

} // namespace tapedeck
