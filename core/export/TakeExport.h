#pragma once

#include "core/base/Result.h"
#include "core/export/EncodedFormat.h"
#include "core/io/TakeExporter.h"
#include "core/loudness/LoudnessReading.h"

#include <atomic>
#include <optional>

namespace tapedeck {

// A loudness to bring an export to: integrated loudness (EBU R128 / BS.1770-4) and the true
// peak it may not pass.
struct LoudnessTarget {
    double integratedLufs = -16.0;
    double truePeakDbtp = -1.0;
};

// The hit counts as such within this many LU (the promise to people is ±0.5).
inline constexpr double kLoudnessTolerance = 0.2;

struct ExportSettings {
    std::optional<LoudnessTarget> loudness; // none: the level stays as it is
    EncoderSettings encoder;                // MP3 and Opus
    int channels = 0;                       // 0: the take's; 1 or 2: folded (ChannelFold)
};

struct TakeExportOutcome {
    ExportOutcome written; // frames at the new file's rate, its format, what was carried
    int sampleRate = 0;    // of the new file
    int channels = 0;      // of the new file
    bool rendered = false; // encoded or levelled, not copied sample for sample
    bool tagged = false;   // title, date, comment and chapters through TagLib
    // With a loudness target: the span before, the new file after (decoded, for lossy
    // formats), the gain applied, the limiter's deepest reduction, and the encodings made.
    std::optional<LoudnessReading> before;
    std::optional<LoudnessReading> after;
    double gainDb = 0.0;
    double limitedDb = 0.0;
    int passes = 0;
    bool targetMissed = false; // the loudness is more than kLoudnessTolerance off
};

// Whether `settings` ask for more than a copy of the samples (exportSpan does copies).
bool exportNeedsRendering(ExportFormat format, const ExportSettings& settings, int sourceChannels);

// Exports a span of a take to a new file, whatever the format:
// - WAV, FLAC, Ogg Vorbis with nothing to change: exportSpan, sample for sample;
// - otherwise (MP3, Opus, a loudness target, folded channels) the span is rendered: measured
//   first when there is a target (the span alone, folded as it will be written), given the
//   gain that brings it to the target, passed through a look-ahead true-peak limiter at the
//   ceiling, resampled where the format needs it (Opus: 48 kHz; MP3: an MPEG rate), and
//   encoded. The new file is then measured again (lossy formats: decoded, since encoders move
//   peaks), and encoded again with the gain or the limiter's ceiling corrected, until it is
//   within kLoudnessTolerance of the target with its true peak at or under the ceiling (at
//   most a few passes; a file over the ceiling is never kept).
// MP3 and Opus get the take's name, date, bext description and markers as tags and chapters
// (core/export/ExportTags); WAV, FLAC and Ogg keep bext and markers as exportSpan does.
// The file is written under a hidden name and takes its own name only when complete: when
// `cancel` turns true, or on any error, nothing is left. Works on the calling thread, which
// must not be the GUI or audio thread. Errors: those of exportSpan, UnsupportedFormat (too
// many channels for the format: the message says how to fold them), InvalidArgument (bad
// encoder settings, cancelled), FileEmpty (too short or quiet to measure against a target).
Result<TakeExportOutcome> exportTake(const ExportRequest& request, const ExportSettings& settings,
                                     const ExportProgress& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);

} // namespace tapedeck
