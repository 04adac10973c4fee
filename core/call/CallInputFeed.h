#pragma once

#include "core/call/AnchorReport.h"
#include "core/engine/SampleRing.h"
#include "core/recording/Dropout.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tapedeck {

// One input of a two-input take, as the combiner sees it (disk-writer thread): the frames its
// callback put in the ring, in the input's own timeline, with silence where the callback had to
// drop frames (so nothing after a dropout shifts), held in a window [begin(), end()) until the
// combiner has used them. The dropouts it passed are kept for the combiner to forward.
class CallInputFeed {
public:
    // Control thread, before the stream opens (allocates here only).
    CallInputFeed(SampleRing& ring, DropoutQueue& dropouts, AnchorQueue& anchors);

    // Disk thread: moves what the ring holds into the window, as far as it has room.
    void fill();
    // Disk thread: the next anchor report, if any.
    bool nextReport(AnchorReport& report) { return anchors_.try_dequeue(report); }
    // Disk thread: forgets the frames before `frame`.
    void discardBefore(std::int64_t frame);
    // Disk thread: the frames of timeline frame `frame` onwards (within the window).
    const float* at(std::int64_t frame) const;

    std::int64_t begin() const { return begin_; }
    std::int64_t end() const { return begin_ + count_; }
    int channels() const { return channels_; }
    // Disk thread: the dropouts passed since the last call, in this input's timeline.
    std::vector<Dropout>& passedDropouts() { return passed_; }

private:
    void append(const float* frames, std::int64_t count); // at end(), advancing it
    void applyDueDropouts();

    SampleRing& ring_;
    DropoutQueue& dropouts_;
    AnchorQueue& anchors_;
    const int channels_;
    const std::int64_t capacity_;
    std::vector<float> window_;
    std::vector<float> chunk_;
    std::int64_t begin_ = 0;
    std::int64_t count_ = 0;
    std::optional<Dropout> nextDropout_;
    std::vector<Dropout> passed_;
};

} // namespace tapedeck
