#pragma once

namespace tapedeck {

// How Tapedeck reaches the desktop's sound server (PipeWire or PulseAudio). Plain value: any
// thread.
enum class ServerAccess {
    // No server answered: the list is PortAudio's own.
    None,
    // Each of the server's devices is reached by its node name, through ALSA's "pulse" PCM
    // with a DEVICE argument.
    ByName,
    // The server answered, but ALSA's "pulse" PCM takes no DEVICE argument (some
    // distributions define it so): streams reach only the server's default source and sink,
    // through PortAudio's "default" and "pulse" devices.
    DefaultDeviceOnly,
};

} // namespace tapedeck
