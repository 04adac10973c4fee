#pragma once

#include "core/loudness/LoudnessMeter.h"
#include "core/loudness/LoudnessSource.h"
#include "core/loudness/PublishedLoudness.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace tapedeck {

// Loudness while a take records: a LoudnessMeter fed by the disk-writer thread with the
// samples it has just written (Recorder's SamplesWrittenFn), whose momentary, short-term and
// integrated-so-far figures the GUI thread reads at its frame rate. The audio callback does
// no work for it. The two threads share only atomics: no lock anywhere.
//
// The sample rate may be known only once the stream runs (a take at the device's own rate);
// frames that arrive before setSampleRate() are kept and measured as soon as it comes.
// The integrated figure is the take's so far, renewed once a second.
class LiveLoudness final : public LoudnessSource {
public:
    static constexpr int kDisabled = -1;
    // Frames kept while the rate is unknown: at most this many seconds at 192 kHz.
    static constexpr std::int64_t kMaxEarlyFrames = 10 * 192000;

    explicit LiveLoudness(int channels);

    // Control thread, once: the stream's rate. kDisabled (or a rate the meter cannot
    // measure): nothing is measured or kept.
    void setSampleRate(int sampleRate);

    // Disk-writer thread: frames just written. Not real-time safe.
    void addFrames(const float* interleaved, std::int64_t frames);

    // Any thread (the GUI thread): the latest figures.
    Figures figures() const override;
    int channels() const { return channels_; }

private:
    void publish();

    const int channels_;
    std::atomic<int> sampleRate_{0};
    // Disk-writer thread only.
    std::optional<LoudnessMeter> meter_;
    std::vector<float> early_;          // frames before the rate was known
    std::int64_t nextIntegratedAt_ = 0; // frames: when the integrated figure is renewed
    PublishedLoudness published_;
};

} // namespace tapedeck
