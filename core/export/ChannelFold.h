#pragma once

#include <cstdint>

namespace tapedeck {

// Folds interleaved frames of `from` channels into `to` channels, for formats that hold fewer
// channels than a take has (MP3: two) or a mono podcast: to 1, every channel mixed at equal
// weight; to 2, the odd-numbered channels (1, 3, …) mixed into the left and the even-numbered
// into the right, so a stereo pair stays a stereo pair; to `from`, a copy. Mixing averages,
// so a fold never clips. Any thread; no allocation.
void foldChannels(const float* in, int from, float* out, int to, std::int64_t frames);

} // namespace tapedeck
