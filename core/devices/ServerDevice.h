#pragma once

#include <string>
#include <vector>

namespace tapedeck {

// What a sound-server device is for. A monitor is the sound a sink plays, offered as a source:
// "record what the computer plays".
enum class ServerDeviceKind { Input, Output, Monitor };

// One source or sink of a PipeWire or PulseAudio server, as the desktop's sound settings list
// it. Plain data: any thread.
struct ServerDevice {
    std::string id;          // the server's node name ("alsa_input.usb-…"): stable, for settings
    std::string description; // what the desktop shows ("Headset Mic")
    ServerDeviceKind kind = ServerDeviceKind::Input;
    int sampleRate = 0;
    int channels = 0;
    bool isDefault = false; // the server's default source (inputs) or sink (outputs)
    // A source's volume as a fraction of the server's normal level (1.0: 100 %, as pactl
    // shows it); negative when the server cannot set it (sinks, a source without a volume).
    double volume = -1;
    // For a monitor, the description of the sink it listens to.
    std::string monitoredSink;
};

// Everything one query of the server found.
struct ServerSnapshot {
    std::string serverName; // "PulseAudio (on PipeWire 0.3.65)", for the window's status
    std::vector<ServerDevice> devices;
};

} // namespace tapedeck
