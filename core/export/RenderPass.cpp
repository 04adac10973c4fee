#include "core/export/RenderPass.h"

#include "core/dsp/Resampler.h"
#include "core/export/InterSamplePeak.h"
#include "core/export/SpanLoudness.h"
#include "core/export/SpanSource.h"
#include "core/export/TruePeakLimiter.h"
#include "core/loudness/LoudnessMeter.h"

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <memory>
#include <vector>

namespace tapedeck {

namespace {

constexpr std::int64_t kChunkFrames = 32768;

struct SndfileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};

// The stages after the gain, one chunk at a time.
class Chain {
public:
    Chain(const SpanSource& source, const RenderPlan& plan)
        : channels_(plan.channels), gain_(static_cast<float>(std::pow(10.0, plan.gainDb / 20.0))),
          meter_(plan.measureWritten ? std::make_unique<LoudnessMeter>(plan.channels, plan.rate,
                                                                       LoudnessMeter::Peak::None)
                                     : nullptr),
          peak_(plan.channels) {
        if (plan.rate != source.sampleRate()) {
            resampler_ = std::make_unique<Resampler>(source.sampleRate(), plan.rate, channels_);
        }
        if (plan.ceilingDbtp) {
            limiter_ = std::make_unique<TruePeakLimiter>(channels_, plan.rate, *plan.ceilingDbtp);
        }
    }

    bool valid() const { return !resampler_ || resampler_->valid(); }

    // Takes a chunk (nullptr at the end) and returns what is ready to write.
    const std::vector<float>& push(std::vector<float>* chunk, std::int64_t frames) {
        resampled_.clear();
        if (chunk != nullptr && gain_ != 1.0f) {
            for (float& sample : *chunk) {
                sample *= gain_;
            }
        }
        if (resampler_) {
            resample(chunk != nullptr ? chunk->data() : nullptr, frames);
        } else if (chunk != nullptr) {
            resampled_.swap(*chunk);
        }
        ready_.clear();
        if (limiter_) {
            limiter_->process(resampled_.data(),
                              static_cast<std::int64_t>(resampled_.size()) / channels_, ready_);
            if (chunk == nullptr) {
                limiter_->flush(ready_);
            }
        } else {
            ready_.swap(resampled_);
        }
        if (meter_) {
            meter_->addFrames(ready_.data(), static_cast<std::int64_t>(ready_.size()) / channels_);
            peak_.scan(ready_.data(), static_cast<std::int64_t>(ready_.size()) / channels_);
        }
        return ready_;
    }

    LoudnessReading reading() {
        return meter_ ? withTruePeak(meter_->reading(), peak_.finish()) : LoudnessReading{};
    }
    double limitedDb() const { return limiter_ ? limiter_->maxReductionDb() : 0.0; }
    std::int64_t limitedFrames() const { return limiter_ ? limiter_->framesReduced() : 0; }

private:
    void resample(const float* input, std::int64_t frames) {
        std::size_t offset = 0;
        // A flush may need several calls; an input chunk is taken whole.
        while (true) {
            const std::size_t capacity = 8192;
            const std::size_t old = resampled_.size();
            resampled_.resize(old + capacity * channels_);
            std::size_t used = 0;
            const std::size_t made = resampler_->process(
                input != nullptr ? input + offset * channels_ : nullptr,
                input != nullptr ? static_cast<std::size_t>(frames) - offset : 0, &used,
                resampled_.data() + old, capacity);
            resampled_.resize(old + made * channels_);
            offset += used;
            const bool inputDone = input == nullptr || offset >= static_cast<std::size_t>(frames);
            if (inputDone && made < capacity) {
                break;
            }
        }
    }

    int channels_;
    float gain_;
    std::unique_ptr<Resampler> resampler_;
    std::unique_ptr<TruePeakLimiter> limiter_;
    std::unique_ptr<LoudnessMeter> meter_;
    InterSamplePeak peak_;
    std::vector<float> resampled_;
    std::vector<float> ready_;
};

} // namespace

Result<RenderResult> renderPass(SpanSource& source, const RenderPlan& plan, const std::string& path,
                                const std::function<void(std::int64_t)>& tick,
                                const std::atomic<bool>* cancel) {
    if (Status rewound = source.rewind(); !rewound) {
        return rewound.error();
    }
    SF_INFO info{};
    info.samplerate = plan.rate;
    info.channels = plan.channels;
    info.format = plan.sndfileFormat;
    const std::string formatName = encoded_format::formatName(plan.format);
    if (!sf_format_check(&info)) {
        return Error{ErrorCode::UnsupportedFormat,
                     "This system's libsndfile cannot write " + formatName + " with " +
                         std::to_string(plan.channels) + " channels at " +
                         std::to_string(plan.rate) + " Hz. Choose WAV or FLAC."};
    }
    const int fd = ::open(path.c_str(), O_RDWR | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
        return Error{ErrorCode::WriteFailed, "The new file cannot be written. Is the disk full?"};
    }
    std::unique_ptr<SNDFILE, SndfileCloser> file(sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE));
    if (!file) {
        ::close(fd);
        return Error{ErrorCode::UnsupportedFormat, "This system's libsndfile cannot write " +
                                                       formatName + " (" + sf_strerror(nullptr) +
                                                       "). Choose WAV or FLAC."};
    }
    if (!encoded_format::applySettings(file.get(), plan.format, plan.encoder, plan.rate)) {
        return Error{ErrorCode::UnsupportedFormat,
                     "The " + formatName +
                         " encoder refused these settings; try the default "
                         "bitrate."};
    }
    if ((plan.sndfileFormat & SF_FORMAT_TYPEMASK) == SF_FORMAT_RF64) {
        sf_command(file.get(), SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
    }
    sf_command(file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
    if (plan.beforeFirstSample) {
        plan.beforeFirstSample(file.get());
    }

    Chain chain(source, plan);
    if (!chain.valid()) {
        return Error{ErrorCode::UnsupportedFormat, "The sample rate cannot be converted to " +
                                                       std::to_string(plan.rate) + " Hz."};
    }
    RenderResult result;
    std::vector<float> chunk;
    const auto write = [&](const std::vector<float>& ready) {
        const auto frames = static_cast<sf_count_t>(ready.size()) / plan.channels;
        if (frames > 0 && sf_writef_float(file.get(), ready.data(), frames) != frames) {
            return false;
        }
        result.frames += frames;
        return true;
    };
    const Error writeFailed{ErrorCode::WriteFailed,
                            "Writing the new file failed. Is the disk full?"};
    while (true) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            return Error{ErrorCode::InvalidArgument, "The export was cancelled."};
        }
        const std::int64_t got = source.read(chunk, kChunkFrames);
        if (got == 0) {
            break;
        }
        result.sourceFrames += got;
        if (!write(chain.push(&chunk, got))) {
            return writeFailed;
        }
        if (tick) {
            tick(result.sourceFrames);
        }
    }
    if (!write(chain.push(nullptr, 0))) {
        return writeFailed;
    }
    if (sf_error(file.get()) != SF_ERR_NO_ERROR) {
        return writeFailed;
    }
    file.reset(); // closes: the encoder's last frames and the header's sizes
    result.written = chain.reading();
    result.limitedDb = chain.limitedDb();
    result.limitedFrames = chain.limitedFrames();
    return result;
}

} // namespace tapedeck
