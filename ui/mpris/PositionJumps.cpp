#include "ui/mpris/PositionJumps.h"

#include <cmath>

namespace tapedeck {

bool PositionJumps::isJump(std::int64_t frame, int sampleRate, bool playing, double speed,
                           std::int64_t nowMs) {
    const std::int64_t last = lastFrame_;
    const std::int64_t lastMs = lastMs_;
    lastFrame_ = frame;
    lastMs_ = nowMs;
    if (last < 0 || sampleRate <= 0)
        return false;
    if (!playing)
        return frame != last;
    const double expected = static_cast<double>(last) +
                            static_cast<double>(nowMs - lastMs) / 1000.0 * sampleRate * speed;
    return std::abs(static_cast<double>(frame) - expected) > kToleranceSeconds * sampleRate;
}

} // namespace tapedeck
