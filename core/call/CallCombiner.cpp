#include "core/call/CallCombiner.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tapedeck {

namespace {
constexpr std::int64_t kUnlimited = std::numeric_limits<std::int64_t>::max() / 4;
// The second input's frames on the take's timeline, ready to lay out: more than the disk
// writer asks for at once (16384), so one read is one pass.
constexpr std::int64_t kSecondWindowFrames = 32768;
} // namespace

CallCombiner::CallCombiner(CallInput first, CallInput second, InputLayout layout, int sampleRate,
                           bool correctDrift, DropoutQueue& fileDropouts)
    : feeds_{CallInputFeed(first.ring, first.dropouts, first.anchors),
             CallInputFeed(second.ring, second.dropouts, second.anchors)},
      anchors_{&first.anchor, &second.anchor},
      mixer_(layout, first.ring.channels(), second.ring.channels(), sampleRate),
      second_(second.ring.channels(), sampleRate, kSecondWindowFrames, correctDrift),
      fileDropouts_(fileDropouts), nsPerFrame_(1e9 / sampleRate), correctDrift_(correctDrift) {
    lostAt_[0].store(-1);
    lostAt_[1].store(-1);
    changes_.reserve(16);
}

void CallCombiner::markLost(int input, std::int64_t endFrame) {
    lostAt_[input].store(endFrame, std::memory_order_release);
}

bool CallCombiner::lost(int input, std::int64_t& endFrame) const {
    endFrame = lostAt_[input].load(std::memory_order_acquire);
    return endFrame >= 0;
}

// A lost input's last epoch never settles, so it is not waited for.
bool CallCombiner::anyPending() const {
    std::int64_t end = 0;
    return (inputs_[0].pendingFrom.has_value() && !lost(0, end)) ||
           (inputs_[1].pendingFrom.has_value() && !lost(1, end));
}

bool CallCombiner::bothAnchored() const {
    return inputs_[0].anchorNs.has_value() && inputs_[1].anchorNs.has_value();
}

double CallCombiner::anchoredOffset() const {
    return static_cast<double>(*inputs_[0].anchorNs - *inputs_[1].anchorNs) / nsPerFrame_;
}

void CallCombiner::readReports(int input) {
    InputState& in = inputs_[input];
    AnchorReport report;
    while (feeds_[input].nextReport(report)) {
        if (!report.settled) {
            in.pendingFrom = report.epochStartFrame; // its frames wait for the anchor
            in.pendingEpoch = report.epoch;
            continue;
        }
        if (report.epoch != in.pendingEpoch) {
            continue; // a late window of an epoch that has ended
        }
        if (in.pendingFrom) {
            const std::int64_t from = *in.pendingFrom;
            in.anchorNs = report.anchorNs;
            in.pendingFrom.reset();
            if (aligned() && !correctDrift_) {
                changes_.push_back(OffsetChange{input, from});
            }
        } else if (correctDrift_) {
            in.anchorNs = report.anchorNs; // two clocks: every window moves the offset a little
        }
        // Not while the other stream waits for its new anchor (both re-anchor after a pause):
        // half an update would move the offset by the pause's length.
        if (aligned() && correctDrift_ && !anyPending() && bothAnchored()) {
            second_.setOffset(anchoredOffset());
        }
    }
}

void CallCombiner::produceSecond(std::int64_t upTo) {
    CallInputFeed& feed = feeds_[1];
    std::int64_t lostEnd = 0;
    while (second_.outputEnd() < upTo && secondSilentFrom_ < 0) {
        if (!changes_.empty()) {
            const OffsetChange& change = changes_.front();
            if ((change.input == 0 && second_.outputEnd() >= change.at) ||
                (change.input == 1 && second_.inputPosition() >= change.at)) {
                if (anyPending()) {
                    return; // both re-anchor (a pause): the offset needs both new anchors
                }
                if (bothAnchored()) { // else an input lost before its first anchor: kept
                    second_.setOffset(anchoredOffset());
                }
                changes_.erase(changes_.begin());
                continue;
            }
        }
        second_.settleJump();
        feed.discardBefore(second_.inputPosition());
        if (lost(1, lostEnd) && second_.inputPosition() >= lostEnd) {
            secondSilentFrom_ = second_.outputEnd();
            break;
        }
        std::int64_t frontier = std::min(feed.end(), placeableEnd(1));
        std::int64_t maxOutput = upTo - second_.outputEnd();
        if (!changes_.empty()) {
            const OffsetChange& change = changes_.front();
            if (change.input == 1) {
                frontier = std::min(frontier, change.at);
            } else {
                maxOutput = std::min(maxOutput, change.at - second_.outputEnd());
            }
        }
        const std::int64_t from = std::max(second_.inputPosition(), feed.begin());
        const std::int64_t available = frontier - from;
        if (available <= 0 || from != second_.inputPosition()) {
            return; // waiting for the second input's frames (or its anchor)
        }
        const std::int64_t before = second_.outputEnd();
        const std::int64_t used = second_.process(feed.at(from), available, maxOutput);
        if (used == 0 && second_.outputEnd() == before) {
            return;
        }
    }
}

