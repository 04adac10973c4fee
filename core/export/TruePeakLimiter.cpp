#include "core/export/TruePeakLimiter.h"

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

// Below this reduction a frame does not count as limited (rounding of the averaged gain).
constexpr double kReducedThreshold = 0.98855; // -0.1 dB

} // namespace

TruePeakLimiter::TruePeakLimiter(int channels, int sampleRate, double ceilingDbtp)
    : channels_(channels),
      lookAhead_(std::max(1, static_cast<int>(std::lround(kLookAheadSeconds * sampleRate)))),
      ceiling_(std::pow(10.0, ceilingDbtp / 20.0)),
      releaseCoefficient_(std::exp(-1.0 / (kReleaseSeconds * sampleRate))), detector_(channels),
      delay_(static_cast<std::size_t>(channels) * (latencyFrames() + 1), 0.0f),
      averageRing_(static_cast<std::size_t>(lookAhead_), 1.0),
      averageSum_(static_cast<double>(lookAhead_)), zeros_(static_cast<std::size_t>(channels)) {
    lead_ = lookAhead_ - 1;
}

void TruePeakLimiter::process(const float* in, std::int64_t frames, std::vector<float>& out) {
    out.reserve(out.size() + static_cast<std::size_t>(frames * channels_));
    if (!started_) {
        started_ = true;
        for (std::int64_t f = 0; f < lead_; ++f) {
            pushFrame(zeros_.data(), false, out);
        }
    }
    for (std::int64_t f = 0; f < frames; ++f) {
        pushFrame(in + f * channels_, true, out);
    }
}

void TruePeakLimiter::flush(std::vector<float>& out) {
    while (emitted_ < realFrames_) {
        pushFrame(zeros_.data(), false, out);
    }
}

void TruePeakLimiter::pushFrame(const float* frame, bool real, std::vector<float>& out) {
    const std::int64_t ring = latencyFrames() + 1;
    const std::int64_t index = written_++;
    if (real) {
        ++realFrames_;
    }
    std::copy(frame, frame + channels_, delay_.begin() + (index % ring) * channels_);

    // 1. The peak of frame `peakFrame` is known once kHalfTaps more frames have come in. An
    // interpolated peak between two frames is owed by both of them.
    const float peak = detector_.push(frame);
    const std::int64_t peakFrame = index - InterSamplePeak::latencyFrames();
    if (peakFrame < 0) {
        return;
    }
    const float owed = std::max(peak, previousPeak_);
    previousPeak_ = peak;
    const double wanted = owed > ceiling_ ? ceiling_ / owed : 1.0;

    // 2. The smallest wanted gain over [gainFrame, gainFrame + lookAhead).
    while (!minima_.empty() && minima_.back().second >= wanted) {
        minima_.pop_back();
    }
    minima_.emplace_back(peakFrame, wanted);
    const std::int64_t gainFrame = peakFrame - (lookAhead_ - 1);
    while (minima_.front().first < gainFrame) {
        minima_.pop_front();
    }
    if (gainFrame < 0) {
        return;
    }
    const double lowest = minima_.front().second;

    // 3. Release towards 1, never above the minimum; then average over the look-ahead, which
    // makes the attack a ramp that reaches each peak's gain by the peak.
    released_ = std::min(lowest, 1.0 - (1.0 - released_) * releaseCoefficient_);
    const auto slot = static_cast<std::size_t>(averaged_++ % lookAhead_);
    averageSum_ += released_ - averageRing_[slot];
    averageRing_[slot] = released_;
    const double gain = std::min(1.0, averageSum_ / lookAhead_);

    // 4. The delayed frame gets its gain.
    if (gainFrame < lead_ || gainFrame >= lead_ + realFrames_) {
        return; // the lead or a zero of flush(), not part of the stream
    }
    const float* delayed = delay_.data() + (gainFrame % ring) * channels_;
    for (int c = 0; c < channels_; ++c) {
        out.push_back(static_cast<float>(delayed[c] * gain));
    }
    ++emitted_;
    minGain_ = std::min(minGain_, gain);
    if (gain < kReducedThreshold) {
        ++framesReduced_;
    }
}

double TruePeakLimiter::maxReductionDb() const {
    return minGain_ >= 1.0 ? 0.0 : -20.0 * std::log10(minGain_);
}

} // namespace tapedeck
