#pragma once

#include "core/base/Result.h"
#include "core/devices/AudioSystem.h"
#include "core/engine/EngineEvent.h"
#include "core/engine/StreamStats.h"
#include "core/io/FileFormat.h"
#include "core/markers/Marker.h"
#include "core/recording/InputLayout.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tapedeck {

struct RecorderState;

// Called on the disk-writer thread with each block of interleaved float frames as it
// reaches the file (e.g. to grow a live waveform summary). Not real-time: may allocate.
using SamplesWrittenFn = std::function<void(const float* interleaved, std::int64_t frames)>;

struct RecordSettings {
    std::string path;       // never overwritten: recording fails if it exists
    std::string deviceName; // exact or unique substring; empty: default input
    int sampleRate = 0;     // 0: the device's default rate
    int channels = 2;       // capped to what the device has
    // The device's input (1-based) that feeds the take's first channel; the take records
    // inputs firstInputChannel .. firstInputChannel + channels - 1 (channels 0: one input).
    // 0: inputs 1..channels as the device or sound server gives them.
    int firstInputChannel = 0;
    FileFormat format = FileFormat::Wav24;
    int framesPerBuffer = 0;     // 0: let PortAudio choose
    double suggestedLatency = 0; // seconds; 0: a large buffer suited to a take (200 ms)
    // The take ends by itself at this length in the file, pre-roll included; 0: no limit.
    std::int64_t maxFrames = 0;
    // Monitoring only: how much audio from before the take starts goes into it (0–30 s).
    double preRollSeconds = 0;
    // Monitoring only: the take starts by itself when the level rises to this (dBFS).
    std::optional<double> startAboveDbfs;
    // The take ends after this long below silenceDbfs (the start level if one is set). 0: never.
    double stopAfterSilenceSeconds = 0;
    double silenceDbfs = -50;
    // A second input recorded into the same take (exact or unique substring, like
    // deviceName); empty: one input. It must be another device than the first.
    // channels and firstInputChannel apply to one input only.
    std::string secondDeviceName;            // empty: one input
    InputLayout layout = InputLayout::Split; // with a second input: how the file holds both
};

// A capture stream and its take: a PortAudio input callback stream → lock-free ring →
// disk-writer thread → libsndfile. Created, polled and stopped on one control thread (CLI
// main loop or GUI).
//
// start() opens the stream and the take at once. monitor() opens only the stream: levels
// arrive, the last seconds are kept for the pre-roll, and the take begins with beginTake()
// or, with startAboveDbfs set, when the level rises above it (poll() notices). Meters and
// take share that one stream: on PipeWire, opening a second stream while a take runs can
// glitch the take.
class Recorder {
public:
    // Opens the device and the file and starts capturing. `onSamplesWritten`, if given, is
    // called on the disk-writer thread as samples reach the file.
    static Result<std::unique_ptr<Recorder>> start(AudioSystem& system,
                                                   const RecordSettings& settings,
                                                   SamplesWrittenFn onSamplesWritten = {});
    // Opens the device and starts the stream without a file ("monitoring"). The take's file is
    // created by beginTake() or by the sound-activated start.
    static Result<std::unique_ptr<Recorder>> monitor(AudioSystem& system,
                                                     const RecordSettings& settings,
                                                     SamplesWrittenFn onSamplesWritten = {});
    ~Recorder(); // stops if still running

    // Control thread, while monitoring: creates the take's file (settings.path unless `path`
    // is given) with the pre-roll before this moment, and records into it from now on.
    // Errors as for start(); the stream keeps monitoring after an error.
    Status beginTake(const std::string& path = {});
    // Control thread, while monitoring and before the take begins: the take's file and its
    // rules (maxFrames, startAboveDbfs, stopAfterSilenceSeconds, silenceDbfs; the stream's
    // device and format stay). With startAboveDbfs, the take now waits for sound.
    void setTakeRules(const std::string& path, const RecordSettings& rules);
    // Control thread: whether a take (a file) has begun; false while only monitoring.
    bool hasTake() const;
    // Control thread: monitoring for a sound-activated start that has not happened yet.
    bool isWaitingForSound() const;

