#pragma once

#include "core/recording/InputLayout.h"

#include <QCoreApplication>
#include <QString>

namespace tapedeck {

struct DeviceInfo;

// Says in words which physical inputs of a device feed a take of `channels` channels.
// A take of N channels from a device reached directly (ALSA) records the device's inputs 1
// to N: "Mono from input 1 of 4", "Stereo from inputs 1–2 of 4". A sound-server source with
// more channels than the take is mixed down by the server: "Mono, mixed from inputs 1–2 of
// 2". Pure; GUI thread (translated text).
class InputRouting {
    Q_DECLARE_TR_FUNCTIONS(InputRouting)
public:
    // `deviceInputs` <= 0: unknown (no device chosen).
    static QString describe(int channels, int deviceInputs, bool serverMixes);
    static QString describe(int channels, const DeviceInfo& device);
    // With the inputs chosen: the take records inputs firstInput .. firstInput + channels - 1
    // as they are, with no mixing ("Mono from input 2 of 4", "Stereo from inputs 3–4 of 4").
    // `firstInput` 0: as describe() above.
    static QString describe(int channels, int firstInput, int deviceInputs, bool serverMixes);
    static QString describe(int channels, int firstInput, const DeviceInfo& device);
    // A take of two inputs: "Left: Headset Mic · Right: Sound from Speakers (what the computer
    // plays)", or "Mixed: Headset Mic + Sound from …".
    static QString describeTwo(const QString& first, const QString& second, InputLayout layout);
};

} // namespace tapedeck
