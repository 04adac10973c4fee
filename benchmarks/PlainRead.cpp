#include "PlainRead.h"

#include <sndfile.h>

#include <algorithm>
#include <limits>
#include <vector>

namespace tapedeck::bench {

namespace {

// Compiled for AVX2 as well as the baseline, like the summary's own block loops, so that the
// yardstick is as fast as this machine allows.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void widenRange(const short* samples, std::size_t count, short& lowest, short& highest) {
    short lo = lowest;
    short hi = highest;
    for (std::size_t i = 0; i < count; ++i) {
        lo = std::min(lo, samples[i]);
        hi = std::max(hi, samples[i]);
    }
    lowest = lo;
    highest = hi;
}

} // namespace

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
        widenRange(buffer.data(), static_cast<std::size_t>(got * info.channels), lowest, highest);
    }
    sf_close(file);
    result.ok = true;
    result.lowest = lowest;
    result.highest = highest;
    return result;
}

} // namespace tapedeck::bench
