#include "Commands.h"

#include "JsonOutput.h"
#include "summary/AudioFileInfo.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

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

void printInfoJson(const AudioFileInfo& info) {
    nlohmann::ordered_json o;
    o["path"] = info.path;
    o["format"] = info.formatName;
    o["encoding"] = info.encodingName;
    o["sampleRate"] = info.sampleRate;
    o["channels"] = info.channels;
    o["frames"] = info.frames;
    o["durationSeconds"] = info.durationSeconds;
    nlohmann::ordered_json perChannel = nlohmann::ordered_json::array();
    for (const ChannelInfo& c : info.channelInfo) {
        nlohmann::ordered_json ch;
        ch["peakDbfs"] = decibels(c.peakDbfs);
        ch["rmsDbfs"] = decibels(c.rmsDbfs);
        ch["clippedSamples"] = c.clippedSamples;
        perChannel.push_back(ch);
    }
    o["perChannel"] = perChannel;
    printJson(o);
}

void printText(const AudioFileInfo& info) {
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
        std::printf("Channel %zu:   peak %s, RMS %s, %lld clipped samples\n", i + 1,
                    formatDb(c.peakDbfs).c_str(), formatDb(c.rmsDbfs).c_str(),
                    static_cast<long long>(c.clippedSamples));
    }
}

} // namespace

int info(const CommandLine& commandLine) {
    const auto analysed = analyzeAudioFile(commandLine.file);
    if (!analysed) {
        return fail(analysed.error().message);
    }
    if (commandLine.json) {
        printInfoJson(*analysed);
    } else {
        printText(*analysed);
    }
    return 0;
}

} // namespace tapedeck::cli
