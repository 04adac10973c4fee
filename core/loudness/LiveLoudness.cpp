#include "core/loudness/LiveLoudness.h"

namespace tapedeck {

LiveLoudness::LiveLoudness(int channels) : channels_(channels) {}

void LiveLoudness::setSampleRate(int sampleRate) {
    sampleRate_.store(sampleRate, std::memory_order_release);
}

void LiveLoudness::addFrames(const float* interleaved, std::int64_t frames) {
    if (!meter_) {
        const int rate = sampleRate_.load(std::memory_order_acquire);
        if (rate <= 0 || !LoudnessMeter::supports(channels_, rate)) {
            const auto kept = static_cast<std::int64_t>(early_.size()) / channels_;
            if (rate == 0 && kept + frames <= kMaxEarlyFrames)
                early_.insert(early_.end(), interleaved, interleaved + frames * channels_);
            else if (rate != 0)
                early_ = {};
            return;
        }
        meter_.emplace(channels_, rate, LoudnessMeter::Peak::None);
        if (!early_.empty()) {
            meter_->addFrames(early_.data(), static_cast<std::int64_t>(early_.size()) / channels_);
            early_ = {};
        }
    }
    meter_->addFrames(interleaved, frames);
    publish();
}

void LiveLoudness::publish() {
    published_.setMomentaryAndShortTerm(meter_->momentaryLufs(), meter_->shortTermLufs());
    // The integrated figure walks every 100 ms block so far: once a second of audio is enough.
    if (meter_->framesMeasured() >= nextIntegratedAt_) {
        published_.setIntegrated(meter_->integratedLufs());
        nextIntegratedAt_ = meter_->framesMeasured() + meter_->sampleRate();
    }
    published_.setSeconds(static_cast<double>(meter_->framesMeasured()) / meter_->sampleRate());
}

LiveLoudness::Figures LiveLoudness::figures() const {
    return published_.load();
}

} // namespace tapedeck
