#pragma once

#include "core/base/Result.h"
#include "core/loudness/LoudnessReading.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace tapedeck {

class SpanSource;

// Frames read so far (called about every chunk, on the measuring thread).
using MeasureTick = std::function<void(std::int64_t framesRead)>;

// A reading of a LoudnessMeter run without true peak, given the true peak measured apart (a
// linear magnitude; 0 for digital silence). Any thread.
LoudnessReading withTruePeak(LoudnessReading reading, float linearPeak);

// Measures the loudness (integrated, range: core/loudness; true peak: InterSamplePeak, the
// limiter's detector, 4× with 64 taps a phase) of what a SpanSource
// reads from where it stands to its end, as the export will write it: the same span, folded
// the same way. Errors: InvalidArgument "cancelled" when `cancel` turns true. A worker thread.
Result<LoudnessReading> measureSpan(SpanSource& source, const MeasureTick& tick = {},
                                    const std::atomic<bool>* cancel = nullptr);

// Measures a whole sound file as a player decodes it (for a lossy export: the encoded file).
// `channels` 0 keeps the file's; 1 or 2 folds as SpanSource does. Errors: those of
// SpanSource::open, and cancelled. A worker thread.
Result<LoudnessReading> measureFile(const std::string& path, int channels = 0,
                                    const MeasureTick& tick = {},
                                    const std::atomic<bool>* cancel = nullptr);

} // namespace tapedeck
