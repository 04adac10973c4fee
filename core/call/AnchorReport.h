#pragma once

#include <cstdint>
#include <readerwriterqueue/readerwriterqueue.h>
#include <type_traits>

namespace tapedeck {

// Where a capture stream's frames lie on the monotonic clock, from its callback (audio
// thread) to the combiner (disk-writer thread).
//
// An epoch is a stretch of the stream whose frame count is known to follow the clock without a
// gap: it begins when the stream starts, after an xrun (the driver lost frames that the
// timeline does not count) and after a pause. `anchorNs` is the clock time of the stream's
// timeline frame 0 as this epoch sees it: the earliest (callback arrival minus the frames
// delivered so far) over a window of callbacks. Arrivals are only ever late, so the earliest is
// the truest.
struct AnchorReport {
    std::int64_t epoch = 0;
    std::int64_t epochStartFrame = 0; // the timeline frame where the epoch began
    std::int64_t anchorNs = 0;        // valid when `settled`
    std::int64_t windowEndFrame = 0;  // the timeline frame the window reached
    bool settled = false;             // false: the epoch just began, no anchor yet
};
static_assert(std::is_trivially_copyable_v<AnchorReport>);

// Audio thread → disk thread. try_enqueue never allocates once built.
using AnchorQueue = moodycamel::ReaderWriterQueue<AnchorReport>;

} // namespace tapedeck
