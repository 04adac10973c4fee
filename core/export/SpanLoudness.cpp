#include "core/export/SpanLoudness.h"

#include "core/export/InterSamplePeak.h"
#include "core/export/SpanSource.h"
#include "core/loudness/LoudnessMeter.h"

#include <cmath>
#include <vector>

namespace tapedeck {

namespace {

constexpr std::int64_t kChunkFrames = 65536;

} // namespace

LoudnessReading withTruePeak(LoudnessReading reading, float linearPeak) {
    // The meter ran without its own true peak (Peak::None): drop its note about that.
    const std::string note = "true peak not measured";
    if (const auto at = reading.reason.find(note); at != std::string::npos) {
        std::size_t from = at;
        std::size_t length = note.size();
        if (from >= 2 && reading.reason.compare(from - 2, 2, "; ") == 0) {
            from -= 2;
            length += 2;
        } else if (reading.reason.compare(from + length, 2, "; ") == 0) {
            length += 2;
        }
        reading.reason.erase(from, length);
    }
    if (linearPeak > 0.0f) {
        reading.truePeakDbtp = 20.0 * std::log10(static_cast<double>(linearPeak));
    } else {
        reading.truePeakDbtp.reset();
        reading.reason +=
            std::string(reading.reason.empty() ? "" : "; ") + "digital silence has no peak";
    }
    return reading;
}

Result<LoudnessReading> measureSpan(SpanSource& source, const MeasureTick& tick,
                                    const std::atomic<bool>* cancel) {
    // Loudness from core/loudness; the true peak from the limiter's own detector, so that
    // what the export checks is what its limiter holds.
    LoudnessMeter meter(source.channels(), source.sampleRate(), LoudnessMeter::Peak::None);
    InterSamplePeak peak(source.channels());
    std::vector<float> chunk;
    std::int64_t done = 0;
    while (true) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            return Error{ErrorCode::InvalidArgument, "The measurement was cancelled."};
        }
        const std::int64_t got = source.read(chunk, kChunkFrames);
        if (got == 0) {
            break;
        }
        meter.addFrames(chunk.data(), got);
        peak.scan(chunk.data(), got);
        done += got;
        if (tick) {
            tick(done);
        }
    }
    return withTruePeak(meter.reading(), peak.finish());
}

Result<LoudnessReading> measureFile(const std::string& path, int channels, const MeasureTick& tick,
                                    const std::atomic<bool>* cancel) {
    Result<SpanSource> source = SpanSource::open(path, 0, -1, channels);
    if (!source) {
        return source.error();
    }
    return measureSpan(*source, tick, cancel);
}

} // namespace tapedeck
