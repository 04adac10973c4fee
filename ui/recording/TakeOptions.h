#pragma once

namespace tapedeck {

// How the window records a take besides the device and format: the pre-roll kept while the
// input is monitored, a sound-activated start and stop, and a length limit. Plain data.
struct TakeOptions {
    static constexpr double kMaxPreRollSeconds = 30;
    double preRollSeconds = 2;
    bool startOnSound = false;
    double startAboveDbfs = -30;
    bool stopOnSilence = false;
    double silenceSeconds = 5;
    bool stopAfterLength = false;
    double lengthSeconds = 600;

    friend bool operator==(const TakeOptions&, const TakeOptions&) = default;
};

} // namespace tapedeck
