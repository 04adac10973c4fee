#pragma once

#include <cstdint>
#include <readerwriterqueue/readerwriterqueue.h>
#include <type_traits>

namespace tapedeck {

enum class DropoutKind : std::uint8_t {
    RingOverflow, // the disk could not keep up: frames were lost and are kept as silence
    Xrun,         // the driver reported an input overflow: frames may be missing before here
};

// Where a take lost audio. Frame positions are in the file's timeline: a lost span is
// written as silence of the same length, so nothing after it shifts out of time.
struct Dropout {
    std::int64_t frame = 0;
    std::int64_t lostFrames = 0; // 0 for an xrun: the driver does not say how many
    DropoutKind kind = DropoutKind::RingOverflow;
    // The frames already hold the lost span's silence (a two-input take fills it in the lost
    // input's channel alone), so the disk writer only logs it.
    bool filled = false;
};
static_assert(std::is_trivially_copyable_v<Dropout>);

// Audio thread → disk thread. try_enqueue never allocates once built.
using DropoutQueue = moodycamel::ReaderWriterQueue<Dropout>;

} // namespace tapedeck
