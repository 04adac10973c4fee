#pragma once

#include "core/base/Result.h"
#include "core/summary/SummaryTypes.h"

#include <cstdint>
#include <string>

struct sf_private_tag;

namespace tapedeck {

// An audio file open for reading through libsndfile, closed when destroyed. Samples are
// read as float, full scale ±1. One thread uses an instance at a time; file I/O, so never
// on the GUI thread or the audio thread.
class SoundFile {
public:
    // Opens `path`. Errors: FileNotFound, FileEmpty (zero bytes), FileUnreadable (not audio
    // libsndfile knows, or damaged), each with a message for people.
    static Result<SoundFile> open(const std::string& path);

    SoundFile(SoundFile&& other) noexcept;
    SoundFile& operator=(SoundFile&& other) noexcept;
    SoundFile(const SoundFile&) = delete;
    SoundFile& operator=(const SoundFile&) = delete;
    ~SoundFile();

    const AudioFormat& format() const { return format_; }
    const std::string& path() const { return path_; }

    // Reads up to `frames` interleaved frames; returns the number read (0 at the end).
    std::int64_t read(float* interleaved, std::int64_t frames);
    // True when the file stores 8- or 16-bit integer PCM: readInt16() then returns every
    // sample exactly, and x / 32768 is exactly what read() would give. Reading the samples as
    // stored halves the memory traffic of a whole-file pass and skips libsndfile's conversion.
    bool holdsInt16() const;
    // Like read(), as 16-bit integers (full scale ±32768). Meant for files that holdsInt16().
    std::int64_t readInt16(std::int16_t* interleaved, std::int64_t frames);
    // Moves the read position; false if the frame is out of range or the file can't seek.
    bool seek(std::int64_t frame);

    // The smallest |x| that counts as a clipped sample. For integer encodings: the largest
    // positive code (e.g. 32767/32768 for 16-bit) so both extreme codes count; otherwise 1.0.
    float clipThreshold() const;

private:
    SoundFile(sf_private_tag* file, AudioFormat format, std::string path);
    void close();

    sf_private_tag* file_ = nullptr;
    AudioFormat format_;
    std::string path_;
};

} // namespace tapedeck
