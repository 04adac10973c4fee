#pragma once

#include "core/io/FileFormat.h"

#include <QHash>
#include <QString>

namespace tapedeck {

// What the person chose in the device picker. Devices are remembered by host API + the sound
// server's node name (or PortAudio's device name), never by PortAudio index. Zero means "let
// the device or PortAudio decide".
struct DeviceChoice {
    QString hostApi;
    QString inputDevice;  // server id or device name; empty: the default input
    QString outputDevice; // server id or device name; empty: the default output
    int sampleRate = 0;
    int channels = 2;
    // The device's input (1-based) that feeds the take's first channel: the take records
    // inputs firstInput .. firstInput + channels - 1. 0: the device's first inputs as the
    // device or sound server gives them (a server mixes a wider source down).
    int firstInput = 0;
    int framesPerBuffer = 0;
    FileFormat format = FileFormat::Wav24;

    bool operator==(const DeviceChoice&) const = default;
};

// The inputs chosen for one input device (DeviceChoice::firstInput and channels), remembered
// per device so that each returns to its own when it is chosen again.
struct InputSpan {
    int firstInput = 0;
    int channels = 0;
};
// Device key (as DeviceChoice::inputDevice) → its inputs.
using RememberedInputs = QHash<QString, InputSpan>;

} // namespace tapedeck
