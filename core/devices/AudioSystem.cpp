#include "core/devices/AudioSystem.h"

#include "core/devices/QuietStderr.h"
#include "core/devices/ServerQuery.h"
#include "core/devices/StreamTarget.h"
#include "core/engine/StreamRegistry.h"

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

double checkLatency(const DeviceInfo& device, Direction direction) {
    return direction == Direction::Input ? device.defaultLowInputLatency
                                         : device.defaultHighOutputLatency;
}

// The sound server converts any rate it is given, so its devices are never opened to ask.
// Opening one would not be free either: every stream a client opens on PipeWire can change the
// whole graph's cycle, and a running take loses a few milliseconds when it does.
constexpr int kServerLowestRate = 8000;
constexpr int kServerHighestRate = 192000;

bool formatSupported(const DeviceInfo& device, Direction direction, int channels, int sampleRate) {
    if (!device.serverId.empty()) {
        return sampleRate >= kServerLowestRate && sampleRate <= kServerHighestRate;
    }
    const StreamTarget target(device, channels, checkLatency(device, direction));
    const PaStreamParameters* p = target.parameters();
    return Pa_IsFormatSupported(direction == Direction::Input ? p : nullptr,
                                direction == Direction::Output ? p : nullptr,
                                sampleRate) == paFormatIsSupported;
}

// PortAudio devices that are the sound server itself under another name: while the server's
// own devices are listed, these would only be a second, nameless way to its defaults.
bool isServerAlias(const DeviceInfo& d) {
    return d.name == "pulse" || d.name == "default" || d.name == "pipewire" ||
           d.name == "sysdefault";
}

DeviceInfo fromServer(const ServerDevice& s, const DeviceInfo& pulse) {
    DeviceInfo d;
    d.hostApi = DeviceInfo::kSoundServer;
    d.name = s.description;
    d.serverId = s.id;
    d.isMonitor = s.kind == ServerDeviceKind::Monitor;
    const bool output = s.kind == ServerDeviceKind::Output;
    d.maxInputChannels = output ? 0 : s.channels;
    d.maxOutputChannels = output ? s.channels : 0;
    d.defaultSampleRate = s.sampleRate;
    d.defaultLowInputLatency = pulse.defaultLowInputLatency;
    d.defaultHighInputLatency = pulse.defaultHighInputLatency;
    d.defaultLowOutputLatency = pulse.defaultLowOutputLatency;
    d.defaultHighOutputLatency = pulse.defaultHighOutputLatency;
    d.serverVolume = output ? -1 : s.volume;
    d.isDefaultInput = !output && s.isDefault;
    d.isDefaultOutput = output && s.isDefault;
    d.portAudioIndex = pulse.portAudioIndex;
    return d;
}

// Whether streams can reach the server's devices by name: the ALSA "pulse" PCM must take a
// DEVICE argument (Debian's libasound2-plugins configuration gives it one).
bool canRouteByName(const DeviceInfo& device) {
    const Direction direction = device.canRecord() ? Direction::Input : Direction::Output;
    const int channels =
        direction == Direction::Input ? device.maxInputChannels : device.maxOutputChannels;
    const StreamTarget target(device, channels, checkLatency(device, direction));
    QuietStderr quiet; // ALSA names a PCM it cannot parse on stderr
    return Pa_IsFormatSupported(direction == Direction::Input ? target.parameters() : nullptr,
                                direction == Direction::Output ? target.parameters() : nullptr,
                                device.defaultSampleRate) == paFormatIsSupported;
}

// The server lists its devices in the order they appeared, so a device plugged in again moves
// to the end. People look for a name: the default first, then by name, the same every time.
void sortForPeople(std::vector<DeviceInfo>& devices) {
    std::stable_sort(devices.begin(), devices.end(), [](const DeviceInfo& a, const DeviceInfo& b) {
        const bool aDefault = a.isDefaultInput || a.isDefaultOutput;
        const bool bDefault = b.isDefaultInput || b.isDefaultOutput;
        if (aDefault != bDefault) {
            return aDefault;
        }
        const std::string aName = lowercase(a.name);
        const std::string bName = lowercase(b.name);
        if (aName != bName) {
            return aName < bName;
        }
        return a.serverId < b.serverId;
    });
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
    portAudioDevices_.clear();
    routesByName_.reset();
    if (err != paNoError) {
        return Error{ErrorCode::NoAudioSystem,
                     std::string("The audio system could not restart: ") + Pa_GetErrorText(err)};
    }
    scan();
    watchServer();
    return success();
}

