#pragma once

#include "core/base/Result.h"

#include <sndfile.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tapedeck {

// A span of a sound file read as floats (full scale 1.0), folded to the channels the export
// writes (core/export/ChannelFold). The exporter's thread or a worker thread.
class SpanSource {
public:
    // Opens `path` and checks the span [from, to) (to -1: the end) against its length.
    // `channels` 0 keeps the file's channels; 1 or 2 folds them. Errors: FileNotFound,
    // FileUnreadable, InvalidArgument (the span is not inside), FileEmpty; messages for people.
    static Result<SpanSource> open(const std::string& path, std::int64_t from, std::int64_t to,
                                   int channels);

    int channels() const { return channels_; }
    int sourceChannels() const { return info_.channels; }
    int sampleRate() const { return info_.samplerate; }
    int sourceFormat() const { return info_.format; }
    std::int64_t from() const { return from_; }
    // The span's length in frames; -1 when the file does not say how long it is.
    std::int64_t frames() const { return to_ < 0 ? -1 : to_ - from_; }
    SNDFILE* handle() const { return file_.get(); }

    // Back to the span's first frame. Errors: FileUnreadable.
    Status rewind();
    // Replaces `out` with up to `maxFrames` folded frames; 0 at the end of the span.
    std::int64_t read(std::vector<float>& out, std::int64_t maxFrames);

private:
    struct Closer {
        void operator()(SNDFILE* file) const { sf_close(file); }
    };
    std::string path_;
    std::unique_ptr<SNDFILE, Closer> file_;
    SF_INFO info_{};
    std::int64_t from_ = 0;
    std::int64_t to_ = -1;
    std::int64_t position_ = 0; // frames of the span read
    int channels_ = 0;
    std::vector<float> raw_;
};

} // namespace tapedeck
