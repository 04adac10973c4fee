#pragma once

#include "core/base/Result.h"
#include "core/devices/AudioSystem.h"
#include "core/engine/EngineEvent.h"
#include "core/engine/StreamCloser.h"
#include "core/engine/StreamStats.h"

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
    double speed = 1.0;          // see Player::setSpeed
};

// Plays one file: disk-reader thread (libsndfile, resampling with libsoxr when the device
// cannot run at the file's rate, channel mapping) → lock-free ring → PortAudio output
// callback. The file is never loaded whole. Control thread only, except where noted.
class Player {
public:
    // Opens the file, paused at frame 0. The device's stream opens on play() and closes on
    // pause() and at the end of the file, so a player that is not playing holds nothing on
    // the sound server.
    static Result<std::unique_ptr<Player>> open(AudioSystem& system, const PlaySettings& settings);
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    // Starts or resumes (at the end of the file, from 0): opens the stream. Says why the
    // device cannot play, if it cannot.
    Status play();
    // Stops the sound at once (what the server had queued is dropped) and keeps the position
    // heard; closes the stream.
    void pause();
    // File frames, clamped to the file. While playing, the new place is heard at once (the
    // stream is reopened there); a failure to reopen shows in poll().
    void seek(std::int64_t frame);
    Status stop(); // stops and closes the stream; never blocks for long
    // Control thread. Plays faster or slower at the same pitch: `speed` is clamped to
    // kMinSpeed..kMaxSpeed, and exactly 1 plays the file's samples untouched. The stretching
    // runs on the disk-reader thread; while playing, the new speed is heard at once from the
    // frame being heard (a short re-buffer, like a seek). position() stays in file time.
    void setSpeed(double speed);
    double speed() const; // control thread
    static constexpr double kMinSpeed = 0.5;
    static constexpr double kMaxSpeed = 2.0;
    static constexpr double kSpeedEpsilon = 1e-6;
    // Plays up to this file frame and ends there as at the end of the file (a selection);
    // -1: to the end of the file. Seek afterwards: audio already read past it may be queued.
    void setEndFrame(std::int64_t frame);
    // Whether a stream is open on the device (playing, or just finishing).
    bool isStreaming() const;

    // Control thread, call often: watchdog; the failure that stopped playback, if any.
    std::optional<Error> poll();
    bool nextEvent(EngineEvent& event);

    bool isPlaying() const;  // any thread
    bool isFinished() const; // any thread: the last frame has been heard
    // The file frame being heard now: frames consumed minus the output latency, mapped to
    // file time (see PlaybackPosition). Any thread.
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
    Status openStream();
    void closeOpenStream(StopMode mode);
    void finishPendingSeek();
    std::shared_ptr<PlayerState> state_;
};

} // namespace tapedeck
