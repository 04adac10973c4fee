#include "core/io/SpanMarkers.h"

#include "core/markers/FlacMarkerComments.h"
#include "core/markers/OggMarkerComments.h"
#include "core/markers/TakeMarkers.h"
#include "core/markers/WavMarkerChunks.h"

#include <algorithm>

namespace tapedeck {

namespace {

bool isWavFamily(int major) {
    return major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX || major == SF_FORMAT_RF64;
}

} // namespace

std::vector<Marker> markersInSpan(const std::vector<Marker>& markers, std::int64_t from,
                                  std::int64_t to) {
    std::vector<Marker> inside;
    for (const Marker& marker : markers) {
        if (marker.frame >= from && marker.frame < to) {
            inside.push_back({marker.frame - from, marker.name});
        }
    }
    std::stable_sort(inside.begin(), inside.end(),
                     [](const Marker& a, const Marker& b) { return a.frame < b.frame; });
    return inside;
}

std::vector<Marker> readSpanMarkers(const std::string& path) {
    return take_markers::load(path);
}

void reserveSpanMarkerRoom(SNDFILE* destination, int sndfileFormat,
                           const std::vector<Marker>& markers, int sampleRate) {
    const int major = sndfileFormat & SF_FORMAT_TYPEMASK;
    if (markers.empty() || (major != SF_FORMAT_FLAC && major != SF_FORMAT_OGG)) {
        return;
    }
    sf_set_string(destination, SF_STR_COMMENT,
                  flac_markers::reservedSpaceFor(markers, sampleRate).c_str());
}

Status writeSpanMarkers(const std::string& path, int sndfileFormat,
                        const std::vector<Marker>& markers, int sampleRate) {
    if (markers.empty()) {
        return success();
    }
    const int major = sndfileFormat & SF_FORMAT_TYPEMASK;
    if (isWavFamily(major)) {
        // libsndfile may have written a plain WAV where RF64 was asked for; the chunk writer
        // reads which one the file is.
        return wav_markers::append(path, markers);
    }
    if (major == SF_FORMAT_FLAC) {
        return flac_markers::write(path, markers, sampleRate);
    }
    if (major == SF_FORMAT_OGG) {
        return ogg_markers::write(path, markers, sampleRate);
    }
    return Error{ErrorCode::UnsupportedFormat,
                 "Markers can be kept in WAV, FLAC and Ogg Vorbis files only."};
}

} // namespace tapedeck
