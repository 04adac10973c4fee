#include "ui/waveform/WaveformSelection.h"

#include <algorithm>
#include <cstdlib>

namespace tapedeck {

bool WaveformSelection::set(std::int64_t a, std::int64_t b) {
    const std::int64_t from = std::max<std::int64_t>(0, std::min(a, b));
    const std::int64_t to = std::max(a, b);
    if (to <= from)
        return clear();
    if (from == start_ && to == end_)
        return false;
    start_ = from;
    end_ = to;
    return true;
}

bool WaveformSelection::clear() {
    if (isEmpty())
        return false;
    start_ = end_ = -1;
    return true;
}

bool WaveformSelection::press(std::int64_t frame, bool extend, std::int64_t playhead,
                              std::int64_t grab) {
    if (extend) {
        // The edge farther from the click stays; with nothing selected, the playhead.
        if (isEmpty())
            anchor_ = std::max<std::int64_t>(0, playhead);
        else
            anchor_ = std::llabs(frame - start_) < std::llabs(frame - end_) ? end_ : start_;
        mode_ = Mode::Edge;
        return set(anchor_, frame);
    }
    if (!isEmpty()) {
        const std::int64_t toStart = std::llabs(frame - start_);
        const std::int64_t toEnd = std::llabs(frame - end_);
        if (std::min(toStart, toEnd) <= grab) {
            anchor_ = toStart < toEnd ? end_ : start_;
            mode_ = Mode::Edge;
            return false;
        }
    }
    anchor_ = frame;
    mode_ = Mode::Pending;
    return false;
}

bool WaveformSelection::drag(std::int64_t frame, bool beyondSlop) {
    if (mode_ == Mode::Pending && beyondSlop)
        mode_ = Mode::Span;
    if (mode_ != Mode::Span && mode_ != Mode::Edge)
        return false;
    return set(anchor_, frame);
}

bool WaveformSelection::release() {
    const bool click = mode_ == Mode::Pending;
    mode_ = Mode::None;
    return click;
}

} // namespace tapedeck
