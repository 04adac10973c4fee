#include "core/export/SpanSource.h"

#include "core/export/ChannelFold.h"

#include <sys/stat.h>

#include <algorithm>

namespace tapedeck {

Result<SpanSource> SpanSource::open(const std::string& path, std::int64_t from, std::int64_t to,
                                    int channels) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return Error{ErrorCode::FileNotFound, "The file " + path + " does not exist."};
    }
    SpanSource source;
    source.path_ = path;
    source.file_.reset(sf_open(path.c_str(), SFM_READ, &source.info_));
    if (!source.file_) {
        std::string reason = sf_strerror(nullptr);
        while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) {
            reason.pop_back();
        }
        return Error{ErrorCode::FileUnreadable,
                     "The file " + path + " is not audio that Tapedeck can read (" + reason + ")."};
    }
    const SF_INFO& info = source.info_;
    const bool lengthKnown = info.frames >= 0 && info.frames != SF_COUNT_MAX;
    if (from < 0 || (to >= 0 && to < from) ||
        (lengthKnown && (from > info.frames || to > info.frames))) {
        return Error{ErrorCode::InvalidArgument,
                     "The span asked for (frames " + std::to_string(from) + " to " +
                         (to < 0 ? std::string("the end") : std::to_string(to)) +
                         ") is not inside " + path + ", which has " + std::to_string(info.frames) +
                         " frames."};
    }
    if (to < 0 && lengthKnown) {
        to = info.frames;
    }
    if ((to >= 0 && to == from) || (lengthKnown && info.frames == 0)) {
        return Error{ErrorCode::FileEmpty, "The span to export is empty: nothing to write."};
    }
    source.from_ = from;
    source.to_ = to;
    source.channels_ = channels > 0 ? channels : info.channels;
    if (Status rewound = source.rewind(); !rewound) {
        return rewound.error();
    }
    return source;
}

Status SpanSource::rewind() {
    position_ = 0;
    if (sf_seek(file_.get(), from_, SEEK_SET) != from_) {
        return Error{ErrorCode::FileUnreadable, "Tapedeck cannot move to frame " +
                                                    std::to_string(from_) + " of " + path_ +
                                                    ": the file may be damaged."};
    }
    return success();
}

std::int64_t SpanSource::read(std::vector<float>& out, std::int64_t maxFrames) {
    const std::int64_t left = to_ < 0 ? maxFrames : std::min(maxFrames, to_ - from_ - position_);
    if (left <= 0) {
        out.clear();
        return 0;
    }
    raw_.resize(static_cast<std::size_t>(left * info_.channels));
    const sf_count_t got = sf_readf_float(file_.get(), raw_.data(), left);
    if (got <= 0) {
        out.clear();
        return 0;
    }
    position_ += got;
    out.resize(static_cast<std::size_t>(got * channels_));
    foldChannels(raw_.data(), info_.channels, out.data(), channels_, got);
    return got;
}

} // namespace tapedeck
