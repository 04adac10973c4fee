#include "core/loudness/LiveLoudness.h"

#include <cmath>
#include <limits>

namespace tapedeck {

namespace {

constexpr float kNone = std::numeric_limits<float>::quiet_NaN();

float toStored(const std::optional<double>& value) {
    return value ? static_cast<float>(*value) : kNone;
}

std::optional<double> fromStored(float value) {
    if (std::isnan(value))
        return std::nullopt;
    return static_cast<double>(value);
}

} // namespace

LiveLoudness::LiveLoudness(int channels)
    : channels_(channels), momentary_(kNone), shortTerm_(kNone), integrated_(kNone) {}

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
    momentary_.store(toStored(meter_->momentaryLufs()), std::memory_order_relaxed);
    shortTerm_.store(toStored(meter_->shortTermLufs()), std::memory_order_relaxed);
    // The integrated figure walks every 100 ms block so far: once a second of audio is enough.
    if (meter_->framesMeasured() >= nextIntegratedAt_) {
        integrated_.store(toStored(meter_->integratedLufs()), std::memory_order_relaxed);
        nextIntegratedAt_ = meter_->framesMeasured() + meter_->sampleRate();
    }
    seconds_.store(static_cast<double>(meter_->framesMeasured()) / meter_->sampleRate(),
                   std::memory_order_relaxed);
}

LiveLoudness::Figures LiveLoudness::figures() const {
    Figures f;
    f.momentaryLufs = fromStored(momentary_.load(std::memory_order_relaxed));
    f.shortTermLufs = fromStored(shortTerm_.load(std::memory_order_relaxed));
    f.integratedLufs = fromStored(integrated_.load(std::memory_order_relaxed));
    f.seconds = seconds_.load(std::memory_order_relaxed);
    return f;
}

} // namespace tapedeck
