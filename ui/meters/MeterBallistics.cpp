#include "ui/meters/MeterBallistics.h"

#include <algorithm>
#include <cmath>

namespace tapedeck {

void MeterBallistics::setChannelCount(int channels) {
    const int kept = std::min(channelCount_, std::clamp(channels, 0, kMaxChannels));
    channelCount_ = std::clamp(channels, 0, kMaxChannels);
    reset();
    // Channels beyond the new count lose their latch with their channel.
    for (int i = kept; i < kMaxChannels; ++i)
        channels_[i].shown.clipped = false;
}

void MeterBallistics::reset() {
    for (State& state : channels_) {
        const bool clipped = state.shown.clipped;
        state = State{};
        state.shown.clipped = clipped;
    }
}

double MeterBallistics::toDb(float linear) {
    if (!(linear > 0.0f))
        return kFloorDb;
    return std::clamp(20.0 * std::log10(static_cast<double>(linear)), kFloorDb, kCeilingDb);
}

void MeterBallistics::advance(double nowSeconds) {
    if (!hasTime_) {
        lastTime_ = nowSeconds;
        hasTime_ = true;
        return;
    }
    const double elapsed = std::max(0.0, nowSeconds - lastTime_);
    lastTime_ = std::max(lastTime_, nowSeconds);
    for (int i = 0; i < channelCount_; ++i) {
        State& state = channels_[i];
        Channel& shown = state.shown;
        shown.peakDb = std::max(kFloorDb, shown.peakDb - kPeakFallDbPerSecond * elapsed);
        shown.rmsDb = std::max(kFloorDb, shown.rmsDb - kRmsFallDbPerSecond * elapsed);
        // The hold line falls only for the part of this interval after the hold expired.
        const double holdEnds = state.holdSince + kPeakHoldSeconds;
        const double fallingFor = std::min(elapsed, nowSeconds - holdEnds);
        if (fallingFor > 0)
            shown.holdDb = std::max(kFloorDb, shown.holdDb - kHoldFallDbPerSecond * fallingFor);
        shown.holdDb = std::max(shown.holdDb, shown.peakDb);
    }
}

void MeterBallistics::feed(int channels, const float* peak, const float* rms, double nowSeconds) {
    advance(nowSeconds);
    const int count = std::min(channels, channelCount_);
    for (int i = 0; i < count; ++i) {
        State& state = channels_[i];
        Channel& shown = state.shown;
        const double peakDb = toDb(peak[i]);
        shown.peakDb = std::max(shown.peakDb, peakDb);
        shown.rmsDb = std::max(shown.rmsDb, toDb(rms[i]));
        if (peakDb >= shown.holdDb) {
            shown.holdDb = peakDb;
            state.holdSince = nowSeconds;
        }
        if (peak[i] >= kClipLevel)
            shown.clipped = true;
    }
}

bool MeterBallistics::anyClipped() const {
    for (int i = 0; i < channelCount_; ++i) {
        if (channels_[i].shown.clipped)
            return true;
    }
    return false;
}

void MeterBallistics::clearClips() {
    for (State& state : channels_)
        state.shown.clipped = false;
}

bool MeterBallistics::isIdle() const {
    for (int i = 0; i < channelCount_; ++i) {
        const Channel& shown = channels_[i].shown;
        if (shown.peakDb > kFloorDb || shown.rmsDb > kFloorDb || shown.holdDb > kFloorDb)
            return false;
    }
    return true;
}

} // namespace tapedeck
