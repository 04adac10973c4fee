#include "core/io/SoundFileFormatName.h"

#include <sndfile.h>

namespace tapedeck {

namespace {

// libsndfile's own name for a container, without its note in brackets:
// "AIFF (Apple/SGI)" → "AIFF".
std::string containerName(int major) {
    switch (major) {
    case SF_FORMAT_WAV:
    case SF_FORMAT_WAVEX:
        return "WAV";
    case SF_FORMAT_RF64:
        return "RF64";
    case SF_FORMAT_W64:
        return "Wave64";
    case SF_FORMAT_FLAC:
        return "FLAC";
    case SF_FORMAT_OGG:
        return "Ogg";
    case SF_FORMAT_AIFF:
        return "AIFF";
    case SF_FORMAT_CAF:
        return "CAF";
    default:
        break;
    }
    SF_FORMAT_INFO info{};
    info.format = major;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof(info)) != 0 ||
        info.name == nullptr) {
        return "Unknown";
    }
    const std::string name = info.name;
    const auto bracket = name.find(" (");
    return bracket == std::string::npos ? name : name.substr(0, bracket);
}

// "24-bit", "32-bit float", "Vorbis"; empty when libsndfile has no name for it either.
std::string encodingName(int subtype) {
    switch (subtype) {
    case SF_FORMAT_PCM_S8:
    case SF_FORMAT_PCM_U8:
        return "8-bit";
    case SF_FORMAT_PCM_16:
        return "16-bit";
    case SF_FORMAT_PCM_24:
        return "24-bit";
    case SF_FORMAT_PCM_32:
        return "32-bit";
    case SF_FORMAT_FLOAT:
        return "32-bit float";
    case SF_FORMAT_DOUBLE:
        return "64-bit float";
    case SF_FORMAT_VORBIS:
        return "Vorbis";
    case SF_FORMAT_OPUS:
        return "Opus";
    case SF_FORMAT_ULAW:
        return "µ-law";
    case SF_FORMAT_ALAW:
        return "A-law";
    default:
        break;
    }
    SF_FORMAT_INFO info{};
    info.format = subtype;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof(info)) != 0 ||
        info.name == nullptr) {
        return {};
    }
    return info.name;
}

} // namespace

std::string describeSoundFileFormat(int sndfileFormat) {
    const std::string container = containerName(sndfileFormat & SF_FORMAT_TYPEMASK);
    const std::string encoding = encodingName(sndfileFormat & SF_FORMAT_SUBMASK);
    return encoding.empty() ? container : container + " " + encoding;
}

} // namespace tapedeck
