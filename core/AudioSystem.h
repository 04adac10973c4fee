#pragma once

#include "DeviceInfo.h"
#include "Result.h"

#include <memory>
#include <string_view>
#include <vector>

namespace tapedeck {

// PortAudio's initialization and the device list. One per process.
// Control thread only (the thread that created it): PortAudio is not thread-safe here.
class AudioSystem {
public:
    // Starts PortAudio and scans the devices.
    static Result<std::unique_ptr<AudioSystem>> start();
    ~AudioSystem();
    AudioSystem(const AudioSystem&) = delete;
    AudioSystem& operator=(const AudioSystem&) = delete;

    const std::vector<DeviceInfo>& devices() const { return devices_; }

    // Re-scans the devices (hot-plug, a sound server that came back). PortAudio only sees
    // new devices after a re-initialization, so this fails while any stream is open.
    Status rescan();

    // Finds a device by exact name, else by a unique case-insensitive substring. An empty
    // query means the system default device for that direction.
    Result<DeviceInfo> findDevice(std::string_view query, Direction direction) const;

    // Finds the device with this host API and name (how settings remember a device).
    const DeviceInfo* findExact(std::string_view hostApi, std::string_view name) const;

    // Whether the device can run with this many channels at this rate. The error message
    // is meant for a person: it names the device and the rates it does support.
    Status checkFormat(const DeviceInfo& device, Direction direction, int channels,
                       int sampleRate) const;

    // The standard rates (8000 … 192000 Hz) this device supports with this many channels.
    std::vector<int> supportedRates(const DeviceInfo& device, Direction direction,
                                    int channels) const;

    static const std::vector<int>& standardRates();

private:
    AudioSystem() = default;
    void scan();

    std::vector<DeviceInfo> devices_;
};

} // namespace tapedeck