void AudioSystem::scan() {
    scanPortAudio();
    refreshServerDevices();
}

void AudioSystem::refreshServerDevices() {
    devices_ = portAudioDevices_;
    serverName_.clear();
    access_ = ServerAccess::None;
    auto server = ServerQuery::devices();
    const auto pulse = std::find_if(devices_.begin(), devices_.end(), [](const DeviceInfo& d) {
        return d.hostApi == "ALSA" && d.name == "pulse";
    });
    if (!server || server->devices.empty() || pulse == devices_.end()) {
        return; // no sound server: PortAudio's own list is all there is
    }
    std::vector<DeviceInfo> listed;
    for (const ServerDevice& s : server->devices) {
        listed.push_back(fromServer(s, *pulse));
    }
    // Asked once per PortAudio start, before any stream runs (see formatSupported()).
    if (!routesByName_) {
        routesByName_ = canRouteByName(listed.front());
    }
    const std::string serverName = server->serverName.empty() ? "sound server" : server->serverName;
    if (!*routesByName_) {
        // The server is there, but streams reach only its defaults, through PortAudio's
        // "default" device: PortAudio's list is what works.
        serverName_ = serverName;
        access_ = ServerAccess::DefaultDeviceOnly;
        return;
    }
    sortForPeople(listed);
    for (DeviceInfo& d : devices_) {
        if (isServerAlias(d)) {
            continue;
        }
        d.advanced = true;
        d.isDefaultInput = false;
        d.isDefaultOutput = false;
        listed.push_back(std::move(d));
    }
    devices_ = std::move(listed);
    serverName_ = serverName;
    access_ = ServerAccess::ByName;
}

Status AudioSystem::setSourceVolume(std::string_view serverId, double fraction) {
    const DeviceInfo* device = findServerDevice(serverId);
    if (device == nullptr || !device->canRecord() || device->serverVolume < 0) {
        return Error{ErrorCode::DeviceNotFound, "The sound server has no source \"" +
                                                    std::string(serverId) +
                                                    "\" whose level can be set."};
    }
    watchServer();
    if (!watcher_ || !watcher_->setSourceVolume(device->serverId, fraction)) {
        return Error{ErrorCode::NoAudioSystem,
                     "The sound server did not take the new input level."};
    }
    return success();
}

std::shared_ptr<const ServerWatcher> AudioSystem::watchServer() {
    if (watcher_ && !watcher_->isConnected()) {
        watcher_.reset(); // the server went away; a new one may be there now
    }
    if (!watcher_ && !serverName_.empty()) {
        watcher_ = ServerWatcher::start(onDeviceChange_);
    }
    return watcher_;
}

void AudioSystem::setDeviceChangeCallback(ServerWatcher::ChangeFn onChange) {
    onDeviceChange_ = std::move(onChange);
    watcher_.reset();
    watchServer();
}

void AudioSystem::scanPortAudio() {
    portAudioDevices_.clear();
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
        portAudioDevices_.push_back(std::move(d));
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
        if (usable(d) && (d.name == query || (!d.serverId.empty() && d.serverId == query))) {
            return d;
        }
    }
    // A part of a name may match a headset's microphone and the monitor of its speakers, or a
    // server device and a raw one: the microphone wins over the monitor, the server's device
    // over raw hardware; only matches of the same standing are ambiguous.
    const auto standing = [](const DeviceInfo& d) { return d.advanced ? 2 : d.isMonitor ? 1 : 0; };
    const std::string needle = lowercase(query);
    std::vector<const DeviceInfo*> matches;
    for (const auto& d : devices_) {
        if (usable(d) && (lowercase(d.name).find(needle) != std::string::npos ||
                          lowercase(d.serverId).find(needle) != std::string::npos)) {
            if (!matches.empty() && standing(d) < standing(*matches.front())) {
                matches.clear();
            }
            if (matches.empty() || standing(d) == standing(*matches.front())) {
                matches.push_back(&d);
            }
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
        if (d.hostApi == hostApi &&
            (d.name == name || (!d.serverId.empty() && d.serverId == name))) {
            return &d;
        }
    }
    return nullptr;
}

const DeviceInfo* AudioSystem::findServerDevice(std::string_view serverId) const {
    for (const auto& d : devices_) {
        if (!d.serverId.empty() && d.serverId == serverId) {
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
    if (formatSupported(device, direction, channels, sampleRate)) {
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
    for (const int rate : standardRates()) {
        if (formatSupported(device, direction, channels, rate)) {
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
