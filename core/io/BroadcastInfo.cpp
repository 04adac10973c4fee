#include "core/io/BroadcastInfo.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>

namespace tapedeck {

namespace {

template <std::size_t N> void copyField(char (&field)[N], const std::string& text) {
    std::memset(field, 0, N);
    std::memcpy(field, text.data(), std::min(N, text.size()));
}

template <std::size_t N> std::string fieldText(const char (&field)[N]) {
    return std::string(field, strnlen(field, N));
}

} // namespace

BroadcastInfo broadcastInfoFor(const std::string& deviceName,
                               std::chrono::system_clock::time_point firstSample, int sampleRate) {
    using namespace std::chrono;
    BroadcastInfo info;
    info.description = deviceName;
    info.originator = "Tapedeck";
    const auto sinceEpoch = duration_cast<microseconds>(firstSample.time_since_epoch());
    const std::time_t seconds =
        static_cast<std::time_t>(std::floor(static_cast<double>(sinceEpoch.count()) / 1e6));
    const double fraction = static_cast<double>(sinceEpoch.count()) / 1e6 - seconds;
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    info.originationDate = text;
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    info.originationTime = text;
    const double sinceMidnight =
        local.tm_hour * 3600.0 + local.tm_min * 60.0 + local.tm_sec + fraction;
    info.timeReference = static_cast<std::uint64_t>(std::llround(sinceMidnight * sampleRate));
    return info;
}

bool setBroadcastInfo(SNDFILE* file, const BroadcastInfo& info) {
    SF_BROADCAST_INFO bext{};
    copyField(bext.description, info.description);
    copyField(bext.originator, info.originator);
    copyField(bext.origination_date, info.originationDate);
    copyField(bext.origination_time, info.originationTime);
    bext.time_reference_low = static_cast<std::uint32_t>(info.timeReference & 0xffffffffULL);
    bext.time_reference_high = static_cast<std::uint32_t>(info.timeReference >> 32);
    bext.version = 1;
    return sf_command(file, SFC_SET_BROADCAST_INFO, &bext, sizeof bext) == SF_TRUE;
}

std::optional<BroadcastInfo> readBroadcastInfo(const std::string& path) {
    SF_INFO sfinfo{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &sfinfo);
    if (file == nullptr) {
        return std::nullopt;
    }
    SF_BROADCAST_INFO bext{};
    const bool found = sf_command(file, SFC_GET_BROADCAST_INFO, &bext, sizeof bext) == SF_TRUE;
    sf_close(file);
    if (!found) {
        return std::nullopt;
    }
    BroadcastInfo info;
    info.description = fieldText(bext.description);
    info.originator = fieldText(bext.originator);
    info.originationDate = fieldText(bext.origination_date);
    info.originationTime = fieldText(bext.origination_time);
    info.timeReference =
        (static_cast<std::uint64_t>(bext.time_reference_high) << 32) | bext.time_reference_low;
    return info;
}

} // namespace tapedeck
