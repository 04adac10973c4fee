#include "Commands.h"

#include "BroadcastInfo.h"
#include "markers/TakeMarkers.h"
#include "summary/AudioFileInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstdio>

namespace tapedeck::cli {

namespace {

// JSON has no -infinity: digital silence is reported as null.
QJsonValue decibels(double db) {
    return std::isfinite(db) ? QJsonValue(db) : QJsonValue(QJsonValue::Null);
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
};

void printJson(const AudioFileInfo& info, const TakeDetails& details) {
    QJsonObject o;
    o["path"] = QString::fromStdString(info.path);
    o["format"] = QString::fromStdString(info.formatName);
    o["encoding"] = QString::fromStdString(info.encodingName);
    o["sampleRate"] = info.sampleRate;
    o["channels"] = info.channels;
    o["frames"] = static_cast<qint64>(info.frames);
    o["durationSeconds"] = info.durationSeconds;
    QJsonArray perChannel;
    for (const ChannelInfo& c : info.channelInfo) {
        QJsonObject ch;
        ch["peakDbfs"] = decibels(c.peakDbfs);
        ch["rmsDbfs"] = decibels(c.rmsDbfs);
        ch["clippedSamples"] = static_cast<qint64>(c.clippedSamples);
        perChannel.append(ch);
    }
    o["perChannel"] = perChannel;
    if (details.broadcast) {
        const BroadcastInfo& b = *details.broadcast;
        QJsonObject bext;
        bext["description"] = QString::fromStdString(b.description);
        bext["originator"] = QString::fromStdString(b.originator);
        bext["originationDate"] = QString::fromStdString(b.originationDate);
        bext["originationTime"] = QString::fromStdString(b.originationTime);
        bext["timeReference"] = static_cast<qint64>(b.timeReference);
        o["bext"] = bext;
    } else {
        o["bext"] = QJsonValue(QJsonValue::Null);
    }
    QJsonArray markers;
    for (const Marker& m : details.markers) {
        QJsonObject marker;
        marker["frame"] = static_cast<qint64>(m.frame);
        marker["seconds"] =
            info.sampleRate > 0 ? static_cast<double>(m.frame) / info.sampleRate : 0.0;
        marker["name"] = QString::fromStdString(m.name);
        markers.append(marker);
    }
    o["markers"] = markers;
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Indented).constData(), stdout);
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
        std::printf("Channel %zu:   peak %s, RMS %s, %lld clipped samples\n", i + 1,
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
    if (commandLine.json) {
        printJson(*analysed, details);
    } else {
        printText(*analysed, details);
    }
    return 0;
}

} // namespace tapedeck::cli
