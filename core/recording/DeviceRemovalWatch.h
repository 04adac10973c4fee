#pragma once

#include "core/base/Error.h"
#include "core/devices/DeviceInfo.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace tapedeck {

class AudioSystem;
class ServerWatcher;

// Notices that the sound-server device a take records from went away (unplugged, or removed
// from the server). The server would move the stream to another source and go on recording
// that; what the device captured before it went is still in the server's buffer, so the
// recorder lets the take run that much longer and then ends it. A device reached without the
// sound server has no hot-plug news: its loss is the stream watchdog's to notice.
// Control thread.
class DeviceRemovalWatch {
public:
    // How long to wait, after the removal, for the stream to reach the cut before the take is
    // stopped anyway.
    static constexpr auto kGrace = std::chrono::milliseconds(1500);

    // Before the stream opens: watches `device` if it is the sound server's.
    void watch(AudioSystem& system, const DeviceInfo& device);
    // Call on each poll. True once: when the device is found gone (the server's device list
    // changed and no longer has it as an input). `takePath` goes into the message.
    bool noticeRemoval(const std::string& takePath);
    // The device went away and the take is ending: why.
    const std::optional<Error>& removal() const { return removal_; }
    // The device went away longer than kGrace before `now`.
    bool graceOver(std::chrono::steady_clock::time_point now) const;

private:
    DeviceInfo device_;
    std::shared_ptr<const ServerWatcher> watcher_; // a server device's hot-plug news
    std::uint64_t seenGeneration_ = 0;
    std::optional<Error> removal_;
    std::chrono::steady_clock::time_point removedAt_;
};

} // namespace tapedeck
