#include "app/cli/Commands.h"

#include "app/cli/JsonOutput.h"
#include "core/call/CallSources.h"
#include "core/io/BroadcastInfo.h"
#include "core/markers/TakeMarkers.h"
#include "core/summary/AudioFileInfo.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace tapedeck::cli {

namespace {

// JSON has no -infinity: digital silence is reported as null.
nlohmann::json decibels(double db) {
    return std::isfinite(db) ? nlohmann::json(db) : nlohmann::json(nullptr);
}

std::string formatDb(double db) {
    if (!std::isfinite(db)) {
        return "silent";
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f dBFS", db);
    return buffer;
}

// What a file says about its recording besides the audio: the bext chunk and the markers.
struct TakeDetails {
    std::optional<BroadcastInfo> broadcast;
    std::vector<Marker> markers;
    // A two-input take: which input each channel came from (empty otherwise).
    std::vector<std::string> channelSources;
};

void printInfoJson(const AudioFileInfo& info, const TakeDetails& details) {
    nlohmann::ordered_json o;
    o["path"] = info.path;
    o["format"] = info.formatName;
    o["encoding"] = info.encodingName;
    o["sampleRate"] = info.sampleRate;
    o["channels"] = info.channels;
    o["frames"] = info.frames;
    o["durationSeconds"] = info.durationSeconds;
    nlohmann::ordered_json perChannel = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < info.channelInfo.size(); ++i) {
        const ChannelInfo& c = info.channelInfo[i];
        nlohmann::ordered_json ch;
        if (i < details.channelSources.size()) {
            ch["source"] = details.channelSources[i];
        }
        ch["peakDbfs"] = decibels(c.peakDbfs);
        ch["rmsDbfs"] = decibels(c.rmsDbfs);
        ch["clippedSamples"] = c.clippedSamples;
        perChannel.push_back(ch);
    }
    o["perChannel"] = perChannel;
    if (details.broadcast) {
        const BroadcastInfo& b = *details.broadcast;
        nlohmann::ordered_json bext;
        bext["description"] = b.description;
        bext["originator"] = b.originator;
        bext["originationDate"] = b.originationDate;
        bext["originationTime"] = b.originationTime;
        bext["timeReference"] = b.timeReference;
        o["bext"] = bext;
    } else {
        o["bext"] = nullptr;
    }
    nlohmann::ordered_json markers = nlohmann::ordered_json::array();
    for (const Marker& m : details.markers) {
        nlohmann::ordered_json marker;
        marker["frame"] = m.frame;
        marker["seconds"] =
            info.sampleRate > 0 ? static_cast<double>(m.frame) / info.sampleRate : 0.0;
        marker["name"] = m.name;
        markers.push_back(marker);
    }
    o["markers"] = markers;
    printJson(o);
}

void printText(const AudioFileInfo& info, const TakeDetails& details) {
    const auto totalSeconds = info.durationSeconds;
    const int hours = static_cast<int>(totalSeconds / 3600);
    const int minutes = static_cast<int>(totalSeconds / 60) % 60;
    const double seconds = totalSeconds - hours * 3600 - minutes * 60;
    std::printf("File:        %s\n", info.path.c_str());
    std::printf("Format:      %s, %s\n", info.formatName.c_str(), info.encodingName.c_str());
    std::printf("Sample rate: %d Hz\n", info.sampleRate);
    std::printf("Channels:    %d\n", info.channels);
    std::printf("Duration:    %d:%02d:%06.3f (%lld frames)\n", hours, minutes, seconds,
                static_cast<long long>(info.frames));
    for (std::size_t i = 0; i < info.channelInfo.size(); ++i) {
        const ChannelInfo& c = info.channelInfo[i];
        const std::string from = i < details.channelSources.size()
                                     ? "from " + details.channelSources[i] + ", "
                                     : std::string();
        std::printf("Channel %zu:   %speak %s, RMS %s, %lld clipped samples\n", i + 1, from.c_str(),
                    formatDb(c.peakDbfs).c_str(), formatDb(c.rmsDbfs).c_str(),
                    static_cast<long long>(c.clippedSamples));
    }
    if (details.broadcast) {
        const BroadcastInfo& b = *details.broadcast;
        std::printf("Recorded:    %s %s by %s from %s (time reference %llu)\n",
                    b.originationDate.c_str(), b.originationTime.c_str(), b.originator.c_str(),
                    b.description.c_str(), static_cast<unsigned long long>(b.timeReference));
    }
    for (const Marker& m : details.markers) {
        const double at = info.sampleRate > 0 ? static_cast<double>(m.frame) / info.sampleRate : 0;
        std::printf("Marker:      %.3f s (frame %lld) %s\n", at, static_cast<long long>(m.frame),
                    m.name.c_str());
    }
}

} // namespace

int info(const CommandLine& commandLine) {
    const auto analysed = analyzeAudioFile(commandLine.file);
    if (!analysed) {
        return fail(analysed.error().message);
    }
    TakeDetails details;
    details.broadcast = readBroadcastInfo(commandLine.file);
    details.markers = take_markers::load(commandLine.file);
    details.channelSources = readChannelSources(commandLine.file);
    if (commandLine.json) {
        printInfoJson(*analysed, details);
    } else {
        printText(*analysed, details);
    }
    return 0;
}

} // namespace tapedeck::cli
