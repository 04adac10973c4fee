#pragma once

#include <algorithm>
#include <cstdint>

namespace tapedeck {

// Where the listener is in the file, from what the output callback has taken from the ring.
// The ring is refilled from `baseFrame` after every flush (a seek, a pause, a speed change),
// at one speed, so the file time heard is linear in the device frames heard: each device
// frame is fileRate / deviceRate file frames at speed 1, and `speed` times that when
// stretched (the stretcher's output is aligned with its input, see TimeStretcher).
// Pure arithmetic: any thread.
struct PlaybackPosition {
    std::int64_t baseFrame = 0; // file frame of the first frame in the ring after the flush
    double speed = 1.0;         // 2: twice as fast
    int fileRate = 48000;
    int deviceRate = 48000;
    std::int64_t fileFrames = 0; // where playing ends (the file's length): never passed

    // `consumed`: device frames taken from the ring since the flush; `latency`: device frames
    // taken but not yet heard (the output latency).
    std::int64_t fileFrameHeard(std::int64_t consumed, std::int64_t latency) const {
        const std::int64_t heard = std::max<std::int64_t>(0, consumed - latency);
        const double perDeviceFrame = speed * fileRate / deviceRate;
        const auto advance = static_cast<std::int64_t>(static_cast<double>(heard) * perDeviceFrame);
        return std::min(baseFrame + advance, fileFrames);
    }

    // The inverse: device frames to hear before `fileFrame` is heard (rounded up).
    std::int64_t deviceFramesUntil(std::int64_t fileFrame) const {
        const double perDeviceFrame = speed * fileRate / deviceRate;
        const double frames = static_cast<double>(std::max<std::int64_t>(0, fileFrame - baseFrame));
        return static_cast<std::int64_t>(frames / perDeviceFrame + 0.999999);
    }
};

} // namespace tapedeck
