#include "core/playback/PlaybackLoudness.h"

#include "core/loudness/LoudnessMeter.h"
#include "core/summary/SoundFile.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace tapedeck {

namespace {

// Frames read at a time: a quarter second keeps the buffer small at any rate and channel
// count, and lets a new position in between two reads of the whole-file pass.
constexpr double kSliceSeconds = 0.25;
// The heard position may step back a little as the player's clock settles: no restart.
constexpr double kSettleSeconds = 0.1;

// The measuring thread's state for the figures at the heard position.
class HeardPositionMeter {
public:
    HeardPositionMeter(SoundFile& file, std::vector<float>& buffer, std::int64_t sliceFrames)
        : file_(file), buffer_(buffer), sliceFrames_(sliceFrames), rate_(file.format().sampleRate) {
    }

    // Measures up to `target`; false if the file could not be read there.
    bool measureTo(std::int64_t target) {
        const std::int64_t settle = static_cast<std::int64_t>(kSettleSeconds * rate_);
        const std::int64_t window =
            static_cast<std::int64_t>(PlaybackLoudness::kShortTermSeconds * rate_);
        if (meter_ && target < measuredTo_ && measuredTo_ - target <= settle)
            return true;
        if (!meter_ || target < measuredTo_ || target - measuredTo_ > window + settle) {
            meter_.emplace(file_.format().channels, rate_, LoudnessMeter::Peak::None);
            measuredTo_ = std::max<std::int64_t>(0, target - window);
            if (!file_.seek(measuredTo_)) {
                meter_.reset();
                return false;
            }
        }
        while (measuredTo_ < target) {
            const std::int64_t got =
                file_.read(buffer_.data(), std::min(sliceFrames_, target - measuredTo_));
            if (got <= 0)
                break;
            meter_->addFrames(buffer_.data(), got);
            measuredTo_ += got;
        }
        return true;
    }

    std::optional<double> momentaryLufs() const { return meter_->momentaryLufs(); }
    std::optional<double> shortTermLufs() const { return meter_->shortTermLufs(); }
    double seconds() const { return static_cast<double>(measuredTo_) / rate_; }

private:
    SoundFile& file_;
    std::vector<float>& buffer_;
    const std::int64_t sliceFrames_;
    const int rate_;
    std::optional<LoudnessMeter> meter_;
    std::int64_t measuredTo_ = 0;
};

} // namespace

PlaybackLoudness::PlaybackLoudness(std::string path)
    : path_(std::move(path)), thread_([this] { run(); }) {}

PlaybackLoudness::~PlaybackLoudness() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void PlaybackLoudness::follow(std::int64_t heardFrame) {
    {
        const std::lock_guard lock(mutex_);
        target_ = heardFrame;
    }
    wake_.notify_one();
}

PlaybackLoudness::Figures PlaybackLoudness::figures() const {
    return published_.load();
}

void PlaybackLoudness::run() {
    Result<SoundFile> heard = SoundFile::open(path_);
    Result<SoundFile> whole = SoundFile::open(path_);
    if (!heard || !whole)
        return;
    const AudioFormat format = heard->format();
    if (!LoudnessMeter::supports(format.channels, format.sampleRate))
        return;
    const auto sliceFrames =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(kSliceSeconds * format.sampleRate));
    std::vector<float> buffer(static_cast<std::size_t>(sliceFrames * format.channels));
    HeardPositionMeter atHeard(*heard, buffer, sliceFrames);
    LoudnessMeter wholeFile(format.channels, format.sampleRate, LoudnessMeter::Peak::None);
    bool wholeDone = false;
    std::int64_t followed = -1;
    for (;;) {
        std::int64_t target = -1;
        {
            std::unique_lock lock(mutex_);
            const auto newWork = [&] { return stop_ || target_ != followed; };
            // With the whole-file pass done there is nothing to do until the next position.
            if (wholeDone)
                wake_.wait(lock, newWork);
            if (stop_)
                return;
            target = target_;
        }
        if (target != followed) {
            // The figures at the heard position come first: they are what the user watches.
            followed = target;
            if (target >= 0 && atHeard.measureTo(std::min(target, format.frames))) {
                published_.setMomentaryAndShortTerm(atHeard.momentaryLufs(),
                                                    atHeard.shortTermLufs());
                published_.setSeconds(atHeard.seconds());
            }
            continue;
        }
        const std::int64_t got = whole->read(buffer.data(), sliceFrames);
        if (got > 0)
            wholeFile.addFrames(buffer.data(), got);
        if (got < sliceFrames) {
            published_.setIntegrated(wholeFile.integratedLufs());
            wholeFileMeasured_.store(true, std::memory_order_release);
            wholeDone = true;
        }
    }
}

} // namespace tapedeck
