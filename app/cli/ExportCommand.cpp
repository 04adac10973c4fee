#include "app/cli/Commands.h"
#include "app/cli/StopSignal.h"
#include "app/cli/UserMessages.h"

#include "core/export/TakeExport.h"
#include "core/io/SoundFileFormatName.h"
#include "core/io/TakeExporter.h"
#include "core/summary/SoundFile.h"

#include <atomic>
#include <cmath>
#include <cstdio>

namespace tapedeck::cli {

namespace {

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f s", value);
    return text;
}

std::string decibels(double value, const char* unit) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, unit);
    return text;
}

// "-16.0 LUFS, true peak -1.2 dBTP" for a reading, "unmeasurable" parts left out.
std::string describeLoudness(const LoudnessReading& reading) {
    std::string text = reading.integratedLufs ? decibels(*reading.integratedLufs, "LUFS")
                                              : std::string("loudness unknown");
    if (reading.truePeakDbtp) {
        text += ", true peak " + decibels(*reading.truePeakDbtp, "dBTP");
    }
    return text;
}

} // namespace

int exportSpan(const CommandLine& commandLine) {
    ExportRequest request;
    request.sourcePath = commandLine.file;
    request.destinationPath = commandLine.exportTo;
    if (commandLine.formatGiven) {
        request.format = parseExportFormat(commandLine.format);
        if (!request.format) {
            return fail("--format takes wav, wav16, wav32f, flac, ogg, mp3 or opus, not \"" +
                        commandLine.format + "\".");
        }
    }
    // The rate turns seconds into frames; the length says whether the span is inside.
    int rate = 0;
    std::int64_t frames = 0;
    {
        const Result<SoundFile> source = SoundFile::open(commandLine.file);
        if (!source) {
            return fail(source.error().message);
        }
        rate = source->format().sampleRate;
        frames = source->format().frames;
    } // closed before the export opens it again
    const double length = static_cast<double>(frames) / rate;
    if (commandLine.fromSeconds) {
        request.fromFrame = std::llround(*commandLine.fromSeconds * rate);
        if (request.fromFrame >= frames) {
            return fail("--from " + seconds(*commandLine.fromSeconds) +
                        " is not before the end of " + commandLine.file + ", which is " +
                        seconds(length) + " long.");
        }
    }
    if (commandLine.toSeconds) {
        request.toFrame = std::llround(*commandLine.toSeconds * rate);
        if (request.toFrame > frames) {
            return fail("--to " + seconds(*commandLine.toSeconds) + " is past the end of " +
                        commandLine.file + ", which is " + seconds(length) + " long.");
        }
    }

    StopSignal::install();
    std::atomic<bool> cancel{false};
    const auto progress = [&cancel](std::int64_t, std::int64_t) {
        if (StopSignal::received()) {
            cancel.store(true);
        }
    };
    ExportSettings settings;
    if (commandLine.loudnessLufs) {
        settings.loudness =
            LoudnessTarget{*commandLine.loudnessLufs, commandLine.truePeakDbtp.value_or(-1.0)};
    }
    settings.encoder.bitrateKbps = commandLine.bitrateKbps;
    settings.encoder.vbrQuality = commandLine.vbrQuality;
    settings.channels = commandLine.channels;
    const Result<TakeExportOutcome> done = exportTake(request, settings, progress, &cancel);
    if (!done) {
        if (cancel.load()) {
            return fail("Stopped: " + commandLine.exportTo + " was not written.");
        }
        return fail(done.error().message);
    }
    const ExportOutcome& written = done->written;
    std::printf("Wrote %s (%lld frames, %s",
                seconds(double(written.frames) / done->sampleRate).c_str(),
                static_cast<long long>(written.frames),
                describeSoundFileFormat(written.sndfileFormat).c_str());
    if (done->rendered) {
        std::printf(", %d Hz, %d channel%s", done->sampleRate, done->channels,
                    done->channels == 1 ? "" : "s");
    }
    std::printf(") from %s to %s", commandLine.file.c_str(), commandLine.exportTo.c_str());
    if (written.markersCarried > 0) {
        std::printf(", with %d marker(s)%s", written.markersCarried,
                    done->tagged ? " as chapters" : "");
    }
    std::printf(".\n");
    if (done->before && done->after) {
        std::printf("Loudness: %s before, %s after (gain %+.1f dB",
                    describeLoudness(*done->before).c_str(), describeLoudness(*done->after).c_str(),
                    done->gainDb);
        if (done->limitedDb > 0.05) {
            std::printf(", limited by up to %.1f dB", done->limitedDb);
        }
        std::printf(").\n");
        if (done->targetMissed) {
            std::fprintf(stderr,
                         "Note: the loudness is %.1f LU from the target %.1f LUFS: the limiter "
                         "could not bring it closer without squashing the peaks further.\n",
                         done->after->integratedLufs.value_or(0) - *commandLine.loudnessLufs,
                         *commandLine.loudnessLufs);
        }
    }
    return 0;
}

} // namespace tapedeck::cli
