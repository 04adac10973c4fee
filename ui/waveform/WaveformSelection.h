#pragma once

#include <cstdint>

namespace tapedeck {

// The selected span of a waveform, [start, end) in frames, and the mouse gestures that make
// it: a drag selects, Shift+click extends (from the playhead when nothing is selected yet),
// and a press near either edge grabs that edge. A press that does not move is a click (the
// view then moves the playhead). No Qt; GUI thread.
class WaveformSelection {
public:
    bool isEmpty() const { return start_ < 0; }
    std::int64_t start() const { return start_; }
    std::int64_t end() const { return end_; }
    std::int64_t length() const { return isEmpty() ? 0 : end_ - start_; }

    // Selects between a and b, in either order; an empty span clears. Whether it changed.
    bool set(std::int64_t a, std::int64_t b);
    bool clear();

    // The button went down at `frame`. `extend`: Shift was held; `playhead`: where an
    // extension starts when nothing is selected; `grab`: how many frames from an edge still
    // grab it. Whether the selection changed.
    bool press(std::int64_t frame, bool extend, std::int64_t playhead, std::int64_t grab);
    // The pointer moved to `frame` with the button down; `beyondSlop`: it has moved far enough
    // from the press to be a drag. Whether the selection changed.
    bool drag(std::int64_t frame, bool beyondSlop);
    // The button came up. True when the press was a plain click: no drag, edge or extension.
    bool release();
    bool isDragging() const { return mode_ == Mode::Span || mode_ == Mode::Edge; }

private:
    enum class Mode { None, Pending, Span, Edge };
    Mode mode_ = Mode::None;
    std::int64_t start_ = -1;
    std::int64_t end_ = -1;
    std::int64_t anchor_ = 0; // the edge that stays put while dragging
};

} // namespace tapedeck
