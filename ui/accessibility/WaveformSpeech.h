#pragma once

#include "core/markers/Marker.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <vector>

namespace tapedeck {

// What the waveform shows, in the words a screen reader says: "Position 1:02.5 of 4:10.0;
// selection 0:10.0 to 0:20.0; 3 markers: Intro at 0:00.0, Verse at 0:30.0, Chorus at
// 1:00.0". Times as the status bar writes them. Pure text, no widget. GUI thread (tr()).
class WaveformSpeech {
    Q_DECLARE_TR_FUNCTIONS(WaveformSpeech)
public:
    // More markers than this are counted, not listed: a long list read aloud helps no one,
    // and the markers panel lists them all.
    static constexpr int kMaxMarkersSpoken = 20;

    struct Facts {
        int sampleRate = 0;
        std::int64_t totalFrames = 0;
        std::int64_t playhead = -1;       // -1: none shown (spoken as the start)
        std::int64_t selectionStart = -1; // -1: nothing selected
        std::int64_t selectionEnd = -1;
        std::vector<Marker> markers;
    };

    // Empty when there is nothing to describe (no audio, or no rate).
    static QString describe(const Facts& facts);
};

} // namespace tapedeck
