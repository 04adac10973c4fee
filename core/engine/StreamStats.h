#pragma once

#include <cstdint>

namespace tapedeck {

// Counters of one stream, read by the control thread at any time.
struct StreamStats {
    std::int64_t callbacks = 0;
    std::int64_t framesProcessed = 0;  // captured (recording) or played (playback)
    std::int64_t framesWritten = 0;    // recording: frames that reached the file
    std::int64_t droppedFrames = 0;    // recording: ring full; playback: ring empty (silence)
    std::int64_t dropouts = 0;         // blocks with dropped frames
    std::int64_t xruns = 0;            // PortAudio input overflow / output underflow flags
    std::int64_t lostEvents = 0;       // level/status events dropped because the queue was full
    std::int64_t lostDropoutMarks = 0; // dropouts not logged (their queue was full)
    std::int64_t clippedSamples = 0;   // recording: samples in the file at full scale
    double callbackMedianMicros = 0;   // time spent in our callback per block
    double callbackWorstMicros = 0;
};

} // namespace tapedeck
