#pragma once

#include "core/base/Result.h"
#include "core/io/FileFormat.h"

#include <cstdint>
#include <string>

namespace tapedeck {

// How a take file was made whole.
enum class RepairMethod {
    AlreadyWhole,  // the file was finalized: nothing to do
    HeaderPatched, // WAV/RF64: the sizes in the header now cover every frame on disk
    Truncated,     // Ogg: an unfinished last page (undecodable) was cut off
    Rewritten,     // FLAC: every decodable frame copied into a fresh, finalized file
    EmptyTake,     // the take held no audio: now a valid file with zero frames (a FLAC
                   // file with no frames is left as it is: libsndfile cannot read one)
    Missing,       // the take file no longer exists
};

struct RepairOutcome {
    RepairMethod method = RepairMethod::AlreadyWhole;
    std::int64_t frames = 0; // frames libsndfile reads from the repaired file
    int sampleRate = 0;
};

// What the take was recorded as; used to rebuild a file that holds no audio at all.
struct TakeLayout {
    FileFormat format = FileFormat::Wav24;
    int sampleRate = 0;
    int channels = 0;
};

// Makes a take left unfinished by a crash readable, keeping every sample on disk. The
// container is recognized from the file itself:
//  - WAV/RF64: the RIFF, data (and fact) sizes are rewritten from the real file length,
//    rounded down to whole frames; past 4 GiB a plain RIFF header becomes RF64 in place
//    (libsndfile's auto-downgrading writer reserves the room for it).
//  - FLAC: the readable frames are copied into a fresh FLAC file that replaces the take
//    (lossless; the encoder's unwritten last block, under 0.1 s, was never on disk).
//  - Ogg Vorbis: a last page cut short is removed, so the length is known again; pages
//    are written as the encoder fills them, so up to a page of audio (about 1.5 s) that
//    was still in the encoder is lost. Vorbis is never re-encoded.
// File I/O: a worker or command-line thread, never the GUI or audio thread. Errors:
// FileUnreadable (not a take Tapedeck can repair), WriteFailed.
Result<RepairOutcome> repairTakeFile(const std::string& path, const TakeLayout& layout);

} // namespace tapedeck
