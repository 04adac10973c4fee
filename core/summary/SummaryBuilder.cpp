#include "SummaryBuilder.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace tapedeck {

namespace {

// Adds one chunk's per-channel peak, energy and clipped count to the statistics.
void accumulateStatistics(const float* samples, std::int64_t frames, int channels, float clipHigh,
                          AudioStatistics& stats) {
    constexpr float kClipLow = -1.0f;
    for (int c = 0; c < channels; ++c) {
        float peak = 0.0f;
        double squares = 0.0;
        float partial = 0.0f;
        std::int64_t clipped = 0;
        constexpr std::int64_t kPartialFrames = 256; // float partial sums, folded into double
        for (std::int64_t f = 0; f < frames; ++f) {
            const float x = samples[f * channels + c];
            peak = std::max(peak, std::fabs(x));
            partial += x * x;
            clipped += (x >= clipHigh) | (x <= kClipLow);
            if ((f + 1) % kPartialFrames == 0) {
                squares += partial;
                partial = 0.0f;
            }
        }
        squares += partial;
        ChannelStatistics& s = stats.channels[c];
        s.peak = std::max(s.peak, static_cast<double>(peak));
        s.sumSquares += squares;
        s.clippedSamples += clipped;
    }
}

} // namespace

SummaryBuilder::SummaryBuilder(SoundFile file, std::shared_ptr<WaveformSummary> summary)
    : file_(std::move(file)), format_(file_.format()), summary_(std::move(summary)) {
    statistics_.channels.resize(format_.channels);
}

SummaryBuilder::~SummaryBuilder() {
    cancel();
    wait();
}

void SummaryBuilder::start() {
    if (!thread_.joinable()) {
        thread_ = std::thread([this] { run(); });
    }
}

void SummaryBuilder::wait() {
    if (thread_.joinable()) {
        thread_.join();
    }
}

double SummaryBuilder::progress() const noexcept {
    if (isFinished()) {
        return 1.0;
    }
    if (format_.frames <= 0) {
        return 0.0;
    }
    return std::clamp(static_cast<double>(framesScanned()) / static_cast<double>(format_.frames),
                      0.0, 1.0);
}

Status SummaryBuilder::run() {
    if (!summary_ || summary_->channels() != format_.channels) {
        result_ = Error{ErrorCode::InvalidArgument,
                        "The waveform summary does not match the file's channel count."};
        finished_.store(true, std::memory_order_release);
        return result_;
    }
    const int channels = format_.channels;
    const float clipHigh = file_.clipThreshold();
    std::vector<float> buffer(static_cast<std::size_t>(kReadChunkFrames) * channels);
    std::int64_t total = 0;
    while (!isCancelled()) {
        const std::int64_t got = file_.read(buffer.data(), kReadChunkFrames);
        if (got <= 0) {
            break;
        }
        accumulateStatistics(buffer.data(), got, channels, clipHigh, statistics_);
        summary_->appendInterleaved(buffer.data(), got);
        total += got;
        framesScanned_.store(total, std::memory_order_relaxed);
    }
    statistics_.frames = total;
    if (!isCancelled()) {
        summary_->finish();
        if (format_.frames > 0 && total < format_.frames) {
            result_ = Error{ErrorCode::FileUnreadable,
                            "The file " + file_.path() + " ends early: read " +
                                std::to_string(total) + " of " + std::to_string(format_.frames) +
                                " frames; the rest is damaged or missing."};
        }
    }
    finished_.store(true, std::memory_order_release);
    return result_;
}

} // namespace tapedeck
