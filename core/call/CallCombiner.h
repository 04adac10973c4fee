#pragma once

#include "core/call/CallInputFeed.h"
#include "core/call/CallLayoutMixer.h"
#include "core/call/DriftCorrector.h"
#include "core/call/StreamAnchor.h"
#include "core/recording/FrameSource.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace tapedeck {

// One input of a two-input take as the combiner reads it: what its callback fills.
struct CallInput {
    SampleRing& ring;
    DropoutQueue& dropouts;
    AnchorQueue& anchors;
    const StreamAnchor& anchor; // the frames it has placed (confirmedEnd)
};

// Combines the two inputs of a take into the file's two channels on one timeline: the first
// input's (take frame n is the first input's timeline frame n). The second input's frame for
// take frame n is n + offset, where offset = (anchor₁ − anchor₂) × rate from the two streams'
// StreamAnchor reports (the clock time of each stream's frame 0), taken anew after a dropout or
// a pause. With `correctDrift` (two devices on their own clocks) the anchors are followed all
// along and DriftCorrector resamples the second input to keep the offset; on the sound server
// both streams follow one clock, so the anchor of each epoch is kept.
//
// A lost input (markLost) gives silence from the frame where it ended, and the take goes on
// with the other. Each input's dropouts are silence in its own channel, and are passed on to
// the disk writer's queue with `filled` set, at their take frame.
//
// Built on the control thread before the streams open; read() on the disk-writer thread;
// markLost() and offsetFrames() on any thread.
class CallCombiner final : public FrameSource {
public:
    CallCombiner(CallInput first, CallInput second, InputLayout layout, int sampleRate,
                 bool correctDrift, DropoutQueue& fileDropouts);

    int channels() const override { return CallLayoutMixer::kChannels; }
    std::int64_t read(float* frames, std::int64_t count) override;

    // Control thread: input `input` (0 or 1) delivered its last frame at its timeline frame
    // `endFrame`; from there its channel is silence.
    void markLost(int input, std::int64_t endFrame);
    // Any thread: the second input's frame for take frame 0, as last applied (0 until both
    // streams are anchored).
    std::int64_t offsetFrames() const { return offsetFrames_.load(std::memory_order_acquire); }
    // Any thread: both streams are anchored and the take's frames flow.
    bool aligned() const { return aligned_.load(std::memory_order_acquire); }

private:
    struct InputState {
        std::optional<std::int64_t> anchorNs;    // of the current epoch, once settled
        std::optional<std::int64_t> pendingFrom; // an epoch began here, not settled yet
        std::int64_t pendingEpoch = -1;
    };

    // A new anchor, and so a new offset, from the frame where its epoch began (one clock).
    struct OffsetChange {
        int input = 0; // whose epoch: 0 → `at` is a take frame, 1 → a second-input frame
        std::int64_t at = 0;
    };

    void readReports(int input);
    bool anyPending() const;
    bool bothAnchored() const;
    double anchoredOffset() const; // both anchors known
    bool lost(int input, std::int64_t& endFrame) const;
    void updateOffset();
    void produceSecond(std::int64_t upTo);
    void forwardDropouts(int input, std::int64_t offset);
    // How many take frames from next_ the first input can give (its window or its loss).
    std::int64_t firstAvailable() const;
    // Where the input's frames that may be placed now end: those its anchor has confirmed,
    // short of an epoch still waiting for its anchor; all of a lost input's.
    std::int64_t placeableEnd(int input) const;

    std::array<CallInputFeed, 2> feeds_;
    std::array<const StreamAnchor*, 2> anchors_;
    // Each input's frames placed by the reports read (StreamAnchor::confirmedEnd), as read at
    // the start of this read(): later ones wait, as a pending epoch's do.
    std::array<std::int64_t, 2> confirmed_{};
    std::array<InputState, 2> inputs_;
    std::array<std::atomic<std::int64_t>, 2> lostAt_{}; // -1: still there
    CallLayoutMixer mixer_;
    DriftCorrector second_;
    DropoutQueue& fileDropouts_;
    const double nsPerFrame_;
    const bool correctDrift_;
    std::vector<OffsetChange> changes_;
    std::int64_t next_ = 0;              // the take frame read() gives next
    std::int64_t secondSilentFrom_ = -1; // take frame where the lost second input went silent
    std::atomic<std::int64_t> offsetFrames_{0};
    std::atomic<bool> aligned_{false};
};

} // namespace tapedeck
