#pragma once

#include "core/base/Result.h"
#include "core/export/EncodedFormat.h"
#include "core/loudness/LoudnessReading.h"

#include <sndfile.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace tapedeck {

class SpanSource;

// One encoding of a span into a file: read (folded) → gain → resample (libsoxr, when the
// format needs another rate) → true-peak limiter (when a ceiling is given) → write floats.
// Floats, because libsndfile's 16-bit path to LAME corrupts stereo MP3.
struct RenderPlan {
    ExportFormat format = ExportFormat::Wav;
    int sndfileFormat = 0;
    int rate = 0;     // of the new file
    int channels = 0; // of the new file (the source's after folding)
    EncoderSettings encoder;
    double gainDb = 0.0;
    std::optional<double> ceilingDbtp; // the limiter's ceiling; none: no limiter
    bool measureWritten = true;        // fill RenderResult::written (PCM formats)
    // Called with the new file before its first sample, for what goes in its header (bext,
    // room for markers, comments).
    std::function<void(SNDFILE*)> beforeFirstSample;
};

struct RenderResult {
    std::int64_t sourceFrames = 0; // read from the span
    std::int64_t frames = 0;       // written, at the new rate
    // What was written, measured before the encoder (PCM formats keep it to the bit);
    // empty unless the plan asked for it.
    LoudnessReading written;
    double limitedDb = 0.0; // the limiter's deepest reduction
    std::int64_t limitedFrames = 0;
};

// Writes the span from its start into the file at `path` (already created, emptied here).
// `tick` gets the frames read so far. Errors: UnsupportedFormat (libsndfile refuses the
// format or the settings), WriteFailed, InvalidArgument (cancelled). The exporter's thread.
Result<RenderResult> renderPass(SpanSource& source, const RenderPlan& plan, const std::string& path,
                                const std::function<void(std::int64_t)>& tick,
                                const std::atomic<bool>* cancel);

} // namespace tapedeck
