#pragma once

namespace tapedeck {

// How a take with two inputs (a call: a microphone and what the computer plays) puts them in
// its file.
enum class InputLayout {
    Split, // two channels: the first input on the left, the second on the right, each folded
           // to mono by the mean of its channels
    Mix,   // stereo: both inputs summed, limited smoothly rather than clipped
};

} // namespace tapedeck
