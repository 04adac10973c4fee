#include "core/loudness/PublishedLoudness.h"

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

PublishedLoudness::PublishedLoudness() : momentary_(kNone), shortTerm_(kNone), integrated_(kNone) {}

void PublishedLoudness::setMomentaryAndShortTerm(std::optional<double> momentary,
                                                 std::optional<double> shortTerm) {
    momentary_.store(toStored(momentary), std::memory_order_relaxed);
    shortTerm_.store(toStored(shortTerm), std::memory_order_relaxed);
}

void PublishedLoudness::setIntegrated(std::optional<double> integrated) {
    integrated_.store(toStored(integrated), std::memory_order_relaxed);
}

void PublishedLoudness::setSeconds(double seconds) {
    seconds_.store(seconds, std::memory_order_relaxed);
}

void PublishedLoudness::clear() {
    setMomentaryAndShortTerm(std::nullopt, std::nullopt);
    setIntegrated(std::nullopt);
    setSeconds(0.0);
}

LoudnessFigures PublishedLoudness::load() const {
    LoudnessFigures f;
    f.momentaryLufs = fromStored(momentary_.load(std::memory_order_relaxed));
    f.shortTermLufs = fromStored(shortTerm_.load(std::memory_order_relaxed));
    f.integratedLufs = fromStored(integrated_.load(std::memory_order_relaxed));
    f.seconds = seconds_.load(std::memory_order_relaxed);
    return f;
}

} // namespace tapedeck
