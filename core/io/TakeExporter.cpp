#include "core/io/TakeExporter.h"

#include "core/io/DropoutSidecarSpan.h"
#include "core/io/SpanMarkers.h"

#include <sndfile.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <vector>

namespace tapedeck {

namespace {

constexpr sf_count_t kChunkFrames = 65536;
// Above this much sound a plain WAV's 32-bit sizes overflow: write RF64, which libsndfile
// turns back into a plain WAV if the file ends up small enough.
constexpr double kWavLimitBytes = 4.0e9;

struct SndfileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

std::string lowerExtension(std::string_view path) {
    const std::string name = std::filesystem::path(std::string(path)).extension().string();
    std::string lower;
    for (char c : name) {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

std::string folderOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

bool isIntegerPcm(int subtype) {
    return subtype == SF_FORMAT_PCM_S8 || subtype == SF_FORMAT_PCM_U8 ||
           subtype == SF_FORMAT_PCM_16 || subtype == SF_FORMAT_PCM_24 ||
           subtype == SF_FORMAT_PCM_32;
}

bool isWavFamily(int major) {
    return major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX || major == SF_FORMAT_RF64;
}

Error createFailure(int errnoValue, const std::string& path) {
    switch (errnoValue) {
    case EEXIST:
        return {ErrorCode::FileExists,
                path + " already exists. Tapedeck never writes over a file; choose another name."};
    case ENOENT:
        return {ErrorCode::Unwritable,
                "The folder " + folderOf(path) + " does not exist. Create it or choose another."};
    case EACCES:
    case EPERM:
    case EROFS:
        return {ErrorCode::Unwritable, "You do not have permission to write in " + folderOf(path) +
                                           ". Choose another folder."};
    default:
        return {ErrorCode::WriteFailed,
                "Cannot create " + path + ": " + std::strerror(errnoValue) + "."};
    }
}

// Copies frames in chunks through one sample type. Integer samples go through int (exact for
// every integer PCM width); anything with a float on either side through double.
template <typename Sample>
Result<std::int64_t> copyFrames(SNDFILE* source, SNDFILE* destination, int channels,
                                std::int64_t frames, const ExportProgress& progress,
                                const std::atomic<bool>* cancel, const std::string& path) {
    std::vector<Sample> buffer(static_cast<std::size_t>(kChunkFrames) * channels);
    std::int64_t done = 0;
    const bool untilEnd = frames < 0;
    while (untilEnd || done < frames) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            return Error{ErrorCode::InvalidArgument, "The export was cancelled."};
        }
        const sf_count_t want =
            untilEnd ? kChunkFrames : std::min<sf_count_t>(kChunkFrames, frames - done);
        sf_count_t got = 0;
        if constexpr (std::is_same_v<Sample, int>) {
            got = sf_readf_int(source, buffer.data(), want);
        } else {
            got = sf_readf_double(source, buffer.data(), want);
        }
        if (got <= 0) {
            break;
        }
        sf_count_t written = 0;
        if constexpr (std::is_same_v<Sample, int>) {
            written = sf_writef_int(destination, buffer.data(), got);
        } else {
            written = sf_writef_double(destination, buffer.data(), got);
        }
        if (written != got) {
            return Error{ErrorCode::WriteFailed, "Writing " + path + " failed (" +
                                                     sf_strerror(destination) +
                                                     "). Is the disk full?"};
        }
        done += got;
        if (progress) {
            progress(done, untilEnd ? 0 : frames);
        }
    }
    return done;
}

} // namespace

std::optional<ExportFormat> parseExportFormat(std::string_view text) {
    if (text == "wav") {
        return ExportFormat::Wav;
    }
    if (text == "wav16") {
        return ExportFormat::Wav16;
    }
    if (text == "wav24") {
        return ExportFormat::Wav24;
    }
    if (text == "wav32f") {
        return ExportFormat::Wav32f;
    }
    if (text == "flac") {
        return ExportFormat::Flac;
    }
    if (text == "ogg") {
        return ExportFormat::Ogg;
    }
    if (text == "mp3") {
        return ExportFormat::Mp3;
    }
    if (text == "opus") {
        return ExportFormat::Opus;
    }
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatForPath(std::string_view path) {
    const std::string extension = lowerExtension(path);
    if (extension == ".wav") {
        return ExportFormat::Wav;
    }
    if (extension == ".flac") {
        return ExportFormat::Flac;
    }
    if (extension == ".ogg" || extension == ".oga") {
        return ExportFormat::Ogg;
    }
    if (extension == ".mp3") {
        return ExportFormat::Mp3;
    }
    if (extension == ".opus") {
        return ExportFormat::Opus;
    }
    return std::nullopt;
}

int exportSndfileFormat(ExportFormat format, int sourceSndfileFormat) {
    const int sourceMajor = sourceSndfileFormat & SF_FORMAT_TYPEMASK;
    const int sourceSubtype = sourceSndfileFormat & SF_FORMAT_SUBMASK;
    // WAVEX stays WAVEX (its channel mask), everything else becomes a plain WAV.
    const int wavMajor = sourceMajor == SF_FORMAT_WAVEX ? SF_FORMAT_WAVEX : SF_FORMAT_WAV;
    switch (format) {
    case ExportFormat::Wav: {
        const bool wavHoldsIt = isIntegerPcm(sourceSubtype) || sourceSubtype == SF_FORMAT_FLOAT ||
                                sourceSubtype == SF_FORMAT_DOUBLE ||
                                sourceSubtype == SF_FORMAT_ULAW || sourceSubtype == SF_FORMAT_ALAW;
        if (!wavHoldsIt) {
            return wavMajor | SF_FORMAT_PCM_24;
        }
        // WAV stores 8-bit samples unsigned.
        return wavMajor | (sourceSubtype == SF_FORMAT_PCM_S8 ? SF_FORMAT_PCM_U8 : sourceSubtype);
    }
    case ExportFormat::Wav16:
        return wavMajor | SF_FORMAT_PCM_16;
    case ExportFormat::Wav24:
        return wavMajor | SF_FORMAT_PCM_24;
    case ExportFormat::Wav32f:
        return wavMajor | SF_FORMAT_FLOAT;
    case ExportFormat::Flac:
        if (sourceSubtype == SF_FORMAT_PCM_16 || sourceSubtype == SF_FORMAT_PCM_24 ||
            sourceSubtype == SF_FORMAT_PCM_S8) {
            return SF_FORMAT_FLAC | sourceSubtype;
        }
        if (sourceSubtype == SF_FORMAT_PCM_U8) {
            return SF_FORMAT_FLAC | SF_FORMAT_PCM_S8;
        }
        return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
    case ExportFormat::Ogg:
        return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case ExportFormat::Mp3:
        return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    case ExportFormat::Opus:
        return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    }
    return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
}

Result<ExportOutcome> exportSpan(const ExportRequest& request, const ExportProgress& progress,
                                 const std::atomic<bool>* cancel) {
    const std::string& in = request.sourcePath;
    const std::string& out = request.destinationPath;
    struct stat st {};
    if (::stat(in.c_str(), &st) != 0) {
        return Error{ErrorCode::FileNotFound, "The file " + in + " does not exist."};
    }
    std::error_code same;
    if (std::filesystem::exists(out, same) && std::filesystem::equivalent(in, out, same)) {
        return Error{ErrorCode::FileExists, "Tapedeck cannot export " + in + " onto itself."};
    }
    SF_INFO sourceInfo{};
    SndfilePtr source(sf_open(in.c_str(), SFM_READ, &sourceInfo));
    if (!source) {
        std::string reason = sf_strerror(nullptr);
        while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) {
            reason.pop_back();
        }
        return Error{ErrorCode::FileUnreadable,
                     "The file " + in + " is not audio that Tapedeck can read (" + reason + ")."};
    }
    const bool lengthKnown = sourceInfo.frames >= 0 && sourceInfo.frames != SF_COUNT_MAX;
    const std::int64_t from = request.fromFrame;
    std::int64_t to = request.toFrame;
    if (from < 0 || (to >= 0 && to < from) ||
        (lengthKnown && (from > sourceInfo.frames || to > sourceInfo.frames))) {
        return Error{ErrorCode::InvalidArgument,
                     "The span asked for (frames " + std::to_string(from) + " to " +
                         (to < 0 ? std::string("the end") : std::to_string(to)) +
                         ") is not inside " + in + ", which has " +
                         std::to_string(sourceInfo.frames) + " frames."};
    }
    if (to < 0 && lengthKnown) {
        to = sourceInfo.frames;
    }
    if (to >= 0 && to == from) {
        return Error{ErrorCode::FileEmpty, "The span to export is empty: nothing to write."};
    }

    const std::optional<ExportFormat> format =
        request.format ? request.format : exportFormatForPath(out);
    if (!format) {
        return Error{ErrorCode::UnsupportedFormat,
                     "Tapedeck cannot tell the format from the name " + out +
                         ". End it in .wav, .flac, .ogg, .mp3 or .opus, or choose a format."};
    }
    if (*format == ExportFormat::Mp3 || *format == ExportFormat::Opus) {
        return Error{ErrorCode::UnsupportedFormat,
                     "MP3 and Opus are encoded through exportTake (core/export), not copied."};
    }
    SF_INFO destinationInfo{};
    destinationInfo.samplerate = sourceInfo.samplerate;
    destinationInfo.channels = sourceInfo.channels;
    destinationInfo.format = exportSndfileFormat(*format, sourceInfo.format);
    const int destinationSubtype = destinationInfo.format & SF_FORMAT_SUBMASK;
    if (isWavFamily(destinationInfo.format & SF_FORMAT_TYPEMASK) && to >= 0) {
        const int bytesPerSample = std::max(1, (destinationSubtype == SF_FORMAT_PCM_24)   ? 3
                                               : (destinationSubtype == SF_FORMAT_PCM_16) ? 2
                                               : (destinationSubtype == SF_FORMAT_DOUBLE) ? 8
                                               : (destinationSubtype == SF_FORMAT_PCM_U8 ||
                                                  destinationSubtype == SF_FORMAT_ULAW ||
                                                  destinationSubtype == SF_FORMAT_ALAW)
                                                   ? 1
                                                   : 4);
        if (static_cast<double>(to - from) * sourceInfo.channels * bytesPerSample >
            kWavLimitBytes) {
            destinationInfo.format = SF_FORMAT_RF64 | destinationSubtype;
        }
    }
    if (!sf_format_check(&destinationInfo)) {
        return Error{ErrorCode::UnsupportedFormat,
                     "That format cannot hold " + std::to_string(sourceInfo.channels) +
                         " channels at " + std::to_string(sourceInfo.samplerate) +
                         " Hz. Choose WAV."};
    }

    // O_EXCL: an existing file, even one that appeared a moment ago, is never written over.
    const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        return createFailure(errno, out);
    }
    SndfilePtr destination(sf_open_fd(fd, SFM_WRITE, &destinationInfo, SF_TRUE));
    const auto discard = [&destination, &out](Error error) {
        destination.reset();
        ::unlink(out.c_str());
        return error;
    };
    if (!destination) {
        const std::string reason = sf_strerror(nullptr);
        ::close(fd);
        ::unlink(out.c_str());
        return Error{ErrorCode::UnsupportedFormat, "Cannot write " + out + ": " + reason};
    }
    ExportOutcome outcome;
    outcome.sndfileFormat = destinationInfo.format;
    if ((destinationInfo.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_RF64) {
        sf_command(destination.get(), SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
    }
    sf_command(destination.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);

    // Metadata goes in before the first sample: libsndfile writes it into the header.
    SF_BROADCAST_INFO bext{};
    if (sf_command(source.get(), SFC_GET_BROADCAST_INFO, &bext, sizeof bext) == SF_TRUE &&
        isWavFamily(destinationInfo.format & SF_FORMAT_TYPEMASK)) {
        const std::uint64_t reference =
            (static_cast<std::uint64_t>(bext.time_reference_high) << 32 | bext.time_reference_low) +
            static_cast<std::uint64_t>(from);
        bext.time_reference_low = static_cast<std::uint32_t>(reference & 0xFFFFFFFFu);
        bext.time_reference_high = static_cast<std::uint32_t>(reference >> 32);
        outcome.bextCarried =
            sf_command(destination.get(), SFC_SET_BROADCAST_INFO, &bext, sizeof bext) == SF_TRUE;
    }
    // FLAC and Ogg keep markers in comments, which go in before the first sample too: room
    // for them now, the markers themselves once the sound is written and the file closed.
    const std::vector<Marker> carried = markersInSpan(
        readSpanMarkers(in), from, to >= 0 ? to : std::numeric_limits<std::int64_t>::max());
    reserveSpanMarkerRoom(destination.get(), destinationInfo.format, carried,
                          sourceInfo.samplerate);

    if (from > 0 && sf_seek(source.get(), from, SEEK_SET) != from) {
        return discard(Error{ErrorCode::FileUnreadable, "Tapedeck cannot move to frame " +
                                                            std::to_string(from) + " of " + in +
                                                            ": the file may be damaged."});
    }
    const std::int64_t wanted = to >= 0 ? to - from : -1;
    const int sourceSubtype = sourceInfo.format & SF_FORMAT_SUBMASK;
    Result<std::int64_t> copied =
        isIntegerPcm(sourceSubtype) && isIntegerPcm(destinationSubtype)
            ? copyFrames<int>(source.get(), destination.get(), sourceInfo.channels, wanted,
                              progress, cancel, out)
            : copyFrames<double>(source.get(), destination.get(), sourceInfo.channels, wanted,
                                 progress, cancel, out);
    if (!copied) {
        return discard(copied.error());
    }
    if (wanted >= 0 && *copied != wanted) {
        return discard(Error{ErrorCode::FileUnreadable,
                             in + " ended after " + std::to_string(from + *copied) +
                                 " frames, before the span did: the file may be damaged."});
    }
    if (*copied == 0) {
        return discard(
            Error{ErrorCode::FileEmpty, "The span to export is empty: nothing to write."});
    }
    outcome.frames = *copied;
    sf_write_sync(destination.get());
    if (sf_error(destination.get()) != SF_ERR_NO_ERROR) {
        return discard(Error{ErrorCode::WriteFailed, "Writing " + out + " failed (" +
                                                         sf_strerror(destination.get()) +
                                                         "). Is the disk full?"});
    }
    destination.reset(); // closes: the header gets its final sizes
    if (Status written =
            writeSpanMarkers(out, destinationInfo.format, carried, sourceInfo.samplerate);
        !written) {
        ::unlink(out.c_str());
        return written.error();
    }
    outcome.markersCarried = static_cast<int>(carried.size());
    outcome.dropoutsCarried =
        carryDropoutSidecar(in, out, from, from + outcome.frames, sourceInfo.samplerate);
    return outcome;
}

} // namespace tapedeck
