#pragma once

// The recorder's shared state and the pieces its two source files share. Only Recorder.cpp and
// RecorderCall.cpp include this.

#include "core/call/CallParts.h"
#include "core/engine/EventQueue.h"
#include "core/engine/SampleRing.h"
#include "core/engine/StreamWatchdog.h"
#include "core/recording/CaptureCallback.h"
#include "core/recording/DeviceRemovalWatch.h"
#include "core/recording/DiskWriter.h"
#include "core/recording/Recorder.h"
#include "core/recovery/RecordingJournal.h"

#include <chrono>
#include <memory>
#include <optional>
#include <portaudio.h>
#include <vector>

namespace tapedeck {

class InputChannelPicker;

namespace recorder_limits {
inline constexpr double kRingSeconds = 5.0;
// While monitoring, the disk thread keeps this much more than the pre-roll: the control thread
// hands over the take's file a poll or two after R or the trigger, and the pre-roll is counted
// back from that moment.
inline constexpr double kPreRollSlackSeconds = 5.0;
inline constexpr double kMaxPreRollSeconds = 30.0;
// A take goes to disk, so nothing waits on the capture latency but the meters: a large buffer
// lets the sound server run long cycles and wake every thread rarely. A short one (PortAudio's
// "low" default, 8.7 ms) drives the whole server graph at 256-frame cycles, and one cycle it
// misses on a busy or virtual machine is 5 ms of silence in the take that nothing reports.
inline constexpr double kRecordingLatencySeconds = 0.2;
inline constexpr auto kCloseTimeout = std::chrono::milliseconds(500);
inline constexpr std::size_t kDropoutQueueCapacity = 256;
} // namespace recorder_limits

// Everything the callback can see. Shared with the stream closer, so that a stream abandoned
// in a frozen server never sees freed memory.
struct RecorderState {
    RecordSettings settings;
    DeviceInfo device;
    int sampleRate = 0;
    int channels = 0; // the take's
    PaStream* stream = nullptr;
    std::unique_ptr<SampleRing> ring;
    DropoutQueue dropoutQueue{recorder_limits::kDropoutQueueCapacity};
    std::unique_ptr<DiskWriter> writer;
    RecordingJournal journal; // beside the take until it is finalized: crash recovery
    EventQueue events;
    StreamWatchdog watchdog;
    // The per-block work and its counters (timelineFrames(): frames captured, not paused).
    // The stream's userData.
    std::unique_ptr<CaptureCallback> capture;
    // A one-input take's watch for blocks the server dropped unannounced (a call's streams
    // have their anchors in `call`).
    std::unique_ptr<StreamAnchor> arrivals;

    // Control thread only.
    bool stopped = false;
    std::optional<Error> failure;
    DeviceRemovalWatch removal;
    std::int64_t latencyFrames = 0; // capture latency: audio still in the server
    bool hasTake = false;
    std::int64_t takeOrigin = 0; // timeline frame of the take's first file frame
    std::int64_t preRollFrames = 0;
    std::vector<Marker> markers;
    std::optional<Marker> clipMarker; // at the take's first clipped sample, once found
    // A two-input take's second stream, anchors and combiner; null with one input.
    std::unique_ptr<CallParts> call;
};

// The take's timeline (the first input's, until it is lost; then the second's, in the same
// frames). Control thread.
inline std::int64_t timelineOf(const RecorderState& s) {
    if (s.call && s.call->lost[0]) {
        return s.call->capture->timelineFrames() - s.call->combiner->offsetFrames();
    }
    return s.capture->timelineFrames();
}

// The channels a device records as it is (a mono mic: 1).
int ownChannelCount(const DeviceInfo& device);
// Opens a capture stream for `capture` at the take's latency; *stream is null after an error.
PaError openCaptureStream(PaStream** stream, const DeviceInfo& device, int channels,
                          const RecordSettings& settings, int sampleRate, CaptureCallback* capture);
// The stream's capture latency in frames: audio still in the server.
std::int64_t latencyOf(PaStream* stream, int sampleRate);

// With settings.secondDeviceName: finds the second input, refusing the first device again or
// a single-input option. `second` stays empty with one input.
Status findSecondInput(AudioSystem& system, const RecordSettings& settings, const DeviceInfo& first,
                       std::optional<DeviceInfo>& second);
// Builds the rings, callbacks, anchors and combiner of a two-input take (before the streams
// open). `firstChannels`: the first stream's channels.
void buildCall(RecorderState& s, const DeviceInfo& second, const InputChannelPicker& picker,
               int firstChannels, std::int64_t ringFrames);

} // namespace tapedeck
