#include "core/dsp/Levels.h"

#include <algorithm>
#include <cmath>

namespace tapedeck {

void measureLevels(const float* interleaved, std::int64_t frames, int channels,
                   EngineEvent& event) noexcept {
    measureLevels(interleaved, frames, channels, channels, event);
}

void measureLevels(const float* interleaved, std::int64_t frames, int stride, int channels,
                   EngineEvent& event) noexcept {
    const int metered = std::min(channels, kMaxMeteredChannels);
    event.type = EngineEventType::Levels;
    event.channels = metered;
    for (int c = 0; c < metered; ++c) {
        float peak = 0.0f;
        double sumSquares = 0.0;
        for (std::int64_t i = 0; i < frames; ++i) {
            const float x = interleaved[i * stride + c];
            peak = std::max(peak, std::fabs(x));
            sumSquares += static_cast<double>(x) * x;
        }
        event.peak[c] = peak;
        event.rms[c] = frames > 0 ? static_cast<float>(std::sqrt(sumSquares / frames)) : 0.0f;
    }
}

double linearToDb(double linear) noexcept {
    constexpr double kFloorDb = -120.0;
    if (linear <= 0.0) {
        return kFloorDb;
    }
    return std::max(kFloorDb, 20.0 * std::log10(linear));
}

} // namespace tapedeck
