#include "core/export/TakeExport.h"

#include "core/export/ExportTags.h"
#include "core/export/PendingFile.h"
#include "core/export/RenderPass.h"
#include "core/export/SpanLoudness.h"
#include "core/export/SpanSource.h"
#include "core/io/BroadcastInfo.h"
#include "core/io/DropoutSidecarSpan.h"
#include "core/io/SpanMarkers.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <limits>

namespace tapedeck {

namespace {

// The limiter holds its detected peaks exactly, but the gain's own movement and meters that
// interpolate differently can read a few hundredths of a dB more: it aims this far under the
// ceiling, and a result counts as under the ceiling only this far under it.
constexpr double kDetectorMarginDb = 0.15;
constexpr double kPeakSafetyDb = 0.05;
// A pass that ends over the ceiling is redone with the limiter this much further down than
// the overshoot it measured.
constexpr double kRetryMarginDb = 0.05;
constexpr int kMaxPasses = 5;
// The least loudness a dB of gain is trusted to add under heavy limiting (bounds a step).
constexpr double kSmallestSlope = 0.2;

bool isWavFamily(int sndfileFormat) {
    const int major = sndfileFormat & SF_FORMAT_TYPEMASK;
    return major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX || major == SF_FORMAT_RF64;
}

// Overall progress over the stages of a rendered export, in frames of the source's span.
class StageProgress {
public:
    StageProgress(const ExportProgress& progress, std::int64_t spanFrames, int stages)
        : progress_(progress), span_(std::max<std::int64_t>(spanFrames, 0)),
          total_(span_ * stages) {}
    void addStages(int stages) { total_ += span_ * stages; }
    // Frames done in the current stage; `scale` turns them into source frames.
    void report(std::int64_t frames, double scale = 1.0) {
        if (progress_) {
            const auto done = static_cast<std::int64_t>(static_cast<double>(frames) * scale);
            progress_(std::min(finished_ + done, total_), total_);
        }
    }
    void stageDone() { finished_ += span_; }

private:
    const ExportProgress& progress_;
    std::int64_t span_;
    std::int64_t total_;
    std::int64_t finished_ = 0;
};

std::string takeName(const std::string& path) {
    return std::filesystem::path(path).stem().string();
}

std::string fileDate(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return {};
    }
    std::tm local{};
    localtime_r(&st.st_mtime, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

Error cancelled() {
    return {ErrorCode::InvalidArgument, "The export was cancelled."};
}

} // namespace

bool exportNeedsRendering(ExportFormat format, const ExportSettings& settings, int sourceChannels) {
    return format == ExportFormat::Mp3 || format == ExportFormat::Opus ||
           settings.loudness.has_value() ||
           (settings.channels > 0 && settings.channels != sourceChannels);
}

Result<TakeExportOutcome> exportTake(const ExportRequest& request, const ExportSettings& settings,
                                     const ExportProgress& progress,
                                     const std::atomic<bool>* cancel) {
    const std::string& in = request.sourcePath;
    const std::string& out = request.destinationPath;
    const std::optional<ExportFormat> format =
        request.format ? request.format : exportFormatForPath(out);
    if (!format) {
        return Error{ErrorCode::UnsupportedFormat,
                     "Tapedeck cannot tell the format from the name " + out +
                         ". End it in .wav, .flac, .ogg, .mp3 or .opus, or choose a format."};
    }
    if (const std::string wrong = encoded_format::checkSettings(*format, settings.encoder);
        !wrong.empty()) {
        return Error{ErrorCode::InvalidArgument, wrong};
    }
    Result<SpanSource> opened =
        SpanSource::open(in, request.fromFrame, request.toFrame, settings.channels);
    if (!opened) {
        return opened.error();
    }
    SpanSource& source = *opened;
    if (!exportNeedsRendering(*format, settings, source.sourceChannels())) {
        const int rate = source.sampleRate();
        const int channels = source.sourceChannels();
        opened = Error{ErrorCode::InvalidArgument, ""}; // closed before exportSpan opens it
        ExportRequest copy = request;
        copy.format = format;
        Result<ExportOutcome> copied = exportSpan(copy, progress, cancel);
        if (!copied) {
            return copied.error();
        }
        TakeExportOutcome outcome;
        outcome.written = *copied;
        outcome.sampleRate = rate;
        outcome.channels = channels;
        return outcome;
    }
    std::error_code same;
    if (std::filesystem::exists(out, same) && std::filesystem::equivalent(in, out, same)) {
        return Error{ErrorCode::FileExists, "Tapedeck cannot export " + in + " onto itself."};
    }
    const int channels = source.channels();
    if (channels > encoded_format::maxChannels(*format)) {
        return Error{ErrorCode::UnsupportedFormat,
                     encoded_format::channelRefusal(*format, source.sourceChannels())};
    }

    RenderPlan plan;
    plan.format = *format;
    plan.rate = encoded_format::encodedRate(*format, source.sampleRate());
    plan.channels = channels;
    plan.encoder = settings.encoder;
    plan.sndfileFormat = exportSndfileFormat(*format, source.sourceFormat());
    if (isWavFamily(plan.sndfileFormat)) {
        // RF64 that libsndfile writes as a plain WAV while it is under 4 GiB.
        plan.sndfileFormat = SF_FORMAT_RF64 | (plan.sndfileFormat & SF_FORMAT_SUBMASK);
    }
    const bool lossy = encoded_format::isLossy(*format);
    plan.measureWritten = settings.loudness.has_value() && !lossy;

    // What the new file says about itself.
    const std::int64_t from = source.from();
    const std::int64_t spanFrames = source.frames();
    const std::vector<Marker> markers = markersInSpan(
        readSpanMarkers(in), from,
        spanFrames >= 0 ? from + spanFrames : std::numeric_limits<std::int64_t>::max());
    SF_BROADCAST_INFO bext{};
    const bool hasBext =
        sf_command(source.handle(), SFC_GET_BROADCAST_INFO, &bext, sizeof bext) == SF_TRUE;
    const std::optional<BroadcastInfo> fields = readBroadcastInfo(in);
    ExportTagValues tags;
    tags.title = takeName(in);
    tags.date = fields && !fields->originationDate.empty() ? fields->originationDate : fileDate(in);
    tags.comment = fields ? fields->description : std::string();
    tags.chapters = markers;
    tags.sampleRate = source.sampleRate();
    const bool tagged = *format == ExportFormat::Mp3 || *format == ExportFormat::Opus;
    const int sourceRate = source.sampleRate();
    plan.beforeFirstSample = [&](SNDFILE* file) {
        if (hasBext && isWavFamily(plan.sndfileFormat)) {
            SF_BROADCAST_INFO shifted = bext;
            const std::uint64_t reference =
                (static_cast<std::uint64_t>(bext.time_reference_high) << 32 |
                 bext.time_reference_low) +
                static_cast<std::uint64_t>(from);
            shifted.time_reference_low = static_cast<std::uint32_t>(reference & 0xFFFFFFFFu);
            shifted.time_reference_high = static_cast<std::uint32_t>(reference >> 32);
            sf_command(file, SFC_SET_BROADCAST_INFO, &shifted, sizeof shifted);
        }
        if (!tagged && !isWavFamily(plan.sndfileFormat)) {
            // FLAC and Ogg Vorbis: comments go in the header; the COMMENT is the room kept
            // for the markers.
            sf_set_string(file, SF_STR_TITLE, tags.title.c_str());
            sf_set_string(file, SF_STR_DATE, tags.date.c_str());
            reserveSpanMarkerRoom(file, plan.sndfileFormat, markers, sourceRate);
        }
    };

    Result<PendingFile> pending = PendingFile::create(out);
    if (!pending) {
        return pending.error();
    }
    const int measureStages = settings.loudness ? 1 : 0;
    const int passStages = 1 + (settings.loudness && lossy ? 1 : 0);
    StageProgress stages(progress, spanFrames, measureStages + passStages);
    const double outputToSource = static_cast<double>(sourceRate) / plan.rate;

    TakeExportOutcome outcome;
    outcome.rendered = true;
    outcome.sampleRate = plan.rate;
    outcome.channels = channels;
    if (settings.loudness) {
        Result<LoudnessReading> before = measureSpan(
            source, [&](std::int64_t frames) { stages.report(frames); }, cancel);
        if (!before) {
            return before.error();
        }
        if (!before->integratedLufs) {
            return Error{ErrorCode::FileEmpty,
                         "The span is too short or too quiet to measure its loudness (" +
                             before->reason + "). Export it without a loudness target."};
        }
        stages.stageDone();
        outcome.before = *before;
        plan.gainDb = settings.loudness->integratedLufs - *before->integratedLufs;
        plan.ceilingDbtp = settings.loudness->truePeakDbtp - kDetectorMarginDb;
    }

    RenderResult rendered;
    bool overCeiling = false;
    double lastPeak = -std::numeric_limits<double>::infinity();
    std::optional<double> previousGain;
    double previousLufs = 0.0;
    for (int pass = 1; pass <= kMaxPasses; ++pass) {
        if (pass > 1) {
            stages.addStages(passStages);
        }
        Result<RenderResult> done = renderPass(
            source, plan, pending->path(), [&](std::int64_t frames) { stages.report(frames); },
            cancel);
        if (!done) {
            return done.error();
        }
        stages.stageDone();
        rendered = *done;
        outcome.passes = pass;
        outcome.gainDb = plan.gainDb;
        outcome.limitedDb = rendered.limitedDb;
        if (!settings.loudness) {
            break;
        }
        LoudnessReading after = rendered.written;
        if (lossy) {
            Result<LoudnessReading> decoded = measureFile(
                pending->path(), 0,
                [&](std::int64_t frames) { stages.report(frames, outputToSource); }, cancel);
            if (!decoded) {
                return cancel != nullptr && cancel->load() ? cancelled() : decoded.error();
            }
            stages.stageDone();
            after = *decoded;
        }
        outcome.after = after;
        const double target = settings.loudness->integratedLufs;
        const double ceiling = settings.loudness->truePeakDbtp;
        const double lufs = after.integratedLufs.value_or(target);
        const double peak = after.truePeakDbtp.value_or(-std::numeric_limits<double>::infinity());
        const bool loudEnough = std::abs(lufs - target) <= kLoudnessTolerance;
        overCeiling = peak > ceiling - kPeakSafetyDb;
        lastPeak = peak;
        outcome.targetMissed = !loudEnough;
        if (loudEnough && !overCeiling) {
            break;
        }
        if (overCeiling) {
            *plan.ceilingDbtp -= (peak - (ceiling - kPeakSafetyDb)) + kRetryMarginDb;
        }
        if (!loudEnough) {
            // Where the limiter works hard, a dB of gain adds less than a dB of loudness:
            // the slope of the last two passes says how much (a secant step).
            double slope = 1.0;
            if (previousGain && std::abs(plan.gainDb - *previousGain) > 0.01) {
                slope = std::clamp((lufs - previousLufs) / (plan.gainDb - *previousGain),
                                   kSmallestSlope, 1.0);
            }
            previousGain = plan.gainDb;
            previousLufs = lufs;
            plan.gainDb += (target - lufs) / slope;
        }
    }
    if (settings.loudness && lastPeak > settings.loudness->truePeakDbtp) {
        return Error{ErrorCode::WriteFailed,
                     "Tapedeck could not keep the true peak under " +
                         std::to_string(settings.loudness->truePeakDbtp).substr(0, 5) +
                         " dBTP in " + std::to_string(kMaxPasses) +
                         " tries. Choose a lower loudness target or a higher bitrate."};
    }
    if (spanFrames >= 0 && rendered.sourceFrames != spanFrames) {
        return Error{ErrorCode::FileUnreadable,
                     in + " ended after " + std::to_string(from + rendered.sourceFrames) +
                         " frames, before the span did: the file may be damaged."};
    }
    tags.frames = rendered.sourceFrames;
    if (tagged) {
        if (Status written = writeExportTags(pending->path(), *format, tags); !written) {
            return written.error();
        }
        outcome.tagged = true;
    } else if (Status written =
                   writeSpanMarkers(pending->path(), plan.sndfileFormat, markers, sourceRate);
               !written) {
        return written.error();
    }
    if (cancel != nullptr && cancel->load()) {
        return cancelled();
    }
    if (Status published = pending->publish(); !published) {
        return published.error();
    }
    outcome.written.frames = rendered.frames;
    outcome.written.sndfileFormat = plan.sndfileFormat;
    // RF64 comes out as a plain WAV under 4 GiB: say what the file is.
    SF_INFO written{};
    if (SNDFILE* file = sf_open(out.c_str(), SFM_READ, &written); file != nullptr) {
        outcome.written.sndfileFormat = written.format;
        sf_close(file);
    }
    outcome.written.markersCarried = static_cast<int>(markers.size());
    outcome.written.bextCarried = hasBext && isWavFamily(plan.sndfileFormat);
    if (plan.rate == sourceRate) {
        outcome.written.dropoutsCarried =
            carryDropoutSidecar(in, out, from, from + rendered.sourceFrames, sourceRate);
    }
    return outcome;
}

} // namespace tapedeck
