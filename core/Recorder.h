#pragma once

#include "AudioSystem.h"
#include "EngineEvent.h"
#include "FileFormat.h"
#include "Result.h"
#include "StreamStats.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

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
    FileFormat format = FileFormat::Wav24;
    int framesPerBuffer = 0;     // 0: let PortAudio choose
    double suggestedLatency = 0; // seconds; 0: a large buffer suited to a take (200 ms)
    std::int64_t maxFrames = 0;  // stop by itself after this many frames; 0: no limit
};

// One take: a PortAudio input callback stream → lock-free ring → disk-writer thread →
// libsndfile. Created, polled and stopped on one control thread (CLI main loop or GUI).
class Recorder {
public:
    // Opens the device and the file and starts capturing. `onSamplesWritten`, if given, is
    // called on the disk-writer thread as samples reach the file.
    static Result<std::unique_ptr<Recorder>> start(AudioSystem& system,
                                                   const RecordSettings& settings,
                                                   SamplesWrittenFn onSamplesWritten = {});
    ~Recorder(); // stops if still running
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // Control thread, call often (10–30 times a second): runs the watchdog and returns the
    // failure that ended the take, if any (device lost, write failed, callback error).
    // After a failure the take is already stopped and the file finalized.
    std::optional<Error> poll();

    // Control thread: next event from the audio thread (levels, xruns, drops), if any.
    bool nextEvent(EngineEvent& event);

    // Control thread: stops capturing, writes everything captured, finalizes the file.
    // Never blocks for long, even if the sound server is frozen. Returns the first error
    // of the take, if there was one (the file is still finalized and keeps every sample).
    Status stop();

    // False once the take has stopped: by stop(), by reaching maxFrames, or by a failure.
    // Control thread; poll() notices the end of a take.
    bool isRunning() const;
    StreamStats stats() const; // any thread
    int sampleRate() const;
    int channels() const;
    const std::string& path() const;
    const DeviceInfo& device() const;

private:
    explicit Recorder(std::shared_ptr<RecorderState> state);
    static void noticeRemoval(RecorderState& s);
    std::shared_ptr<RecorderState> state_;
};

} // namespace tapedeck
