#pragma once

#include "core/base/Result.h"
#include "core/devices/DeviceInfo.h"
#include "core/devices/ServerAccess.h"
#include "core/devices/ServerWatcher.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tapedeck {

// PortAudio's initialization and the device list. One per process. Where a PipeWire or
// PulseAudio server runs, the list holds its sources, monitors and sinks by the names the
// desktop shows (found with libpulse), the default first and then by name, then PortAudio's
// raw devices marked advanced; with no server, or a server ALSA cannot reach by name,
// PortAudio's own list (see serverAccess()).
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

    // Asks the sound server for its devices again, keeping PortAudio's own: safe while
    // streams are open, since every server device is reached through the same ALSA PCM.
    void refreshServerDevices();

    // A watcher of the server's devices (hot-plug), started on the first call; nullptr with
    // no sound server.
    std::shared_ptr<const ServerWatcher> watchServer();
    // Starts watching now, calling `onChange` on every change the server reports, from
    // libpulse's thread (see ServerWatcher). Kept across rescan(): a server that comes back
    // is watched again.
    void setDeviceChangeCallback(ServerWatcher::ChangeFn onChange);

    // Finds a device by exact name or server id, else by a unique case-insensitive substring
    // of either. An empty query means the system default device for that direction.
    Result<DeviceInfo> findDevice(std::string_view query, Direction direction) const;

    // Finds the device with this host API and name or server id (how settings remember a
    // device).
    const DeviceInfo* findExact(std::string_view hostApi, std::string_view name) const;
    // Finds the sound server's device with this node name.
    const DeviceInfo* findServerDevice(std::string_view serverId) const;

    // The sound server that answered ("PulseAudio (on PipeWire 0.3.65)"); empty when none
    // did and the list is PortAudio's own.
    const std::string& soundServer() const { return serverName_; }
    // How streams reach that server: by each device's name, only through its default devices
    // (then the list is PortAudio's own, whose "default" device is the server's default), or
    // not at all.
    ServerAccess serverAccess() const { return access_; }

    // Sets a source's volume on the sound server (1.0: its normal level), as the desktop's
    // settings would; returns at once, and the server's change event (see
    // setDeviceChangeCallback) follows. Fails with no server watcher or an unknown source.
    Status setSourceVolume(std::string_view serverId, double fraction);

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
    void scanPortAudio();

    std::vector<DeviceInfo> devices_;          // what the user chooses from
    std::vector<DeviceInfo> portAudioDevices_; // PortAudio's own list, as last scanned
    std::string serverName_;
    ServerAccess access_ = ServerAccess::None;
    std::optional<bool> routesByName_; // the "pulse" PCM takes a DEVICE; unknown until asked
    std::shared_ptr<ServerWatcher> watcher_;
    ServerWatcher::ChangeFn onDeviceChange_;
};

} // namespace tapedeck
