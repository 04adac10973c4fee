#pragma once

#include <cstdint>
#include <string>

namespace tapedeck::bench {

// What a plain read of a 16-bit file found.
struct PlainReadResult {
    bool ok = false;
    std::int64_t frames = 0;
    short lowest = 0; // over every sample of every channel
    short highest = 0;
};

// The yardstick of the summary and loudness benchmarks: the file read with libsndfile as
// 16-bit integers, the way it is stored, in chunks of `chunkFrames`, and, if `withMinMax`,
// the lowest and highest sample in a loop the compiler vectorizes: what any tool needs to
// look at every sample once. Callers print the range, so that the compiler cannot drop the
// loop as unused (it did, when the result was only compared with itself).
PlainReadResult plainInt16Read(const std::string& path, std::int64_t chunkFrames, bool withMinMax);

} // namespace tapedeck::bench
