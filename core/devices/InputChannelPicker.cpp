#include "core/devices/InputChannelPicker.h"

#include <algorithm>
#include <string>

namespace tapedeck {

namespace {
std::string inputSpan(int first, int channels) {
    return channels == 1
               ? "input " + std::to_string(first)
               : "inputs " + std::to_string(first) + "-" + std::to_string(first + channels - 1);
}
} // namespace

Result<InputChannelPicker> InputChannelPicker::forDevice(const DeviceInfo& device, int firstInput,
                                                         int channels) {
    const int inputs = device.maxInputChannels;
    if (firstInput < 1 || channels < 1) {
        return Error{ErrorCode::InvalidArgument,
                     "The inputs of a take are counted from 1, and a take has at least one."};
    }
    const int last = firstInput + channels - 1;
    if (last > inputs) {
        return Error{
            ErrorCode::UnsupportedChannels,
            device.name + " has " + std::to_string(inputs) + " input" + (inputs == 1 ? "" : "s") +
                ", so it cannot record from " + inputSpan(firstInput, channels) + ". Choose " +
                (inputs == 1 ? std::string("input 1") : "inputs 1-" + std::to_string(inputs)) +
                "."};
    }
    const int stream = device.serverId.empty() ? last : inputs;
    return InputChannelPicker(stream, firstInput, channels);
}

void InputChannelPicker::pick(const float* stream, float* take,
                              std::int64_t frames) const noexcept {
    const int offset = first_ - 1;
    for (std::int64_t f = 0; f < frames; ++f) {
        std::copy_n(stream + f * stream_ + offset, channels_, take + f * channels_);
    }
}

} // namespace tapedeck
