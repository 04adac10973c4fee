#include "InputRouting.h"

#include "core/DeviceInfo.h"

namespace tapedeck {

namespace {
QString takeName(int channels) {
    if (channels == 1)
        return InputRouting::tr("Mono");
    if (channels == 2)
        return InputRouting::tr("Stereo");
    return InputRouting::tr("%n channels", nullptr, channels);
}

// "input 1", "inputs 1–2"
QString inputSpan(int channels) {
    return channels == 1 ? InputRouting::tr("input 1")
                         : InputRouting::tr("inputs 1–%1").arg(channels);
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

} // namespace tapedeck
