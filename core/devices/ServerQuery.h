#pragma once

#include "core/base/Result.h"
#include "core/devices/ServerDevice.h"

#include <chrono>

namespace tapedeck {

// Asks the desktop's sound server (PulseAudio, or PipeWire through pipewire-pulse) for its
// sources and sinks with libpulse, which both servers speak. Never starts a server.
//
// Control thread (any one thread at a time): each call makes its own connection on its own
// libpulse main loop thread, and returns within `timeout` even if the server hangs.
class ServerQuery {
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{1500};

    // The devices, or an error when no server answers (then PortAudio's own list is all
    // there is).
    static Result<ServerSnapshot> devices(std::chrono::milliseconds timeout = kDefaultTimeout);
};

} // namespace tapedeck
