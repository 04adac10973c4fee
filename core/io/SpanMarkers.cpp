#include "SpanMarkers.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace tapedeck {

namespace {

// libsndfile's SF_CUES with room for `count` points, laid out as SF_CUES_VAR(count).
struct CueBuffer {
    explicit CueBuffer(std::uint32_t count)
        : bytes(sizeof(std::uint32_t) + std::size_t{count} * sizeof(SF_CUE_POINT)) {
        std::memcpy(bytes.data(), &count, sizeof count);
    }
    std::uint32_t count() const {
        std::uint32_t n = 0;
        std::memcpy(&n, bytes.data(), sizeof n);
        return n;
    }
    SF_CUE_POINT point(std::uint32_t i) const {
        SF_CUE_POINT p{};
        std::memcpy(&p, bytes.data() + sizeof(std::uint32_t) + i * sizeof(SF_CUE_POINT), sizeof p);
        return p;
    }
    void setPoint(std::uint32_t i, const SF_CUE_POINT& p) {
        std::memcpy(bytes.data() + sizeof(std::uint32_t) + i * sizeof(SF_CUE_POINT), &p, sizeof p);
    }
    int size() const { return static_cast<int>(bytes.size()); }

    std::vector<char> bytes;
};

constexpr std::int32_t kDataChunkId = 0x61746164; // "data", little-endian

} // namespace

std::vector<SpanMarker> markersInSpan(const std::vector<SpanMarker>& markers, std::int64_t from,
                                      std::int64_t to) {
    std::vector<SpanMarker> inside;
    for (const SpanMarker& marker : markers) {
        if (marker.frame >= from && marker.frame < to) {
            inside.push_back({marker.frame - from, marker.label});
        }
    }
    std::sort(inside.begin(), inside.end(),
              [](const SpanMarker& a, const SpanMarker& b) { return a.frame < b.frame; });
    return inside;
}

std::vector<SpanMarker> CueChunkMarkers::read(SNDFILE* source) {
    std::uint32_t count = 0;
    if (sf_command(source, SFC_GET_CUE_COUNT, &count, sizeof count) != SF_TRUE || count == 0) {
        return {};
    }
    CueBuffer cues(count);
    if (sf_command(source, SFC_GET_CUE, cues.bytes.data(), cues.size()) != SF_TRUE) {
        return {};
    }
    std::vector<SpanMarker> markers;
    for (std::uint32_t i = 0; i < std::min(count, cues.count()); ++i) {
        const SF_CUE_POINT point = cues.point(i);
        markers.push_back({static_cast<std::int64_t>(point.sample_offset),
                           std::string(point.name, strnlen(point.name, sizeof point.name))});
    }
    return markers;
}

bool CueChunkMarkers::write(SNDFILE* destination, const std::vector<SpanMarker>& markers) {
    if (markers.empty()) {
        return true;
    }
    const auto count = static_cast<std::uint32_t>(
        std::min<std::size_t>(markers.size(), std::numeric_limits<std::int32_t>::max()));
    CueBuffer cues(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        SF_CUE_POINT point{};
        point.indx = static_cast<std::int32_t>(i + 1);
        // A cue chunk holds 32-bit frame numbers: markers past 2^32 frames cannot be kept.
        const auto frame = static_cast<std::uint32_t>(
            std::min<std::int64_t>(markers[i].frame, std::numeric_limits<std::uint32_t>::max()));
        point.position = frame;
        point.fcc_chunk = kDataChunkId;
        point.sample_offset = frame;
        std::strncpy(point.name, markers[i].label.c_str(), sizeof point.name - 1);
        cues.setPoint(i, point);
    }
    return sf_command(destination, SFC_SET_CUE, cues.bytes.data(), cues.size()) == SF_TRUE;
}

} // namespace tapedeck
