#include "core/io/DropoutSidecarSpan.h"

#include "core/recording/DropoutLog.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tapedeck {

int carryDropoutSidecar(const std::string& sourceTake, const std::string& destinationTake,
                        std::int64_t from, std::int64_t to, int sampleRate) {
    std::ifstream in(DropoutLog::pathFor(sourceTake));
    if (!in || sampleRate <= 0) {
        return 0;
    }
    std::vector<std::string> kept;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream fields(line);
        long long frame = 0;
        double seconds = 0;
        long long lost = 0;
        std::string kind;
        if (!(fields >> frame >> seconds >> lost >> kind) || frame < from || frame >= to) {
            continue;
        }
        const long long shifted = frame - from;
        char text[128];
        std::snprintf(text, sizeof text, "%lld\t%.6f\t%lld\t%s\n", shifted,
                      static_cast<double>(shifted) / sampleRate, lost, kind.c_str());
        kept.emplace_back(text);
    }
    if (kept.empty()) {
        return 0;
    }
    const std::string path = DropoutLog::pathFor(destinationTake);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        return 0;
    }
    std::string text = "# Tapedeck dropouts: frame\tseconds\tlost frames\tkind\n";
    for (const std::string& entry : kept) {
        text += entry;
    }
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        return 0;
    }
    return static_cast<int>(kept.size());
}

} // namespace tapedeck
