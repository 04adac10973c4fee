#pragma once

#include "core/recording/InputLayout.h"

#include <QString>

namespace tapedeck {

// What the person chose in the "Also record" picker: a second input recorded together with
// the first into one take (a call: the microphone and what the computer plays), and how the
// two share the take's channels.
struct SecondInputChoice {
    // The second input's key, as DeviceChoice::inputDevice (the sound server's node name or
    // the device's name); empty: nothing else, the take has one input.
    QString device;
    InputLayout layout = InputLayout::Split;

    bool isSet() const { return !device.isEmpty(); }
    bool operator==(const SecondInputChoice&) const = default;
};

} // namespace tapedeck