    // Control thread: pause and resume the take. While paused, nothing reaches the file but
    // the meters still move; resuming continues the same file and puts a marker named
    // "Paused" at the join. Does nothing without a take.
    void pause();
    void resume();
    bool isPaused() const;

    // Control thread: a marker at the newest captured frame of the take (the join while
    // paused), journalled at once so a crash keeps it, and saved in the file when the take
    // ends. Without a take, returns nullopt.
    std::optional<Marker> addMarker(const std::string& name);
    // Control thread: the take's markers so far, in the order they were added.
    const std::vector<Marker>& markers() const;
    // Control thread: the "Clip" marker at the take's first clipped sample, once poll() or
    // stop() found one (it is also in markers()). How many samples clipped: stats().
    const std::optional<Marker>& clipMarker() const;
    // Control thread: the take's length so far in file frames (what the file will hold).
    std::int64_t takeFrames() const;
    // Control thread: the file frame of an event's stream frame (EngineEvent::frame); -1
    // before the take or its start.
    std::int64_t fileFrameOf(std::int64_t streamFrame) const;
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // Control thread, call often (10–30 times a second): runs the watchdog and returns the
    // failure that ended the take, if any (device lost, write failed, callback error).
    // After a failure the take is already stopped and the file finalized.
    std::optional<Error> poll();

    // Control thread: next event from the audio threads (levels, xruns, drops; `input` says
    // which input sent it), if any. With two inputs, an input that poll() found lost while the
    // take goes on with the other arrives here too, once, as InputLost (and by lostInput()).
    bool nextEvent(EngineEvent& event);

    // Control thread: stops capturing, writes everything captured, finalizes the file and
    // saves the markers in it. While only monitoring, closes the stream and creates no file.
    // Never blocks for long, even if the sound server is frozen. Returns the first error
    // of the take, if there was one (the file is still finalized and keeps every sample).
    Status stop();

    // False once the take has stopped: by stop(), by reaching maxFrames or the silence that
    // ends it, or by a failure.
    // Control thread; poll() notices the end of a take.
    bool isRunning() const;
    StreamStats stats() const; // any thread
    int sampleRate() const;
    int channels() const;
    // The device's input (1-based) feeding the take's first channel; 0 when none was chosen.
    int firstInputChannel() const;
    const std::string& path() const;
    const DeviceInfo& device() const;
    // Control thread: the second input of a two-input take; nullptr with one input.
    const DeviceInfo* secondDevice() const;
    // Control thread: with two inputs, the layout of the file (Split with one input).
    InputLayout layout() const;
    // Control thread: an input of a two-input take that poll() found lost since the last call
    // (0: the first, 1: the second), or -1. Each loss is reported once. The take goes on with
    // the other input, the lost one's channel holds silence, and a marker "Lost: <input
    // name>" is already in markers(). When both are lost the take ends as with one input.
    int lostInput();

private:
    explicit Recorder(std::shared_ptr<RecorderState> state);
    static Result<std::unique_ptr<Recorder>> open(AudioSystem& system,
                                                  const RecordSettings& settings,
                                                  SamplesWrittenFn onSamplesWritten,
                                                  bool takeAtOnce);
    static void noticeRemoval(RecorderState& s);
    static void markFirstClip(RecorderState& s);
    // A two-input take's poll(): either input lost goes on with the other; both end the take.
    std::optional<Error> pollCall();
    // Input `input` of a two-input take is gone: its channel is silent from here, with a marker.
    void loseInput(int input);
    Status openTake(const std::string& path, std::int64_t startFrame, std::int64_t origin);
    std::shared_ptr<RecorderState> state_;
};

} // namespace tapedeck
