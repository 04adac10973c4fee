#include "app/cli/Commands.h"

#include "app/cli/JsonOutput.h"
#include "core/devices/AudioSystem.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace tapedeck::cli {

namespace {

const char* kindOf(const DeviceInfo& d) {
    if (d.isMonitor) {
        return "monitor";
    }
    if (d.canRecord() && d.canPlay()) {
        return "duplex"; // a raw device with both directions
    }
    return d.canRecord() ? "input" : "output";
}

nlohmann::ordered_json toJson(const DeviceInfo& d) {
    nlohmann::ordered_json o;
    o["hostApi"] = d.hostApi;
    o["name"] = d.name;
    // The server's node name; for PortAudio's own devices, the name again (what NAME matches).
    o["id"] = d.serverId.empty() ? d.name : d.serverId;
    o["kind"] = kindOf(d);
    o["advanced"] = d.advanced;
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

void printDevice(const DeviceInfo& d) {
    std::string role;
    if (d.isDefaultInput || d.isDefaultOutput) {
        role = " [default]";
    }
    if (!d.serverId.empty()) {
        const int channels = d.canRecord() ? d.maxInputChannels : d.maxOutputChannels;
        std::printf("  %s%s\n      id %s, %d ch, %.0f Hz\n", d.name.c_str(), role.c_str(),
                    d.serverId.c_str(), channels, d.defaultSampleRate);
        return;
    }
    std::printf("  %s: %s%s\n      in %d ch, out %d ch, %.0f Hz, latency in %.1f ms, out %.1f ms\n",
                d.hostApi.c_str(), d.name.c_str(), role.c_str(), d.maxInputChannels,
                d.maxOutputChannels, d.defaultSampleRate, d.defaultLowInputLatency * 1000.0,
                d.defaultLowOutputLatency * 1000.0);
}

template <typename Belongs>
void printGroup(const std::vector<DeviceInfo>& devices, const char* heading, Belongs belongs) {
    bool first = true;
    for (const auto& d : devices) {
        if (!belongs(d)) {
            continue;
        }
        if (first) {
            std::printf("\n%s:\n", heading);
            first = false;
        }
        printDevice(d);
    }
}

} // namespace

int listDevices(const CommandLine& commandLine) {
    auto system = AudioSystem::start();
    if (!system) {
        return fail(system.error().message);
    }
    const auto& devices = (*system)->devices();
    if (commandLine.json) {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const auto& d : devices) {
            array.push_back(toJson(d));
        }
        printJson(array);
        return 0;
    }
    if (devices.empty()) {
        std::puts("No audio devices found. Check that a sound card is connected or that the "
                  "sound server is running.");
        return 0;
    }
    switch ((*system)->serverAccess()) {
    case ServerAccess::ByName:
        std::printf("Devices of %s:\n", (*system)->soundServer().c_str());
        break;
    case ServerAccess::DefaultDeviceOnly:
        std::puts("The sound server is running, but ALSA's pulse plugin cannot open its devices "
                  "by name. Tapedeck records and plays through the default device.");
        break;
    case ServerAccess::None:
        std::puts("No sound server answered: these are the devices PortAudio finds directly.");
        break;
    }
    printGroup(devices, "Microphones and inputs",
               [](const DeviceInfo& d) { return !d.advanced && d.canRecord() && !d.isMonitor; });
    printGroup(devices, "What the computer plays (record a call or a stream)",
               [](const DeviceInfo& d) { return !d.advanced && d.isMonitor; });
    printGroup(devices, "Speakers and outputs",
               [](const DeviceInfo& d) { return !d.advanced && d.canPlay(); });
    printGroup(devices, "Advanced: raw hardware (usually held by the sound server already)",
               [](const DeviceInfo& d) { return d.advanced; });
    return 0;
}

} // namespace tapedeck::cli
