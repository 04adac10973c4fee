#include "ui/devices/InputRouting.h"

#include "core/devices/DeviceInfo.h"

namespace tapedeck {

namespace {
QString takeName(int channels) {
    if (channels == 1)
        return InputRouting::tr("Mono");
    if (channels == 2)
        return InputRouting::tr("Stereo");
    return InputRouting::tr("%n channels", nullptr, channels);
}

// "input 1", "inputs 1–2", "inputs 3–4"
QString inputSpan(int channels, int first = 1) {
    return channels == 1 ? InputRouting::tr("input %1").arg(first)
                         : InputRouting::tr("inputs %1–%2").arg(first).arg(first + channels - 1);
}
} // namespace

QString InputRouting::describe(int channels, int deviceInputs, bool serverMixes) {
    if (channels <= 0)
        return {};
    if (deviceInputs <= 0)
        return tr("%1 from the device's first inputs").arg(takeName(channels));
    if (serverMixes && deviceInputs > channels) {
        // The sound server mixes all of the source's channels into the take's.
        return tr("%1, mixed from inputs 1–%2 of %2").arg(takeName(channels)).arg(deviceInputs);
    }
    if (channels > deviceInputs) {
        return tr("%1: more channels than the device's inputs (%2)")
            .arg(takeName(channels))
            .arg(deviceInputs);
    }
    return tr("%1 from %2 of %3").arg(takeName(channels), inputSpan(channels)).arg(deviceInputs);
}

QString InputRouting::describe(int channels, const DeviceInfo& device) {
    return describe(channels, device.maxInputChannels, !device.serverId.empty());
}

QString InputRouting::describe(int channels, int firstInput, int deviceInputs, bool serverMixes) {
    if (firstInput <= 0 || channels <= 0)
        return describe(channels, deviceInputs, serverMixes);
    if (deviceInputs <= 0)
        return tr("%1 from %2").arg(takeName(channels), inputSpan(channels, firstInput));
    if (firstInput + channels - 1 > deviceInputs) {
        return tr("%1 from %2: the device has only %n input(s)", nullptr, deviceInputs)
            .arg(takeName(channels), inputSpan(channels, firstInput));
    }
    return tr("%1 from %2 of %3")
        .arg(takeName(channels), inputSpan(channels, firstInput))
        .arg(deviceInputs);
}

QString InputRouting::describe(int channels, int firstInput, const DeviceInfo& device) {
    return describe(channels, firstInput, device.maxInputChannels, !device.serverId.empty());
}

QString InputRouting::describeTwo(const QString& first, const QString& second, InputLayout layout) {
    if (layout == InputLayout::Mix)
        return tr("Mixed: %1 + %2").arg(first, second);
    return tr("Left: %1 · Right: %2").arg(first, second);
}

} // namespace tapedeck
