#include "AudioSystem.h"

#include "QuietStderr.h"
#include "StreamRegistry.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <portaudio.h>
#include <string>

namespace tapedeck {

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

const char* directionWord(Direction direction) {
    return direction == Direction::Input ? "input" : "output";
}

std::string formatRates(const std::vector<int>& rates) {
    std::string out;
    for (std::size_t i = 0; i < rates.size(); ++i) {
        if (i > 0) {
            out += i + 1 == rates.size() ? " and " : ", ";
        }
        out += std::to_string(rates[i]) + " Hz";
    }
    return out;
}

PaStreamParameters streamParameters(const DeviceInfo& device, Direction direction, int channels) {
    PaStreamParameters p{};
    p.device = device.portAudioIndex;
    p.channelCount = channels;
    p.sampleFormat = paFloat32;
    p.suggestedLatency = direction == Direction::Input ? device.defaultLowInputLatency
                                                       : device.defaultHighOutputLatency;
    return p;
}

} // namespace

namespace {
PaError initializePortAudio() {
    // Never let probing the JACK back end start a JACK server.
    setenv("JACK_NO_START_SERVER", "1", 0);
    QuietStderr quiet;
    return Pa_Initialize();
}
} // namespace

Result<std::unique_ptr<AudioSystem>> AudioSystem::start() {
    const PaError err = initializePortAudio();
    if (err != paNoError) {
        return Error{ErrorCode::NoAudioSystem,
                     std::string("The audio system could not start: ") + Pa_GetErrorText(err)};
    }
    std::unique_ptr<AudioSystem> system(new AudioSystem());
    system->scan();
    return system;
}

AudioSystem::~AudioSystem() {
    // A stream stuck in a frozen sound server would make Pa_Terminate block forever; such a
    // stream is abandoned (see StreamRegistry) and PortAudio is left to the process exit.
    if (!StreamRegistry::instance().hasAbandonedStreams()) {
        Pa_Terminate();
    }
}

Status AudioSystem::rescan() {
    if (StreamRegistry::instance().openStreams() > 0) {
        return Error{ErrorCode::InvalidArgument,
                     "Devices cannot be re-scanned while recording or playing. Stop first."};
    }
    if (StreamRegistry::instance().hasAbandonedStreams()) {
        return Error{ErrorCode::NoAudioSystem,
                     "The sound server stopped answering. Restart Tapedeck to use it again."};
    }
    Pa_Terminate();
    const PaError err = initializePortAudio();
    devices_.clear();
    if (err != paNoError) {
        return Error{ErrorCode::NoAudioSystem,
                     std::string("The audio system could not restart: ") + Pa_GetErrorText(err)};
    }
    scan();
    return success();
}

void AudioSystem::scan() {
    devices_.clear();
    const int count = Pa_GetDeviceCount();
    const PaDeviceIndex defaultIn = Pa_GetDefaultInputDevice();
    const PaDeviceIndex defaultOut = Pa_GetDefaultOutputDevice();
    for (int i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (info == nullptr) {
            continue;
        }
        const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
        DeviceInfo d;
        d.hostApi = api != nullptr ? api->name : "Unknown";
        d.name = info->name != nullptr ? info->name : "";
        d.maxInputChannels = info->maxInputChannels;
        d.maxOutputChannels = info->maxOutputChannels;
        d.defaultSampleRate = info->defaultSampleRate;
        d.defaultLowInputLatency = info->defaultLowInputLatency;
        d.defaultHighInputLatency = info->defaultHighInputLatency;
        d.defaultLowOutputLatency = info->defaultLowOutputLatency;
        d.defaultHighOutputLatency = info->defaultHighOutputLatency;
        d.isDefaultInput = i == defaultIn;
        d.isDefaultOutput = i == defaultOut;
        d.portAudioIndex = i;
        devices_.push_back(std::move(d));
    }
}

