#pragma once

#include "core/base/Result.h"
#include "core/devices/DeviceInfo.h"

#include <cstdint>

namespace tapedeck {

// Which of a device's physical inputs feed a take: a contiguous span, first input and count.
// The capture stream opens enough of the device's channels to reach the span, and the
// callback copies only the span's channels into the take ("a mono take from input 2 of a
// 4-input interface"). pick() is plain index arithmetic: real-time safe.
class InputChannelPicker {
public:
    // Every stream channel goes to the take as it is (no span chosen).
    InputChannelPicker() = default;
    // `firstInput` is 1-based.
    InputChannelPicker(int streamChannels, int firstInput, int channels)
        : stream_(streamChannels), first_(firstInput), channels_(channels) {}

    // Control thread, before the stream opens: the picker for inputs firstInput ..
    // firstInput + channels - 1 of `device`. A sound-server source is opened with all of its
    // channels, so that the server passes them on as they are instead of remixing them to a
    // narrower layout; a device reached directly opens inputs 1 up to the span's last. A span
    // beyond the device's inputs is an UnsupportedChannels error saying which inputs exist.
    static Result<InputChannelPicker> forDevice(const DeviceInfo& device, int firstInput,
                                                int channels);

    int streamChannels() const { return stream_; }
    int firstInput() const { return first_; } // 1-based
    int channels() const { return channels_; }
    // False when the take holds every stream channel as it is: no copy needed.
    bool picks() const { return stream_ != channels_; }

    // Any thread (the audio callback): `frames` frames of `streamChannels()` interleaved
    // channels in, of `channels()` out. No allocation.
    void pick(const float* stream, float* take, std::int64_t frames) const noexcept;

private:
    int stream_ = 0;
    int first_ = 1;
    int channels_ = 0;
};

} // namespace tapedeck
