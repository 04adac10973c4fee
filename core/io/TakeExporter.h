#pragma once

#include "core/base/Result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace tapedeck {

// What an exported file is written as.
enum class ExportFormat {
    Wav,    // WAV, keeping the source's encoding where WAV can hold it (else 24-bit)
    Wav16,  // WAV, 16-bit
    Wav24,  // WAV, 24-bit
    Wav32f, // WAV, 32-bit float
    Flac,   // FLAC, keeping the source's bit depth where FLAC can hold it (else 24-bit)
    Ogg,    // Ogg Vorbis (lossy)
    Mp3,    // MP3 (lossy; mono or stereo, at an MPEG rate): through core/export
    Opus,   // Ogg Opus (lossy; 48 kHz): through core/export
};

// "wav", "wav16", "wav24", "wav32f", "flac", "ogg", "mp3", "opus"; nothing for anything
// else. Any thread.
std::optional<ExportFormat> parseExportFormat(std::string_view text);
// The format a file name asks for by its extension (".wav", ".flac", ".ogg", ".oga", ".mp3",
// ".opus"), keeping the source's encoding; nothing for other extensions. Any thread.
std::optional<ExportFormat> exportFormatForPath(std::string_view path);
// The libsndfile SF_FORMAT_* value to write for `format`, given the source's. Any thread.
int exportSndfileFormat(ExportFormat format, int sourceSndfileFormat);

struct ExportRequest {
    std::string sourcePath;
    std::string destinationPath; // must not exist: an export never overwrites
    std::int64_t fromFrame = 0;
    std::int64_t toFrame = -1; // exclusive; -1: to the end of the source
    // Nothing: from the destination's extension.
    std::optional<ExportFormat> format;
};

struct ExportOutcome {
    std::int64_t frames = 0; // written
    int sndfileFormat = 0;   // of the new file
    int markersCarried = 0;  // markers inside the span, written shifted
    int dropoutsCarried = 0; // dropouts of the take's sidecar inside the span, shifted
    bool bextCarried = false;
};

// Done and total frames (total 0 when the source's length is unknown). Called on the
// exporting thread, about every chunk.
using ExportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Writes frames [fromFrame, toFrame) of a sound file to a new file, sample for sample: no
// resampling (MP3 and Opus, which may need it, go through core/export's exportTake instead:
// here they are refused with UnsupportedFormat), no
// resampling, same channels and rate, and the same encoding where the new container can hold
// it (integer samples are copied as integers, so a WAV or FLAC export is bit-exact). Only a
// change of encoding converts samples (clipped, not wrapped; no dither). The source's bext
// chunk is copied with its time reference moved to the span's first frame. The source's
// markers that fall inside the span are carried over with their names, shifted, in the way
// takes keep them (core/markers: cue and label chunks in WAV/RF64, chapter comments in FLAC
// and Ogg, whose times are to the millisecond), as are the dropouts of the take's
// ".dropouts" sidecar.
// Works in chunks on the calling thread, which must not be the GUI or audio thread. When
// `cancel` turns true, or on any error, the new file is removed and the source is untouched.
// Errors: FileNotFound, FileUnreadable, FileEmpty (the span is empty), FileExists,
// UnsupportedFormat, Unwritable, WriteFailed (also when the markers cannot be written: the new
// file is removed rather than kept without them), InvalidArgument (the span is outside the file,
// or cancelled), each with a message for people.
Result<ExportOutcome> exportSpan(const ExportRequest& request, const ExportProgress& progress = {},
                                 const std::atomic<bool>* cancel = nullptr);

} // namespace tapedeck
