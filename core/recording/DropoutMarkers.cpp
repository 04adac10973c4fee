#include "core/recording/DropoutMarkers.h"

#include "core/recording/DropoutLog.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace tapedeck {

namespace {
// A sidecar holds one short line per dropout; anything far bigger is not one.
constexpr std::streamsize kMaxSidecarBytes = 16 * 1024 * 1024;
} // namespace

std::vector<std::int64_t> parseDropoutMarkers(const std::string& text) {
    std::vector<std::int64_t> frames;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line.front() == '#')
            continue;
        std::int64_t frame = 0;
        const char* end = line.data() + line.size();
        const auto [next, error] = std::from_chars(line.data(), end, frame);
        if (error != std::errc() || frame < 0 || (next != end && *next != '\t'))
            continue;
        frames.push_back(frame);
    }
    std::sort(frames.begin(), frames.end());
    return frames;
}

std::vector<std::int64_t> readDropoutMarkers(const std::string& takePath) {
    std::ifstream file(DropoutLog::pathFor(takePath), std::ios::binary | std::ios::ate);
    if (!file)
        return {};
    const std::streamsize size = std::min<std::streamsize>(file.tellg(), kMaxSidecarBytes);
    if (size <= 0)
        return {};
    std::string text(static_cast<std::size_t>(size), '\0');
    file.seekg(0);
    file.read(text.data(), size);
    text.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, file.gcount())));
    return parseDropoutMarkers(text);
}

} // namespace tapedeck
