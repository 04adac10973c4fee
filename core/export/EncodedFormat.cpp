#include "core/export/EncodedFormat.h"

#include <algorithm>
#include <array>

namespace tapedeck::encoded_format {

namespace {

constexpr int kMaxOpusChannels = 8;
constexpr int kMaxOtherChannels = 1024;
constexpr std::array<int, 9> kMpegRates = {8000,  11025, 12000, 16000, 22050,
                                           24000, 32000, 44100, 48000};

} // namespace

bool isLossy(ExportFormat format) {
    return format == ExportFormat::Mp3 || format == ExportFormat::Opus ||
           format == ExportFormat::Ogg;
}

int maxChannels(ExportFormat format) {
    switch (format) {
    case ExportFormat::Mp3:
        return 2;
    case ExportFormat::Opus:
        return kMaxOpusChannels;
    case ExportFormat::Flac:
        return 8; // FLAC's own limit
    default:
        return kMaxOtherChannels;
    }
}

int encodedRate(ExportFormat format, int sourceRate) {
    if (format == ExportFormat::Opus) {
        return 48000;
    }
    if (format != ExportFormat::Mp3) {
        return sourceRate;
    }
    if (sourceRate > 48000) {
        return sourceRate % 11025 == 0 ? 44100 : 48000;
    }
    for (const int rate : kMpegRates) {
        if (rate >= sourceRate) {
            return rate;
        }
    }
    return 48000;
}

std::string formatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Mp3:
        return "MP3";
    case ExportFormat::Opus:
        return "Opus";
    case ExportFormat::Ogg:
        return "Ogg Vorbis";
    case ExportFormat::Flac:
        return "FLAC";
    default:
        return "WAV";
    }
}

std::string channelRefusal(ExportFormat format, int channels) {
    const int most = maxChannels(format);
    std::string text = formatName(format) + " holds " +
                       (most == 2 ? std::string("mono or stereo only")
                                  : "at most " + std::to_string(most) + " channels") +
                       ", and this take has " + std::to_string(channels) +
                       " channels. Fold them to mono (--channels 1, or Channels: Mono in the "
                       "Export dialog: all channels mixed)";
    if (most >= 2) {
        text += " or to stereo (--channels 2, or Channels: Stereo: odd channels to the left, "
                "even to the right)";
    }
    return text + ", or export to WAV, which keeps them all.";
}

std::string checkSettings(ExportFormat format, const EncoderSettings& settings) {
    if (settings.vbrQuality && format != ExportFormat::Mp3) {
        return "Variable quality (--quality) is for MP3 only.";
    }
    if (settings.vbrQuality && settings.bitrateKbps) {
        return "Choose a constant bitrate (--bitrate) or a variable quality (--quality), not "
               "both.";
    }
    if (settings.vbrQuality && (*settings.vbrQuality < 0 || *settings.vbrQuality > 9)) {
        return "The MP3 quality goes from 0 (best) to 9 (smallest file).";
    }
    if (settings.bitrateKbps && format == ExportFormat::Mp3 &&
        (*settings.bitrateKbps < kMinMp3Kbps || *settings.bitrateKbps > kMaxMp3Kbps)) {
        return "The MP3 bitrate goes from 64 to 320 kbit/s (192 is a good choice).";
    }
    if (settings.bitrateKbps && format == ExportFormat::Opus &&
        (*settings.bitrateKbps < 6 || *settings.bitrateKbps > 256)) {
        return "The Opus bitrate goes from 6 to 256 kbit/s per channel (64 is a good choice).";
    }
    if (settings.bitrateKbps && format != ExportFormat::Mp3 && format != ExportFormat::Opus) {
        return "A bitrate (--bitrate) is for MP3 and Opus only.";
    }
    return {};
}

bool applySettings(SNDFILE* file, ExportFormat format, const EncoderSettings& settings, int rate) {
    if (format == ExportFormat::Mp3) {
        // libsndfile maps a compression level from 0 to 1 onto LAME's bitrates (32 to 320
        // kbit/s from 32 kHz up, 8 to 160 below, 8 to 64 under 16 kHz) or its VBR quality.
        int mode = settings.vbrQuality ? SF_BITRATE_MODE_VARIABLE : SF_BITRATE_MODE_CONSTANT;
        // Setting the mode re-applies a level not yet set, which fails: the level follows.
        sf_command(file, SFC_SET_BITRATE_MODE, &mode, sizeof mode);
        double level = 0.0;
        if (settings.vbrQuality) {
            level = *settings.vbrQuality / 10.0;
        } else {
            const double top = rate >= 32000 ? 320.0 : rate >= 16000 ? 160.0 : 64.0;
            const double bottom = rate >= 32000 ? 32.0 : 8.0;
            const double kbps =
                std::min(top, static_cast<double>(settings.bitrateKbps.value_or(kDefaultMp3Kbps)));
            // Half a kbit/s over, because libsndfile truncates the bitrate it computes.
            level = std::clamp((top - kbps - 0.5) / (top - bottom), 0.0, 1.0);
        }
        return sf_command(file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level) == SF_TRUE;
    }
    if (format == ExportFormat::Opus) {
        // libsndfile: bitrate = ((1 - level) × 250000 + 6000) × channels.
        const double perChannel =
            1000.0 * settings.bitrateKbps.value_or(kDefaultOpusKbpsPerChannel);
        double level = std::clamp(1.0 - (perChannel - 6000.0) / 250000.0, 0.0, 1.0);
        return sf_command(file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level) == SF_TRUE;
    }
    return true;
}

} // namespace tapedeck::encoded_format
