#pragma once

#include "core/base/Result.h"
#include "core/io/FileFormat.h"
#include "core/io/SndfileHandle.h"

#include <string>

namespace tapedeck {

// Creates a new sound file for a take. Never overwrites: an existing file is an error, and
// the check and the creation are one step (O_EXCL). Errors say what to do.
// Control thread.
Result<SndfileHandle> createRecordingFile(const std::string& path, FileFormat format,
                                          int sampleRate, int channels);

// A plain-language message for a failed write (disk full, file-size limit, I/O error).
std::string describeWriteFailure(int errnoValue, const std::string& path);

} // namespace tapedeck
