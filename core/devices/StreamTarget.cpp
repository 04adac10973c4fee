#include "core/devices/StreamTarget.h"

namespace tapedeck {

StreamTarget::StreamTarget(const DeviceInfo& device, int channels, double suggestedLatency) {
    parameters_.channelCount = channels;
    parameters_.sampleFormat = paFloat32;
    parameters_.suggestedLatency = suggestedLatency;
    if (device.serverId.empty()) {
        parameters_.device = device.portAudioIndex;
        return;
    }
    alsaName_ = alsaName(device.serverId);
    PaAlsa_InitializeStreamInfo(&alsa_);
    alsa_.deviceString = alsaName_.c_str();
    parameters_.device = paUseHostApiSpecificDeviceSpecification;
    parameters_.hostApiSpecificStreamInfo = &alsa_;
}

std::string StreamTarget::alsaName(const std::string& serverId) {
    // ALSA's argument syntax: a quoted string may hold any character but the quote itself,
    // which no server node name contains.
    return "pulse:DEVICE=\"" + serverId + "\"";
}

} // namespace tapedeck
