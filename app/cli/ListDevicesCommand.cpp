#include "Commands.h"

#include "AudioSystem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace tapedeck::cli {

namespace {

QJsonObject toJson(const DeviceInfo& d) {
    QJsonObject o;
    o["hostApi"] = QString::fromStdString(d.hostApi);
    o["name"] = QString::fromStdString(d.name);
    o["maxInputChannels"] = d.maxInputChannels;
    o["maxOutputChannels"] = d.maxOutputChannels;
    o["defaultSampleRate"] = d.defaultSampleRate;
    o["defaultLowInputLatency"] = d.defaultLowInputLatency;
    o["defaultLowOutputLatency"] = d.defaultLowOutputLatency;
    o["defaultHighInputLatency"] = d.defaultHighInputLatency;
    o["defaultHighOutputLatency"] = d.defaultHighOutputLatency;
    o["isDefaultInput"] = d.isDefaultInput;
    o["isDefaultOutput"] = d.isDefaultOutput;
    return o;
}

} // namespace

int listDevices(const CommandLine& commandLine) {
    auto system = AudioSystem::start();
    if (!system) {
        return fail(system.error().message);
    }
    const auto& devices = (*system)->devices();
    if (commandLine.json) {
        QJsonArray array;
        for (const auto& d : devices) {
            array.append(toJson(d));
        }
        std::fputs(QJsonDocument(array).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    if (devices.empty()) {
        std::puts("No audio devices found. Check that a sound card is connected or that the "
                  "sound server is running.");
        return 0;
    }
    for (const auto& d : devices) {
        std::string role;
        if (d.isDefaultInput) {
            role += " [default input]";
        }
        if (d.isDefaultOutput) {
            role += " [default output]";
        }
        std::printf("%s: %s%s\n    in %d ch, out %d ch, %.0f Hz, latency in %.1f ms, out %.1f ms\n",
                    d.hostApi.c_str(), d.name.c_str(), role.c_str(), d.maxInputChannels,
                    d.maxOutputChannels, d.defaultSampleRate, d.defaultLowInputLatency * 1000.0,
                    d.defaultLowOutputLatency * 1000.0);
    }
    return 0;
}

} // namespace tapedeck::cli
