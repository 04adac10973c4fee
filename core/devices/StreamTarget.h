#pragma once

#include "core/devices/DeviceInfo.h"

#include <pa_linux_alsa.h>
#include <portaudio.h>
#include <string>

namespace tapedeck {

// The PortAudio stream parameters that reach one device. A sound-server device is reached
// through the ALSA "pulse" PCM with the server's node name as its DEVICE argument
// ("pulse:DEVICE=alsa_input.usb-…"), so each stream names its own source or sink: nothing
// process-wide (no PULSE_SOURCE in the environment) and nothing of other programs changes.
//
// Holds the ALSA stream info that parameters() points to: keep it alive until the stream is
// opened (or the format check is done), and do not copy it. Control thread.
class StreamTarget {
public:
    StreamTarget(const DeviceInfo& device, int channels, double suggestedLatency);
    StreamTarget(const StreamTarget&) = delete;
    StreamTarget& operator=(const StreamTarget&) = delete;

    const PaStreamParameters* parameters() const { return &parameters_; }

    // The ALSA PCM name a server device is opened with.
    static std::string alsaName(const std::string& serverId);

private:
    PaStreamParameters parameters_{};
    PaAlsaStreamInfo alsa_{};
    std::string alsaName_;
};

} // namespace tapedeck
