#include "app/cli/Commands.h"
#include "app/cli/StopSignal.h"
#include "app/cli/UserMessages.h"

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

} // namespace

int exportSpan(const CommandLine& commandLine) {
    ExportRequest request;
    request.sourcePath = commandLine.file;
    request.destinationPath = commandLine.exportTo;
    if (commandLine.formatGiven) {
        request.format = parseExportFormat(commandLine.format);
        if (!request.format) {
            return fail("--format takes wav, wav16, wav32f, flac or ogg, not \"" +
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
    const Result<ExportOutcome> done = tapedeck::exportSpan(request, progress, &cancel);
    if (!done) {
        if (cancel.load()) {
            return fail("Stopped: " + commandLine.exportTo + " was not written.");
        }
        return fail(done.error().message);
    }
    std::printf("Wrote %s (%lld frames, %s) from %s to %s",
                seconds(double(done->frames) / rate).c_str(), static_cast<long long>(done->frames),
                describeSoundFileFormat(done->sndfileFormat).c_str(), commandLine.file.c_str(),
                commandLine.exportTo.c_str());
    if (done->markersCarried > 0) {
        std::printf(", with %d marker(s)", done->markersCarried);
    }
    std::printf(".\n");
    return 0;
}

} // namespace tapedeck::cli
