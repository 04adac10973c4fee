#include "core/summary/AudioFileInfo.h"

#include "core/summary/SoundFile.h"
#include "core/summary/SummaryBuilder.h"
#include "core/summary/SummaryCache.h"
#include "core/summary/WaveformSummary.h"

#include <cmath>
#include <limits>
#include <memory>

namespace tapedeck {

namespace {

double toDbfs(double linear) {
    if (linear <= 0.0) {
        return -std::numeric_limits<double>::infinity();
    }
    return 20.0 * std::log10(linear);
}

} // namespace

AudioFileInfo makeAudioFileInfo(const std::string& path, const AudioFormat& format,
                                const AudioStatistics& statistics) {
    AudioFileInfo info;
    info.path = path;
    info.formatName = format.formatName;
    info.encodingName = format.encodingName;
    info.sampleRate = format.sampleRate;
    info.channels = format.channels;
    info.frames = statistics.frames;
    info.durationSeconds =
        format.sampleRate > 0 ? static_cast<double>(statistics.frames) / format.sampleRate : 0.0;
    for (const ChannelStatistics& s : statistics.channels) {
        ChannelInfo c;
        c.peak = s.peak;
        c.rms = statistics.frames > 0
                    ? std::sqrt(s.sumSquares / static_cast<double>(statistics.frames))
                    : 0.0;
        c.peakDbfs = toDbfs(c.peak);
        c.rmsDbfs = toDbfs(c.rms);
        c.clippedSamples = s.clippedSamples;
        info.channelInfo.push_back(c);
    }
    info.loudness = statistics.loudness;
    return info;
}

Result<AudioFileInfo> analyzeAudioFile(const std::string& path, const AnalysisOptions& options) {
    Result<SoundFile> file = SoundFile::open(path);
    if (!file) {
        return file.error();
    }
    const AudioFormat format = file->format();
    std::optional<SummaryCacheKey> key;
    if (options.cache != nullptr) {
        if (Result<SummaryCacheKey> found = SummaryCache::keyFor(path)) {
            key = *found;
        }
    }
    if (key) {
        if (std::optional<AudioStatistics> cached = options.cache->loadStatistics(*key, format)) {
            if (!options.loudness || cached->loudness) {
                if (!options.loudness) {
                    cached->loudness.reset();
                }
                return makeAudioFileInfo(path, format, *cached);
            }
        }
    }
    auto summary = std::make_shared<WaveformSummary>(
        format.channels, std::max<std::int64_t>(format.frames, WaveformSummary::kBlockFrames[0]));
    SummaryBuilder builder(std::move(*file), summary);
    builder.setMeasureLoudness(options.loudness);
    builder.setCancelFlag(options.cancel);
    const Status status = builder.run();
    if (!status) {
        return status.error();
    }
    if (builder.isCancelled()) {
        return Error{ErrorCode::InvalidArgument, "The measurement was cancelled."};
    }
    if (key) {
        options.cache->store(*key, format, *summary, builder.statistics());
    }
    return makeAudioFileInfo(path, format, builder.statistics());
}

} // namespace tapedeck
