#include "core/call/CallSources.h"

#include <sndfile.h>

namespace tapedeck {

namespace {
const std::string kLeft = "Left: ";
const std::string kRight = "; right: ";
const std::string kMix = "Mix: ";
const std::string kPlus = " + ";
} // namespace

std::string describeCallSources(const std::string& first, const std::string& second,
                                InputLayout layout) {
    if (layout == InputLayout::Mix) {
        return kMix + first + kPlus + second;
    }
    return kLeft + first + kRight + second;
}

std::vector<std::string> channelSourcesFromComment(const std::string& comment) {
    if (comment.rfind(kLeft, 0) == 0) {
        const auto split = comment.find(kRight);
        if (split != std::string::npos) {
            return {comment.substr(kLeft.size(), split - kLeft.size()),
                    comment.substr(split + kRight.size())};
        }
    }
    if (comment.rfind(kMix, 0) == 0) {
        const std::string both = comment.substr(kMix.size());
        return {both, both};
    }
    return {};
}

std::vector<std::string> readChannelSources(const std::string& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return {};
    }
    const char* comment = sf_get_string(file, SF_STR_COMMENT);
    std::vector<std::string> sources =
        comment != nullptr ? channelSourcesFromComment(comment) : std::vector<std::string>{};
    sf_close(file);
    if (static_cast<int>(sources.size()) != info.channels) {
        return {};
    }
    return sources;
}

std::string lostInputMarkerName(const std::string& inputName) {
    return "Lost: " + inputName;
}

} // namespace tapedeck
