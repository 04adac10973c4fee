#pragma once

#include <string>

namespace tapedeck {

// One audio device: a source or sink of the desktop's sound server (PipeWire or PulseAudio,
// found with libpulse and reached through ALSA's "pulse" PCM), or a device as PortAudio
// reports it. A device is identified by its server id, or by host API + name, never by
// PortAudio's index, which changes from one scan to the next.
struct DeviceInfo {
    // The host API's name, or kSoundServer for the sound server's devices.
    std::string hostApi;
    // What the desktop's sound settings call it ("Headset Mic"); PortAudio's name otherwise.
    std::string name;
    // The sound server's node name ("alsa_input.usb-…"); empty for PortAudio's own devices.
    std::string serverId;
    // The sound a sink plays, offered as an input ("Sound from … (what the computer plays)").
    bool isMonitor = false;
    // Raw hardware or a back end's own device, listed apart ("Advanced") while a sound server
    // runs: the server usually holds the hardware already.
    bool advanced = false;
    int maxInputChannels = 0;
    int maxOutputChannels = 0;
    double defaultSampleRate = 0;
    double defaultLowInputLatency = 0;
    double defaultHighInputLatency = 0;
    double defaultLowOutputLatency = 0;
    double defaultHighOutputLatency = 0;
    // An input's level on the sound server, as a fraction of its normal level (1.0: 100 %);
    // negative where the server cannot set it (no server, raw devices, outputs).
    double serverVolume = -1;
    bool isDefaultInput = false;
    bool isDefaultOutput = false;
    int portAudioIndex = -1; // valid only until the next scan

    static constexpr const char* kSoundServer = "Sound server";

    bool canRecord() const { return maxInputChannels > 0; }
    bool canPlay() const { return maxOutputChannels > 0; }
};

enum class Direction { Input, Output };

} // namespace tapedeck
