#include "PlainRead.h"

#include <sndfile.h>

#include <algorithm>
#include <limits>
#include <vector>

namespace tapedeck::bench {

PlainReadResult plainInt16Read(const std::string& path, std::int64_t chunkFrames, bool withMinMax) {
    PlainReadResult result;
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return result;
    }
    std::vector<short> buffer(static_cast<std::size_t>(chunkFrames * info.channels));
    short lowest = std::numeric_limits<short>::max();
    short highest = std::numeric_limits<short>::min();
    sf_count_t got = 0;
    while ((got = sf_readf_short(file, buffer.data(), chunkFrames)) > 0) {
        result.frames += got;
        if (!withMinMax) {
            continue;
        }
        const auto samples = static_cast<std::size_t>(got * info.channels);
        for (std::size_t i = 0; i < samples; ++i) {
            lowest = std::min(lowest, buffer[i]);
            highest = std::max(highest, buffer[i]);
        }
    }
    sf_close(file);
    result.ok = true;
    result.lowest = lowest;
    result.highest = highest;
    return result;
}

} // namespace tapedeck::bench
