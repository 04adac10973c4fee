#pragma once

#include <string>

namespace tapedeck {

// One audio device as PortAudio reports it. A device is identified by host API + name,
// never by PortAudio's index, which changes from one scan to the next.
struct DeviceInfo {
    std::string hostApi;
    std::string name;
    int maxInputChannels = 0;
    int maxOutputChannels = 0;
    double defaultSampleRate = 0;
    double defaultLowInputLatency = 0;
    double defaultHighInputLatency = 0;
    double defaultLowOutputLatency = 0;
    double defaultHighOutputLatency = 0;
    bool isDefaultInput = false;
    bool isDefaultOutput = false;
    int portAudioIndex = -1; // valid only until the next scan

    bool canRecord() const { return maxInputChannels > 0; }
    bool canPlay() const { return maxOutputChannels > 0; }
};

enum class Direction { Input, Output };

} // namespace tapedeck
