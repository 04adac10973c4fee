#include "core/call/DriftCorrector.h"

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {
constexpr double kMaxIoRatio = 1.1;
} // namespace

DriftCorrector::DriftCorrector(int channels, int sampleRate, std::int64_t capacityFrames,
                               bool resample)
    : channels_(channels), sampleRate_(sampleRate), capacity_(capacityFrames), resample_(resample),
      window_(static_cast<std::size_t>(capacityFrames * channels)) {
    if (resample_) {
        const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
        const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, SOXR_VR);
        soxr_error_t error = nullptr;
        soxr_ = soxr_create(kMaxIoRatio, 1.0, static_cast<unsigned>(channels), &error, &io,
                            &quality, nullptr);
        if (error != nullptr) {
            soxr_ = nullptr;
        } else {
            soxr_set_io_ratio(soxr_, 1.0, 0);
            delayFrames_ = measureDelay();
            soxr_clear(soxr_);
            soxr_set_io_ratio(soxr_, 1.0, 0);
        }
    }
}

DriftCorrector::~DriftCorrector() {
    if (soxr_ != nullptr) {
        soxr_delete(soxr_);
    }
}

const float* DriftCorrector::outputAt(std::int64_t frame) const {
    return window_.data() + (frame - outputBegin_) * channels_;
}

void DriftCorrector::discardBefore(std::int64_t frame) {
    const std::int64_t drop = std::clamp<std::int64_t>(frame - outputBegin_, 0, count_);
    if (drop == 0) {
        return;
    }
    std::copy(window_.begin() + drop * channels_, window_.begin() + count_ * channels_,
              window_.begin());
    count_ -= drop;
    outputBegin_ += drop;
}

double DriftCorrector::error() const {
    // The resampler's output stands for the input it has turned into output so far (its
    // count lags the input by what it holds back).
    const double at = tracking_ ? inputAtOutput_ : static_cast<double>(inputPosition_);
    return at - (static_cast<double>(outputEnd()) + offset_);
}

double DriftCorrector::measureDelay() {
    // An impulse through the resampler at ratio 1, in blocks as a take feeds it: how many
    // frames later its peak comes out. Control thread, once.
    constexpr std::size_t kBlock = 512;
    constexpr std::size_t kImpulseAt = 1000;
    std::vector<float> in(kBlock * static_cast<std::size_t>(channels_));
    std::vector<float> out(in.size());
    std::size_t fed = 0;
    std::size_t produced = 0;
    std::size_t peakAt = 0;
    float peak = 0;
    for (int block = 0; block < 16; ++block) {
        std::fill(in.begin(), in.end(), 0.0f);
        if (kImpulseAt >= fed && kImpulseAt < fed + kBlock) {
            in[(kImpulseAt - fed) * static_cast<std::size_t>(channels_)] = 1.0f;
        }
        std::size_t used = 0;
        std::size_t made = 0;
        soxr_process(soxr_, in.data(), kBlock, &used, out.data(), kBlock, &made);
        for (std::size_t i = 0; i < made; ++i) {
            if (std::fabs(out[i * static_cast<std::size_t>(channels_)]) > peak) {
                peak = std::fabs(out[i * static_cast<std::size_t>(channels_)]);
                peakAt = produced + i;
            }
        }
        fed += used;
        produced += made;
    }
    return static_cast<double>(peakAt) - static_cast<double>(kImpulseAt);
}

std::int64_t DriftCorrector::settleJump() {
    const double err = error();
    const double limit = resample_ ? kJumpSeconds * sampleRate_ : 0.5;
    if (std::fabs(err) <= limit) {
        return 0;
    }
    const auto frames = static_cast<std::int64_t>(std::llround(std::fabs(err)));
    if (err < 0) {
        inputPosition_ += frames; // behind: skip what the output no longer needs
        inputAtOutput_ += static_cast<double>(frames);
        return frames;
    }
    padSilence(std::min(frames, room())); // ahead: the output waits in silence
    return 0;
}

void DriftCorrector::padSilence(std::int64_t frames) {
    frames = std::min(frames, room());
    std::fill_n(window_.data() + count_ * channels_, frames * channels_, 0.0f);
    count_ += frames;
}

std::int64_t DriftCorrector::process(const float* input, std::int64_t frames,
                                     std::int64_t maxOutput) {
    maxOutput = std::min(maxOutput, room());
    if (frames <= 0 || maxOutput <= 0) {
        return 0;
    }
    float* out = window_.data() + count_ * channels_;
    if (!resample_) {
        const std::int64_t n = std::min(frames, maxOutput);
        std::copy_n(input, n * channels_, out);
        count_ += n;
        inputPosition_ += n;
        return n;
    }
    // Steer: behind (error < 0) takes more input per output frame.
    const double steer =
        std::clamp(-error() / (kSteerSeconds * sampleRate_), -kMaxCorrection, kMaxCorrection);
    ratio_ = 1.0 + steer;
    soxr_set_io_ratio(soxr_, ratio_, static_cast<std::size_t>(maxOutput));
    if (!tracking_) {
        inputAtOutput_ = static_cast<double>(inputPosition_) - delayFrames_;
        tracking_ = true;
    }
    std::size_t used = 0;
    std::size_t produced = 0;
    soxr_process(soxr_, input, static_cast<std::size_t>(frames), &used, out,
                 static_cast<std::size_t>(maxOutput), &produced);
    count_ += static_cast<std::int64_t>(produced);
    inputPosition_ += static_cast<std::int64_t>(used);
    inputAtOutput_ += static_cast<double>(produced) * ratio_;
    return static_cast<std::int64_t>(used);
}

} // namespace tapedeck
