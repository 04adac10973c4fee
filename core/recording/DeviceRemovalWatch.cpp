#include "core/recording/DeviceRemovalWatch.h"

#include "core/devices/AudioSystem.h"
#include "core/devices/ServerQuery.h"
#include "core/devices/ServerWatcher.h"

namespace tapedeck {

namespace {
// How long the device-list query after a change may take.
constexpr auto kQueryTimeout = std::chrono::milliseconds(500);
} // namespace

void DeviceRemovalWatch::watch(AudioSystem& system, const DeviceInfo& device) {
    device_ = device;
    if (!device.serverId.empty()) {
        watcher_ = system.watchServer();
        seenGeneration_ = watcher_ ? watcher_->generation() : 0;
    }
}

bool DeviceRemovalWatch::noticeRemoval(const std::string& takePath) {
    if (removal_ || !watcher_ || watcher_->generation() == seenGeneration_) {
        return false;
    }
    seenGeneration_ = watcher_->generation();
    const auto server = ServerQuery::devices(kQueryTimeout);
    if (!server) {
        return false; // the server itself is gone: the watchdog notices the stream stopping
    }
    for (const ServerDevice& d : server->devices) {
        if (d.id == device_.serverId && d.kind != ServerDeviceKind::Output) {
            return false;
        }
    }
    removal_ = Error{ErrorCode::DeviceLost, device_.name +
                                                " was unplugged or removed. The take is saved "
                                                "up to that moment in " +
                                                takePath + "."};
    removedAt_ = std::chrono::steady_clock::now();
    return true;
}

bool DeviceRemovalWatch::graceOver(std::chrono::steady_clock::time_point now) const {
    return removal_ && now - removedAt_ > kGrace;
}

} // namespace tapedeck