std::int64_t CallCombiner::placeableEnd(int input) const {
    std::int64_t lostEnd = 0;
    if (lost(input, lostEnd)) {
        return kUnlimited; // its last epoch never settles: its frames go without waiting
    }
    const InputState& in = inputs_[input];
    return in.pendingFrom ? std::min(confirmed_[input], *in.pendingFrom) : confirmed_[input];
}

std::int64_t CallCombiner::firstAvailable() const {
    std::int64_t lostEnd = 0;
    const bool gone = lost(0, lostEnd);
    if (gone && feeds_[0].end() >= lostEnd) {
        return kUnlimited;
    }
    return std::min(feeds_[0].end(), placeableEnd(0)) - next_;
}

void CallCombiner::forwardDropouts(int input, std::int64_t offset) {
    for (Dropout d : feeds_[input].passedDropouts()) {
        d.frame = std::max<std::int64_t>(d.frame - offset, next_);
        d.filled = true;
        fileDropouts_.try_enqueue(d); // the disk writer's own queue: it counts a full one
    }
    feeds_[input].passedDropouts().clear();
}

std::int64_t CallCombiner::read(float* frames, std::int64_t count) {
    std::int64_t lostEnd[2] = {0, 0};
    const bool firstLost = lost(0, lostEnd[0]);
    const bool secondLost = lost(1, lostEnd[1]);
    for (int i = 0; i < 2; ++i) {
        // Before the reports: a new epoch's report is sent before its frames count as placed.
        confirmed_[i] = anchors_[i]->confirmedEnd();
        feeds_[i].fill();
        readReports(i);
    }
    if (!aligned()) {
        const bool anchored = bothAnchored();
        if (!anchored && !firstLost && !secondLost) {
            return 0; // each stream's first window (a second) is still to come
        }
        second_.setOffset(anchored ? anchoredOffset() : 0.0);
        aligned_.store(true, std::memory_order_release);
    }
    produceSecond(next_ + count);
    const std::int64_t secondAvailable =
        secondSilentFrom_ >= 0 ? kUnlimited : second_.outputEnd() - next_;
    std::int64_t n = std::min({count, firstAvailable(), secondAvailable});
    if (firstLost && secondLost) {
        // The take ends where the later of the two did.
        const std::int64_t end =
            std::max<std::int64_t>(lostEnd[0], lostEnd[1] - std::llround(second_.offset()));
        n = std::min(n, end - next_);
    }
    if (n <= 0) {
        return 0;
    }
    offsetFrames_.store(std::llround(second_.offset()), std::memory_order_release);
    forwardDropouts(0, 0);
    forwardDropouts(1, std::llround(second_.offset()));
    // Spans where each input has frames or is silent after its loss.
    for (std::int64_t done = 0; done < n;) {
        const std::int64_t at = next_ + done;
        std::int64_t span = n - done;
        const bool firstHere = !(firstLost && at >= lostEnd[0]);
        if (firstLost && at < lostEnd[0]) {
            span = std::min(span, lostEnd[0] - at);
        }
        const bool secondHere = !(secondSilentFrom_ >= 0 && at >= secondSilentFrom_);
        if (secondSilentFrom_ >= 0 && at < secondSilentFrom_) {
            span = std::min(span, secondSilentFrom_ - at);
        }
        mixer_.combine(firstHere ? feeds_[0].at(at) : nullptr,
                       secondHere ? second_.outputAt(at) : nullptr,
                       frames + done * CallLayoutMixer::kChannels, span);
        done += span;
    }
    next_ += n;
    feeds_[0].discardBefore(firstLost ? std::min(next_, lostEnd[0]) : next_);
    second_.discardBefore(next_);
    return n;
}

} // namespace tapedeck
