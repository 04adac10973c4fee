#pragma once

#include <cstdint>
#include <soxr.h>
#include <vector>

namespace tapedeck {

// Puts the second input of a two-input take on the first input's timeline (disk-writer
// thread). Its output frame k is the take's frame k; the input frame it should hold is
// k + offset, where the offset comes from the two streams' anchors.
//
// With `resample` (two raw hardware devices, each on its own crystal) the offset keeps
// changing, and the input goes through libsoxr's variable-rate resampler (Debian libsoxr,
// already used for playback; SOXR_VR with soxr_set_io_ratio), steered so the input frame at the
// output's end follows the wanted one: the ratio is 1 + error / kSteerSeconds, clamped to
// kMaxCorrection. Without it (both streams on the sound server's clock) the input is copied
// and the offset only changes when an anchor does. Either way, an error larger than
// kJumpSeconds (a new anchor after a dropout) is made up at once by skipping input or adding
// silence.
class DriftCorrector {
public:
    static constexpr double kSteerSeconds = 1.0;
    static constexpr double kMaxCorrection = 0.005; // 5000 ppm: far beyond any crystal's error
    static constexpr double kJumpSeconds = 0.005;

    DriftCorrector(int channels, int sampleRate, std::int64_t capacityFrames, bool resample);
    ~DriftCorrector();
    DriftCorrector(const DriftCorrector&) = delete;
    DriftCorrector& operator=(const DriftCorrector&) = delete;

    bool valid() const { return !resample_ || soxr_ != nullptr; }

    // Disk thread: the offset wanted from now on (input frame = output frame + offset).
    void setOffset(double offsetFrames) { offset_ = offsetFrames; }
    double offset() const { return offset_; }
    // Disk thread: the next input frame it wants.
    std::int64_t inputPosition() const { return inputPosition_; }
    // Disk thread: output frames [outputBegin(), outputEnd()) are ready.
    std::int64_t outputBegin() const { return outputBegin_; }
    std::int64_t outputEnd() const { return outputBegin_ + count_; }
    std::int64_t room() const { return capacity_ - count_; }
    const float* outputAt(std::int64_t frame) const;
    void discardBefore(std::int64_t frame);

    // Disk thread: makes up a large error at once (skips input or adds silence). Call before
    // each process(); returns how many input frames to skip (the caller drops them).
    std::int64_t settleJump();
    // Disk thread: takes up to `frames` input frames at inputPosition() and turns them into
    // output, at most `maxOutput` frames; returns the input frames used.
    std::int64_t process(const float* input, std::int64_t frames, std::int64_t maxOutput);
    // Disk thread: `frames` output frames of silence (the input is lost, or not there yet).
    void padSilence(std::int64_t frames);
    // The input frame the output's end stands for minus the wanted one (frames; positive:
    // the input is ahead).
    double error() const;

private:
    const int channels_;
    const double sampleRate_;
    const std::int64_t capacity_;
    const bool resample_;
    soxr_t soxr_ = nullptr;
    std::vector<float> window_;
    std::int64_t outputBegin_ = 0;
    std::int64_t count_ = 0;
    std::int64_t inputPosition_ = 0;
    double offset_ = 0;
    double ratio_ = 1.0;
    double delayFrames_ = 0; // the resampler's own, measured once
    // Resampling: the input frame the next output frame stands for, once input has gone in.
    double inputAtOutput_ = 0;
    bool tracking_ = false;

    double measureDelay();
};

} // namespace tapedeck
