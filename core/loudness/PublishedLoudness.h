#pragma once

#include "core/loudness/LoudnessSource.h"

#include <atomic>
#include <optional>

namespace tapedeck {

// Loudness figures handed from the thread that measures to the threads that read, through
// atomics: no lock, so a reader never waits for a measurement. The figures are stored one
// by one, so a reader may see a new momentary beside the previous short-term figure, which
// a readout refreshed ten times a second cannot show anyway.
class PublishedLoudness {
public:
    PublishedLoudness();

    // The measuring thread.
    void setMomentaryAndShortTerm(std::optional<double> momentary, std::optional<double> shortTerm);
    void setIntegrated(std::optional<double> integrated);
    void setSeconds(double seconds);
    void clear();

    // Any thread.
    LoudnessFigures load() const;

private:
    // NaN stands for "no figure".
    std::atomic<float> momentary_;
    std::atomic<float> shortTerm_;
    std::atomic<float> integrated_;
    std::atomic<double> seconds_{0.0};
    static_assert(std::atomic<float>::is_always_lock_free);
    static_assert(std::atomic<double>::is_always_lock_free);
};

} // namespace tapedeck
