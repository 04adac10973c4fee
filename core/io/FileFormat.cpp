#include "core/io/FileFormat.h"

#include <sndfile.h>

namespace tapedeck {

std::optional<FileFormat> parseFileFormat(std::string_view text) {
    if (text == "wav" || text == "wav24") {
        return FileFormat::Wav24;
    }
    if (text == "wav16") {
        return FileFormat::Wav16;
    }
    if (text == "wav32f" || text == "wavf") {
        return FileFormat::WavFloat;
    }
    if (text == "flac") {
        return FileFormat::Flac;
    }
    if (text == "ogg" || text == "vorbis") {
        return FileFormat::OggVorbis;
    }
    return std::nullopt;
}

int sndfileFormat(FileFormat format) {
    // WAV is written as RF64 with automatic downgrade: a plain WAV header while the take is
    // under 4 GiB, RF64 past it, so a long take never fails at the 4 GiB RIFF limit.
    switch (format) {
    case FileFormat::Wav16:
        return SF_FORMAT_RF64 | SF_FORMAT_PCM_16;
    case FileFormat::Wav24:
        return SF_FORMAT_RF64 | SF_FORMAT_PCM_24;
    case FileFormat::WavFloat:
        return SF_FORMAT_RF64 | SF_FORMAT_FLOAT;
    case FileFormat::Flac:
        return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
    case FileFormat::OggVorbis:
        return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    }
    return 0;
}

std::string fileExtension(FileFormat format) {
    switch (format) {
    case FileFormat::Flac:
        return ".flac";
    case FileFormat::OggVorbis:
        return ".ogg";
    default:
        return ".wav";
    }
}

std::string describeFileFormat(FileFormat format) {
    switch (format) {
    case FileFormat::Wav16:
        return "WAV 16-bit";
    case FileFormat::Wav24:
        return "WAV 24-bit";
    case FileFormat::WavFloat:
        return "WAV 32-bit float";
    case FileFormat::Flac:
        return "FLAC 24-bit";
    case FileFormat::OggVorbis:
        return "Ogg Vorbis";
    }
    return "?";
}

double bytesPerSecond(FileFormat format, int sampleRate, int channels) {
    const double perSample = [format] {
        switch (format) {
        case FileFormat::Wav16:
            return 2.0;
        case FileFormat::Wav24:
            return 3.0;
        case FileFormat::WavFloat:
            return 4.0;
        case FileFormat::Flac:
            return 3.0; // worst case: incompressible noise
        case FileFormat::OggVorbis:
            return 0.5; // about 192 kbit/s for 48 kHz stereo at the default quality
        }
        return 4.0;
    }();
    return perSample * sampleRate * channels;
}

} // namespace tapedeck
