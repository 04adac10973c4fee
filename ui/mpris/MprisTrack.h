#pragma once

#include <QDBusObjectPath>
#include <QString>
#include <QVariantMap>

#include <cstdint>

namespace tapedeck {

// What the desktop's media widget shows: the open file, or the take being recorded. Each file
// or take opened gets a new number, so a widget can tell a new track from the same one
// renamed. Any thread (a value).
struct MprisTrack {
    // No track: nothing open and nothing recording (Metadata is then empty).
    static constexpr int kNoTrack = 0;

    int number = kNoTrack;
    QString path;
    bool recording = false;
    std::int64_t frames = 0; // the file's length; unknown (0) while recording
    int sampleRate = 0;

    bool operator==(const MprisTrack&) const = default;

    bool isTrack() const { return number != kNoTrack && !path.isEmpty(); }
    // "/io/github/tapedeck/Tapedeck/track/3" (MPRIS reserves /org/mpris for itself).
    QDBusObjectPath trackId() const;
    // mpris:trackid, xesam:url, xesam:title ("Recording: name" during a take) and, when the
    // length is known, mpris:length in microseconds. Empty when there is no track.
    QVariantMap metadata() const;
    // Length in microseconds, or 0 when unknown.
    qint64 lengthUs() const { return toMicroseconds(frames, sampleRate); }

    // Frames at `sampleRate` to microseconds and back (rounded to the nearest); 0 without a
    // rate.
    static qint64 toMicroseconds(std::int64_t frames, int sampleRate);
    static std::int64_t toFrames(qint64 microseconds, int sampleRate);
};

} // namespace tapedeck
