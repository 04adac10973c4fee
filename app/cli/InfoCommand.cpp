#include "app/cli/Commands.h"

#include "app/cli/JsonOutput.h"
#include "core/call/CallSources.h"
#include "core/io/BroadcastInfo.h"
#include "core/markers/TakeMarkers.h"
#include "core/summary/AudioFileInfo.h"
#include "core/summary/SummaryCache.h"

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

nlohmann::ordered_json optionalNumber(const std::optional<double>& value) {
    return value && std::isfinite(*value) ? nlohmann::ordered_json(*value)
                                          : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json loudnessJson(const LoudnessReading& l) {
    nlohmann::ordered_json o;
    o["integrated_lufs"] = optionalNumber(l.integratedLufs);
    o["range_lu"] = optionalNumber(l.rangeLu);
    o["true_peak_dbtp"] = optionalNumber(l.truePeakDbtp);
    o["max_momentary_lufs"] = optionalNumber(l.maxMomentaryLufs);
    o["max_short_term_lufs"] = optionalNumber(l.maxShortTermLufs);
    if (!l.reason.empty()) {
        o["reason"] = l.reason;
    }
    return o;
}

// One figure with its unit, or "not measured" when the standard does not define it here.
std::string formatFigure(const std::optional<double>& value, const char* format) {
    if (!value) {
        return "not measured";
    }
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, format, *value);
    return buffer;
}

void printLoudness(const LoudnessReading& l) {
    std::printf("Loudness:    %s integrated, range %s, true peak %s\n",
                formatFigure(l.integratedLufs, "%.1f LUFS").c_str(),
                formatFigure(l.rangeLu, "%.1f LU").c_str(),
                formatFigure(l.truePeakDbtp, "%.1f dBTP").c_str());
    if (l.maxMomentaryLufs || l.maxShortTermLufs) {
        std::printf("Loudest:     %s momentary (400 ms), %s short-term (3 s)\n",
                    formatFigure(l.maxMomentaryLufs, "%.1f LUFS").c_str(),
                    formatFigure(l.maxShortTermLufs, "%.1f LUFS").c_str());
    }
    if (!l.reason.empty()) {
        std::printf("             (%s)\n", l.reason.c_str());
    }
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
    if (info.loudness) {
        o["loudness"] = loudnessJson(*info.loudness);
    }
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
    if (info.loudness) {
        printLoudness(*info.loudness);
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
    // The scan is kept in the waveform cache the window uses, so a second --info, or opening
    // the file in the window, costs no second read.
    const SummaryCache cache;
    AnalysisOptions options;
    options.loudness = commandLine.loudness;
    options.cache = &cache;
    const auto analysed = analyzeAudioFile(commandLine.file, options);
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
