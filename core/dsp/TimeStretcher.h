#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace RubberBand {
class RubberBandStretcher;
}

namespace tapedeck {

// Plays audio faster or slower at the same pitch, with librubberband (Debian
// librubberband-dev: a maintained, high-quality time-stretcher; a hand-written one would be
// worse). Interleaved float frames in and out, at one sample rate.
//
// Used by the disk-reader thread only: RubberBand allocates as it works, so it never runs
// in the audio callback. The output is aligned with the input: output frame k stands for
// input frame k * speed after the last reset() (the stretcher's start delay is padded in and
// trimmed off here), so the reader can map what is heard back to file time.
class TimeStretcher {
public:
    TimeStretcher(int sampleRate, int channels);
    ~TimeStretcher();
    TimeStretcher(const TimeStretcher&) = delete;
    TimeStretcher& operator=(const TimeStretcher&) = delete;

    // Forgets all input and starts again at `speed` (0.5 to 2; 2 plays twice as fast).
    void reset(double speed);
    double speed() const { return speed_; }

    // Feeds `frames` interleaved frames (`last`: the end of the input, which lets out the
    // rest, followed by a short quiet tail) and appends every stretched frame ready to `out`.
    void process(const float* input, std::int64_t frames, bool last, std::vector<float>& out);

private:
    void retrieveInto(std::vector<float>& out);

    int channels_;
    double speed_ = 1.0;
    std::unique_ptr<RubberBand::RubberBandStretcher> stretcher_;
    std::int64_t delayToTrim_ = 0;              // output frames still to drop after reset()
    std::vector<std::vector<float>> planar_;    // one block of input, per channel
    std::vector<std::vector<float>> retrieved_; // one block of output, per channel
    std::vector<float*> planarPointers_;
};

} // namespace tapedeck
