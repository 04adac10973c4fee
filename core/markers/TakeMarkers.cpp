#include "core/markers/TakeMarkers.h"

#include "core/markers/FlacMarkerComments.h"
#include "core/markers/OggMarkerComments.h"
#include "core/markers/WavMarkerChunks.h"

#include <cstring>
#include <fstream>

namespace tapedeck::take_markers {

bool canSave(FileFormat /*format*/) {
    return true;
}

Status save(const std::string& path, FileFormat format, const std::vector<Marker>& markers,
            int sampleRate) {
    switch (format) {
    case FileFormat::Wav16:
    case FileFormat::Wav24:
    case FileFormat::WavFloat:
        return wav_markers::append(path, markers);
    case FileFormat::Flac:
        // Even with no markers: the room kept for them becomes padding.
        return flac_markers::write(path, markers, sampleRate, true);
    case FileFormat::OggVorbis:
        return ogg_markers::write(path, markers, sampleRate);
    }
    return success();
}

namespace {
enum class Container { Wave, Flac, Ogg, Other };

Container containerOf(const std::string& path) {
    char magic[12] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(magic, sizeof magic);
    if (std::memcmp(magic + 8, "WAVE", 4) == 0) {
        return Container::Wave;
    }
    if (std::memcmp(magic, "OggS", 4) == 0) {
        return Container::Ogg;
    }
    return std::memcmp(magic, "fLaC", 4) == 0 ? Container::Flac : Container::Other;
}
} // namespace

Status replace(const std::string& path, const std::vector<Marker>& markers, int sampleRate) {
    switch (containerOf(path)) {
    case Container::Wave:
        return wav_markers::replace(path, markers);
    case Container::Flac:
        return flac_markers::write(path, markers, sampleRate, true);
    case Container::Ogg:
        return ogg_markers::write(path, markers, sampleRate);
    case Container::Other:
        break;
    }
    return Error{ErrorCode::UnsupportedFormat, "Markers can be saved in WAV, FLAC and Ogg Vorbis "
                                               "files only; " +
                                                   path + " is none of them."};
}

std::vector<Marker> load(const std::string& path) {
    const Container container = containerOf(path);
    if (container == Container::Wave) {
        auto markers = wav_markers::read(path);
        return markers ? *markers : std::vector<Marker>{};
    }
    if (container == Container::Flac) {
        auto markers = flac_markers::read(path);
        return markers ? *markers : std::vector<Marker>{};
    }
    if (container == Container::Ogg) {
        auto markers = ogg_markers::read(path);
        return markers ? *markers : std::vector<Marker>{};
    }
    return {};
}

} // namespace tapedeck::take_markers
