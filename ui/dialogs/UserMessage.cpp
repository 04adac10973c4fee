#include "ui/dialogs/UserMessage.h"

#include <QCoreApplication>

namespace tapedeck {

namespace {

// Gives tr() the context "tapedeck::UserMessage", the same for lupdate and at run time.
class Text {
    Q_DECLARE_TR_FUNCTIONS(tapedeck::UserMessage)

public:
    static QString nextStepFor(ErrorCode code);
    static QString messageFor(ErrorCode code);
};

QString Text::nextStepFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::NoAudioSystem:
        return tr("Check that the sound system (PipeWire or PulseAudio) is running, then "
                  "choose Refresh Devices.");
    case ErrorCode::NoDevice:
        return tr("Connect a microphone or headphones, then choose Refresh Devices.");
    case ErrorCode::DeviceNotFound:
        return tr("The device may have been unplugged. Plug it back in or pick another "
                  "device, then choose Refresh Devices.");
    case ErrorCode::DeviceAmbiguous:
        return tr("Pick the device from the list in the Devices panel.");
    case ErrorCode::UnsupportedRate:
        return tr("Pick a sample rate the device supports in the Devices panel.");
    case ErrorCode::UnsupportedChannels:
        return tr("Pick fewer channels in the Devices panel.");
    case ErrorCode::StreamFailed:
        return tr("Another program may be using the device. Close it, or pick another device "
                  "or a larger buffer, and try again.");
    case ErrorCode::DeviceLost:
        return tr("Everything recorded up to that moment was saved. Reconnect the device, or "
                  "choose another, and record again.");
    case ErrorCode::FileNotFound:
        return tr("The file may have been moved or deleted. Open it from its new place.");
    case ErrorCode::FileEmpty:
        return tr("The file has no sound in it. Open another file.");
    case ErrorCode::FileUnreadable:
        return tr("The file is damaged or is not a sound file Tapedeck can read. Open another "
                  "file.");
    case ErrorCode::UnsupportedFormat:
        return tr("Pick another recording format in the Devices panel.");
    case ErrorCode::FileExists:
        return tr("Tapedeck never overwrites a file. Press Record again for a new name.");
    case ErrorCode::Unwritable:
        return tr("Choose another recordings folder (File > Recordings Folder).");
    case ErrorCode::WriteFailed:
        return tr("Everything written so far was kept. Free some disk space or choose another "
                  "recordings folder (File > Recordings Folder).");
    case ErrorCode::InvalidArgument:
        return tr("Check the settings in the Devices panel and try again.");
    }
    return {};
}

QString Text::messageFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::NoAudioSystem:
        return tr("Tapedeck cannot reach the sound system, so it cannot play or record.");
    case ErrorCode::NoDevice:
        return tr("Tapedeck found no audio devices.");
    case ErrorCode::DeviceLost:
        return tr("The audio device stopped responding.");
    case ErrorCode::WriteFailed:
        return tr("The recording could not be written to disk.");
    case ErrorCode::StreamFailed:
        return tr("The audio stream failed.");
    default:
        return tr("Something went wrong with the audio device.");
    }
}

} // namespace

UserMessage describeError(const Error& error) {
    UserMessage text;
    text.message = error.message.empty() ? Text::messageFor(error.code)
                                         : QString::fromStdString(error.message);
    text.nextStep = Text::nextStepFor(error.code);
    return text;
}

UserMessage describeError(ErrorCode code) {
    return {Text::messageFor(code), Text::nextStepFor(code)};
}

} // namespace tapedeck
