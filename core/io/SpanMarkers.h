#pragma once

#include <sndfile.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// A marker in a take: a frame and an optional label.
struct SpanMarker {
    std::int64_t frame = 0;
    std::string label;

    bool operator==(const SpanMarker&) const = default;
};

// The markers of `markers` that fall inside [from, to), moved so that `from` is frame 0.
// Pure; any thread.
std::vector<SpanMarker> markersInSpan(const std::vector<SpanMarker>& markers, std::int64_t from,
                                      std::int64_t to);

// How an exporter reads a take's markers and writes them into the new file. Kept behind this
// interface so the way markers are stored (a cue chunk today, labels in an adtl list or a
// sidecar later) can change without touching the exporter. Called on the exporter's thread.
class SpanMarkerStore {
public:
    virtual ~SpanMarkerStore() = default;
    // The markers of an open source file, in file frames (any order).
    virtual std::vector<SpanMarker> read(SNDFILE* source) = 0;
    // Writes markers into a destination opened for writing, before any sample is written.
    // False when the destination's format cannot hold them.
    virtual bool write(SNDFILE* destination, const std::vector<SpanMarker>& markers) = 0;
};

// Markers as a WAV cue chunk, through libsndfile's SFC_GET_CUE / SFC_SET_CUE. Positions
// only in practice: the cue point's name is passed through, but libsndfile neither reads
// nor writes a WAV's labels (its adtl list), so a store that handles labels replaces this.
class CueChunkMarkers : public SpanMarkerStore {
public:
    std::vector<SpanMarker> read(SNDFILE* source) override;
    bool write(SNDFILE* destination, const std::vector<SpanMarker>& markers) override;
};

} // namespace tapedeck
