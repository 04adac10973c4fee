#pragma once

#include "AudioSystem.h"
#include "EngineEvent.h"
#include "Result.h"
#include "StreamStats.h"

#include <memory>
#include <optional>
#include <string>

namespace tapedeck {

struct PlayerState;

struct PlaySettings {
    std::string path;
    std::string deviceName;      // exact or unique substring; empty: default output
    int framesPerBuffer = 0;     // 0: let PortAudio choose
    double suggestedLatency = 0; // seconds; 0: 100 ms, long server cycles
    int deviceSampleRate = 0;    // 0: the file's rate if the device takes it, else resample
};

// Plays one file: disk-reader thread (libsndfile, resampling with libsoxr when the device
// cannot run at the file's rate, channel mapping) → lock-free ring → PortAudio output
// callback. The file is never loaded whole. Control thread only, except where noted.
class Player {
public:
    // Opens the file and the device; the stream starts paused at frame 0.
    static Result<std::unique_ptr<Player>> open(AudioSystem& system, const PlaySettings& settings);
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    void play();                   // starts or resumes; at the end of the file, starts again from 0
    void pause();                  // output silence, keep the position
    void seek(std::int64_t frame); // file frames; clamped to the file
    Status stop();                 // stops and closes the stream; never blocks for long

    // Control thread, call often: watchdog; the failure that stopped playback, if any.
    std::optional<Error> poll();
    bool nextEvent(EngineEvent& event);

    bool isPlaying() const;  // any thread
    bool isFinished() const; // any thread: the last frame has been heard
    // The file frame being heard now: frames consumed minus the output latency. Any thread.
    std::int64_t position() const;

    std::int64_t frames() const; // of the file
    int fileSampleRate() const;
    int fileChannels() const;
    int deviceSampleRate() const; // differs from the file's when resampling
    int deviceChannels() const;
    const DeviceInfo& device() const;
    StreamStats stats() const;

private:
    explicit Player(std::shared_ptr<PlayerState> state);
    std::shared_ptr<PlayerState> state_;
};

} // namespace tapedeck
