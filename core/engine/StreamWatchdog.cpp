#include "core/engine/StreamWatchdog.h"

#include <portaudio.h>

namespace tapedeck {

bool StreamWatchdog::streamLost(PaStream* stream, bool finishedCallbackRan,
                                std::int64_t callbackCount) {
    return finishedCallbackRan || Pa_IsStreamActive(stream) != 1 ||
           stalled(callbackCount, std::chrono::steady_clock::now());
}

} // namespace tapedeck
