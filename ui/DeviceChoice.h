#pragma once

#include "core/FileFormat.h"

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
    int framesPerBuffer = 0;
    FileFormat format = FileFormat::Wav24;

    bool operator==(const DeviceChoice&) const = default;
};

} // namespace tapedeck