Result<DeviceInfo> AudioSystem::findDevice(std::string_view query, Direction direction) const {
    const auto usable = [direction](const DeviceInfo& d) {
        return direction == Direction::Input ? d.canRecord() : d.canPlay();
    };
    if (query.empty()) {
        for (const auto& d : devices_) {
            if (usable(d) &&
                (direction == Direction::Input ? d.isDefaultInput : d.isDefaultOutput)) {
                return d;
            }
        }
        return Error{ErrorCode::NoDevice,
                     std::string("No audio ") + directionWord(direction) +
                         " device was found. Connect one, or check that the sound server is "
                         "running, then refresh the device list."};
    }
    for (const auto& d : devices_) {
        if (usable(d) && d.name == query) {
            return d;
        }
    }
    const std::string needle = lowercase(query);
    std::vector<const DeviceInfo*> matches;
    for (const auto& d : devices_) {
        if (usable(d) && lowercase(d.name).find(needle) != std::string::npos) {
            matches.push_back(&d);
        }
    }
    if (matches.size() == 1) {
        return *matches.front();
    }
    if (matches.empty()) {
        return Error{ErrorCode::DeviceNotFound,
                     std::string("No ") + directionWord(direction) + " device is called \"" +
                         std::string(query) +
                         "\". Run tapedeck --list-devices to see the devices there are."};
    }
    std::string names;
    for (const auto* d : matches) {
        names += (names.empty() ? "\"" : ", \"") + d->name + "\"";
    }
    return Error{ErrorCode::DeviceAmbiguous, "\"" + std::string(query) +
                                                 "\" matches several devices (" + names +
                                                 "). Give more of the name."};
}

const DeviceInfo* AudioSystem::findExact(std::string_view hostApi, std::string_view name) const {
    for (const auto& d : devices_) {
        if (d.hostApi == hostApi && d.name == name) {
            return &d;
        }
    }
    return nullptr;
}

Status AudioSystem::checkFormat(const DeviceInfo& device, Direction direction, int channels,
                                int sampleRate) const {
    const int maxChannels =
        direction == Direction::Input ? device.maxInputChannels : device.maxOutputChannels;
    if (channels < 1 || channels > maxChannels) {
        return Error{ErrorCode::UnsupportedChannels,
                     device.name + " cannot " +
                         (direction == Direction::Input ? "record" : "play") + " " +
                         std::to_string(channels) + " channel" + (channels == 1 ? "" : "s") +
                         "; it has " + std::to_string(maxChannels) + "."};
    }
    const PaStreamParameters p = streamParameters(device, direction, channels);
    const PaError err =
        Pa_IsFormatSupported(direction == Direction::Input ? &p : nullptr,
                             direction == Direction::Output ? &p : nullptr, sampleRate);
    if (err == paFormatIsSupported) {
        return success();
    }
    const std::vector<int> rates = supportedRates(device, direction, channels);
    std::string message = device.name + " cannot " +
                          (direction == Direction::Input ? "record" : "play") + " at " +
                          std::to_string(sampleRate) + " Hz";
    message += rates.empty() ? "." : "; it supports " + formatRates(rates) + ".";
    return Error{ErrorCode::UnsupportedRate, message};
}

std::vector<int> AudioSystem::supportedRates(const DeviceInfo& device, Direction direction,
                                             int channels) const {
    std::vector<int> rates;
    const PaStreamParameters p = streamParameters(device, direction, channels);
    for (const int rate : standardRates()) {
        if (Pa_IsFormatSupported(direction == Direction::Input ? &p : nullptr,
                                 direction == Direction::Output ? &p : nullptr,
                                 rate) == paFormatIsSupported) {
            rates.push_back(rate);
        }
    }
    return rates;
}

const std::vector<int>& AudioSystem::standardRates() {
    static const std::vector<int> rates{8000,  11025, 16000, 22050,  32000, 44100,
                                        48000, 88200, 96000, 176400, 192000};
    return rates;
}

} // namespace tapedeck
