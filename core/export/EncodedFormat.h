#pragma once

#include "core/io/TakeExporter.h"

#include <sndfile.h>

#include <optional>
#include <string>

namespace tapedeck {

// How MP3 and Opus are encoded. Nothing set: MP3 at 192 kbit/s constant, Opus at 64 kbit/s
// per channel.
struct EncoderSettings {
    std::optional<int> bitrateKbps; // MP3: 64 to 320, constant; Opus: 6 to 256 per channel
    std::optional<int> vbrQuality;  // MP3 only: variable bitrate, 0 (best) to 9 (smallest)
};

inline constexpr int kDefaultMp3Kbps = 192;
inline constexpr int kDefaultOpusKbpsPerChannel = 64;
inline constexpr int kMinMp3Kbps = 64;
inline constexpr int kMaxMp3Kbps = 320;

// What each export format can hold, and how a take is fitted into it. Any thread.
namespace encoded_format {

// MP3, Opus and Ogg Vorbis: their encoders move peaks, so a loudness target is checked on
// the decoded file.
bool isLossy(ExportFormat format);
// The most channels the format holds: 2 for MP3, 8 for Opus (its surround mapping), and
// libsndfile's own limit (1024) for the rest.
int maxChannels(ExportFormat format);
// The rate the file is written at for a source at `sourceRate`: Opus always 48000; MP3 the
// source's rate when it is an MPEG rate, else the nearest MPEG rate at or above it (88.2 kHz
// and 96 kHz come down to 44.1 and 48 kHz); other formats keep the source's.
int encodedRate(ExportFormat format, int sourceRate);
// "MP3", "Opus", "WAV"… for messages.
std::string formatName(ExportFormat format);
// The message that refuses `channels` channels for `format`, saying how to fold them.
std::string channelRefusal(ExportFormat format, int channels);
// Checks the settings against the format; a message for people, or "".
std::string checkSettings(ExportFormat format, const EncoderSettings& settings);

// Sets the encoder of a file just opened for writing, before its first sample. Returns false
// when libsndfile refuses. The exporter's thread.
bool applySettings(SNDFILE* file, ExportFormat format, const EncoderSettings& settings, int rate);

} // namespace encoded_format
} // namespace tapedeck
