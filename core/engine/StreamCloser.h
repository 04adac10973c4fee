#pragma once

#include <chrono>
#include <memory>

typedef void PaStream;

namespace tapedeck {

enum class StopMode {
    Drain, // Pa_StopStream: let the buffers already queued play out
    Abort, // Pa_AbortStream: stop at once (a failure)
};

// Stops and closes a stream without letting a frozen sound server hang the control thread:
// PortAudio is called on a helper thread and the caller waits at most `timeout`. If the time
// runs out, the helper keeps `keepAlive` (everything the callback can still touch) until
// PortAudio returns, the stream counts as abandoned, and this returns false.
// Control thread.
bool closeStream(PaStream* stream, StopMode mode, std::shared_ptr<void> keepAlive,
                 std::chrono::milliseconds timeout);

} // namespace tapedeck
