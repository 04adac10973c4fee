#pragma once

#include <string>

namespace tapedeck {

// What went wrong, as a value. The message is plain language for a person; the code lets
// callers react (and tests assert) without parsing text.
enum class ErrorCode {
    NoAudioSystem,       // PortAudio could not start
    NoDevice,            // no input/output device at all
    DeviceNotFound,      // no device matches the requested name
    DeviceAmbiguous,     // the name matches several devices
    UnsupportedRate,     // the device cannot run at the requested sample rate
    UnsupportedChannels, // the device has fewer channels than requested
    StreamFailed,        // PortAudio refused to open or start a stream
    DeviceLost,          // callbacks stopped arriving, or the stream died mid-take
    FileNotFound,
    FileEmpty,
    FileUnreadable,    // corrupt, or not audio
    UnsupportedFormat, // a format the writer does not support
    FileExists,        // a recording never overwrites a file
    Unwritable,        // the destination folder cannot be written
    WriteFailed,       // disk full, I/O error, file-size limit
    InvalidArgument,
};

struct Error {
    ErrorCode code;
    std::string message;
};

} // namespace tapedeck
