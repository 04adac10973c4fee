#pragma once

#include <array>

namespace tapedeck {

// How a level meter moves: the peak bar jumps up at once and falls at a fixed rate, the RMS
// bar does the same more slowly, a peak-hold line stays at the highest recent peak for a
// while and then falls, and a clip latch stays set until cleared. Pure logic with no clock
// of its own: every call takes the time, so tests drive it with an injected clock.
// GUI thread only (one owner, not shared between threads).
class MeterBallistics {
public:
    static constexpr int kMaxChannels = 8;
    static constexpr double kFloorDb = -60.0;            // bottom of the scale: silence
    static constexpr double kCeilingDb = 6.0;            // float input can exceed full scale
    static constexpr double kPeakFallDbPerSecond = 20.0; // peak bar decay
    static constexpr double kRmsFallDbPerSecond = 12.0;  // RMS bar decay (slower, steadier)
    static constexpr double kPeakHoldSeconds = 1.5;      // hold line stays this long...
    static constexpr double kHoldFallDbPerSecond = 30.0; // ...then falls at this rate
    static constexpr float kClipLevel = 0.9999f;         // linear peak that counts as a clip

    struct Channel {
        double peakDb = kFloorDb;
        double rmsDb = kFloorDb;
        double holdDb = kFloorDb;
        bool clipped = false;
    };

    // Channels beyond kMaxChannels are ignored. Changing the count resets every channel's
    // levels (reset()); the channels that remain keep their clip latch.
    void setChannelCount(int channels);
    int channelCount() const { return channelCount_; }

    // New block levels (linear, 0..1) measured at time `nowSeconds`. Applies the decay
    // since the last call first, so bursts of blocks within one frame are all honoured.
    void feed(int channels, const float* peak, const float* rms, double nowSeconds);

    // Lets the bars fall to where they should be at `nowSeconds` (call once per frame).
    void advance(double nowSeconds);

    const Channel& channel(int index) const { return channels_.at(index).shown; }
    bool anyClipped() const;
    void clearClips();
    // Everything at the floor and no hold line showing: nothing left to animate.
    bool isIdle() const;
    // Back to silence. A clip latch stays until clearClips() (the person clicks the meter):
    // a clip in a take must still show after the take has stopped.
    void reset();

    static double toDb(float linear);

private:
    struct State {
        Channel shown;
        double holdSince = 0;
    };
    std::array<State, kMaxChannels> channels_{};
    int channelCount_ = 0;
    double lastTime_ = 0;
    bool hasTime_ = false;
};

} // namespace tapedeck
