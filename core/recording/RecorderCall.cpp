#include "core/call/CallSources.h"
#include "core/devices/AudioSystem.h"
#include "core/devices/InputChannelPicker.h"
#include "core/devices/StreamTarget.h"
#include "core/engine/StreamCloser.h"
#include "core/engine/StreamRegistry.h"
#include "core/recording/RecorderState.h"

// The recorder's second input (a call: a microphone and what the computer plays): finding it,
// building its parts, and what poll() does when either input is lost. Control thread.

namespace tapedeck {

using namespace recorder_limits;

namespace {

// Two names for one device would record the same sound twice.
bool sameDevice(const DeviceInfo& a, const DeviceInfo& b) {
    if (!a.serverId.empty() || !b.serverId.empty()) {
        return a.serverId == b.serverId;
    }
    return a.hostApi == b.hostApi && a.name == b.name;
}

} // namespace

PaError openCaptureStream(PaStream** stream, const DeviceInfo& device, int channels,
                          const RecordSettings& settings, int sampleRate,
                          CaptureCallback* capture) {
    const StreamTarget input(device, channels,
                             settings.suggestedLatency > 0 ? settings.suggestedLatency
                                                           : kRecordingLatencySeconds);
    const unsigned long framesPerBuffer = settings.framesPerBuffer > 0
                                              ? static_cast<unsigned long>(settings.framesPerBuffer)
                                              : paFramesPerBufferUnspecified;
    const PaError err =
        Pa_OpenStream(stream, input.parameters(), nullptr, sampleRate, framesPerBuffer, paClipOff,
                      CaptureCallback::streamCallback, capture);
    if (err != paNoError) {
        *stream = nullptr;
        return err;
    }
    StreamRegistry::instance().opened();
    Pa_SetStreamFinishedCallback(*stream, CaptureCallback::streamFinished);
    return paNoError;
}

std::int64_t latencyOf(PaStream* stream, int sampleRate) {
    const PaStreamInfo* info = Pa_GetStreamInfo(stream);
    return info != nullptr ? static_cast<std::int64_t>(info->inputLatency * sampleRate) : 0;
}

Status findSecondInput(AudioSystem& system, const RecordSettings& settings, const DeviceInfo& first,
                       std::optional<DeviceInfo>& second) {
    if (!settings.secondDeviceName.empty()) {
        if (settings.firstInputChannel > 0) {
            return Error{ErrorCode::InvalidArgument,
                         "Choosing a device's inputs works with one input only. Record the whole "
                         "of each device, or leave out the second input."};
        }
        auto found = system.findDevice(settings.secondDeviceName, Direction::Input);
        if (!found) {
            return found.error();
        }
        if (sameDevice(first, *found)) {
            return Error{ErrorCode::InvalidArgument,
                         "Both inputs are " + first.name +
                             ". Choose two different inputs, such as a microphone and what the "
                             "computer plays."};
        }
        second = *found;
    }
    return success();
}

void buildCall(RecorderState& s, const DeviceInfo& second, const InputChannelPicker& picker,
               int firstChannels, std::int64_t ringFrames) {
    s.ring = std::make_unique<SampleRing>(ringFrames, firstChannels);
    auto call = std::make_unique<CallParts>();
    call->device = second;
    const int secondChannels = ownChannelCount(second);
    call->ring = std::make_unique<SampleRing>(ringFrames, secondChannels);
    call->firstAnchor =
        std::make_unique<StreamAnchor>(&call->firstAnchors, s.sampleRate, s.sampleRate);
    call->anchor = std::make_unique<StreamAnchor>(&call->anchors, s.sampleRate, s.sampleRate);
    s.capture = std::make_unique<CaptureCallback>(*s.ring, call->firstDropouts, s.events, picker,
                                                  firstChannels, firstChannels);
    s.capture->joinCall(0, call->firstAnchor.get());
    call->capture =
        std::make_unique<CaptureCallback>(*call->ring, call->dropouts, call->events,
                                          InputChannelPicker{}, secondChannels, secondChannels);
    call->capture->joinCall(1, call->anchor.get());
    // Two devices outside the sound server each run on their own crystal: their rate ratio
    // is measured and corrected all along. On the server both follow its clock.
    const bool ownClocks = s.device.serverId.empty() || second.serverId.empty();
    call->combiner = std::make_unique<CallCombiner>(
        CallInput{*s.ring, call->firstDropouts, call->firstAnchors, *call->firstAnchor},
        CallInput{*call->ring, call->dropouts, call->anchors, *call->anchor}, s.settings.layout,
        s.sampleRate, ownClocks, s.dropoutQueue);
    s.call = std::move(call);
}

std::optional<Error> Recorder::pollCall() {
    RecorderState& s = *state_;
    CallParts& call = *s.call;
    const auto now = std::chrono::steady_clock::now();
    std::optional<Error> why[2];
    bool gone[2] = {call.lost[0], call.lost[1]};
    if (s.writer->failed()) {
        s.failure = s.writer->error();
        stop();
        return s.failure;
    }
    const auto lostMessage = [&s](const DeviceInfo& device) {
        return Error{ErrorCode::DeviceLost,
                     device.name +
                         " stopped sending audio: it may have been unplugged, or the sound "
                         "server stopped. The recording was saved up to that moment in " +
                         s.settings.path + "."};
    };
    if (!gone[0]) {
        if (s.capture->hasReachedLimit() || s.removal.graceOver(now)) {
            gone[0] = true;
            why[0] = s.removal.removal();
        } else if (s.watchdog.streamLost(s.stream, s.capture->hasFinished(),
                                         s.capture->callbacks())) {
            gone[0] = true;
            why[0] = lostMessage(s.device);
        }
    }
    if (!gone[1]) {
        if (call.capture->hasReachedLimit() || call.removal.graceOver(now)) {
            gone[1] = true;
            why[1] = call.removal.removal();
        } else if (call.watchdog.streamLost(call.stream, call.capture->hasFinished(),
                                            call.capture->callbacks())) {
            gone[1] = true;
            why[1] = lostMessage(call.device);
        }
    }
    if (gone[0] && gone[1]) {
        // Both inputs are gone: the take ends as a one-input take would, with every sample.
        for (int i = 0; i < 2; ++i) {
            if (!call.lost[i]) {
                call.combiner->markLost(i, i == 0 ? s.capture->timelineFrames()
                                                  : call.capture->timelineFrames());
            }
        }
        s.failure = why[1] ? why[1] : why[0];
        stop();
        return s.failure;
    }
    for (int i = 0; i < 2; ++i) {
        if (gone[i] && !call.lost[i]) {
            loseInput(i);
        }
    }
    return s.failure;
}

void Recorder::loseInput(int input) {
    RecorderState& s = *state_;
    CallParts& call = *s.call;
    CaptureCallback& capture = input == 0 ? *s.capture : *call.capture;
    PaStream*& stream = input == 0 ? s.stream : call.stream;
    const DeviceInfo& device = input == 0 ? s.device : call.device;
    // Where the take stands when the lost input's last frame is due (the other input's frames
    // are counted from the same clock).
    const std::int64_t takeFrame = input == 0
                                       ? capture.timelineFrames()
                                       : capture.timelineFrames() - call.combiner->offsetFrames();
    call.combiner->markLost(input, capture.timelineFrames());
    call.lost[input] = true;
    closeStream(stream, StopMode::Abort, state_, kCloseTimeout);
    stream = nullptr;
    if (s.hasTake) {
        const std::int64_t origin = s.writer->origin() >= 0 ? s.writer->origin() : s.takeOrigin;
        Marker marker{std::max<std::int64_t>(0, takeFrame - origin),
                      lostInputMarkerName(device.name)};
        s.writer->journalMarker(marker);
        s.markers.push_back(marker);
    }
    call.lostToReport.push_back(input);
    call.lostToAnnounce.push_back(input);
}

} // namespace tapedeck
