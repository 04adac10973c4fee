#pragma once

#include "core/playback/Player.h"
#include "core/recording/Recorder.h"
#include "ui/dialogs/UserMessage.h"
#include "ui/meters/MeterReading.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace tapedeck {

// The one object between the engine and the widgets. Owns the Recorder or the Player,
// polls it on a QTimer at the window's frame rate, drains its event queue, and turns what
// it finds into Qt signals: levels, dropout/xrun counts, position, end of file, and errors
// in plain language. GUI thread only (the engine's control thread is the GUI thread).
class EngineBridge : public QObject {
    Q_OBJECT
public:
    static constexpr int kPollIntervalMs = 30; // about 33 polls a second
    static constexpr int kMaxInputs = 2;       // a take records one input or two

    explicit EngineBridge(QObject* parent = nullptr);
    ~EngineBridge() override; // stops whatever runs

    // Starts a take. Any open player is closed first. `onSamplesWritten` (e.g. a live
    // waveform) runs on the disk-writer thread. While monitoring, the take begins on the
    // monitoring stream with its pre-roll (or waits for sound, with startAboveDbfs), and
    // `onSamplesWritten` is the one given to startMonitoring().
    Status startRecording(AudioSystem& system, const RecordSettings& settings,
                          SamplesWrittenFn onSamplesWritten = {});
    // Opens the input stream without a take ("monitoring"): levels arrive, and the last
    // settings.preRollSeconds are kept for the take a later startRecording() begins on this
    // same stream (a second stream during a take can glitch it). Any open player is closed.
    Status startMonitoring(AudioSystem& system, const RecordSettings& settings,
                           SamplesWrittenFn onSamplesWritten = {});
    // Closes a monitoring stream (not a take).
    void stopMonitoring();
    bool isMonitoring() const {
        return recorder_ != nullptr && !recorder_->hasTake() && !recorder_->isWaitingForSound();
    }
    // Recording: waiting for the sound that starts the take (startAboveDbfs).
    bool isWaitingForSound() const { return recorder_ && recorder_->isWaitingForSound(); }
    // The take: pause/resume (a "Paused" marker at the join), and a marker now.
    void setTakePaused(bool paused);
    bool isTakePaused() const { return recorder_ && recorder_->isPaused(); }
    std::optional<Marker> addTakeMarker(const std::string& name);

    // Opens a file for playback (paused at the start). Any open player is closed first.
    Status openPlayer(AudioSystem& system, const PlaySettings& settings);

    // Starts or resumes playback; says why it cannot.
    Status play();
    void pause();
    void seek(std::int64_t frame);
    void setLoop(bool loop) { loop_ = loop; }
    // Playback speed, same pitch (see Player::setSpeed); kept for every player opened later.
    void setPlaybackSpeed(double speed);
    double playbackSpeed() const { return speed_; }
    // Playback runs from..to (a selection): it ends at `to` as at the end of the file, and a
    // loop goes back to `from`. (0, -1): the whole file. Seek afterwards.
    void setPlayRange(std::int64_t from, std::int64_t to);
    std::int64_t playRangeStart() const { return rangeFrom_; }
    std::int64_t playRangeEnd() const; // the file's length when no range is set

    // Recording: stops and finalizes the take; playback: pauses and goes back to the start.
    // Returns the take's first error, if any (the file still keeps every sample).
    Status stop();
    // Closes the player and releases the output device.
    void closePlayer();

    // A take runs (or waits for its sound): not just monitoring.
    bool isRecording() const { return recorder_ != nullptr && !isMonitoring(); }
    bool hasPlayer() const { return player_ != nullptr; }
    bool isPlaying() const;
    const Recorder* recorder() const { return recorder_.get(); }
    const Player* player() const { return player_.get(); }

    // The device the last take recorded from, when the take ended because the device went
    // away (unplugged); nothing otherwise.
    const std::optional<DeviceInfo>& lostDevice() const { return lostDevice_; }
    // Samples of the running take, or of the last one, that reached full scale.
    std::int64_t takeClippedSamples() const { return clippedSamples_; }

    // Frames of the take so far, or the playback position.
    std::int64_t position() const;
    // Frames in the open file (0 while recording).
    std::int64_t length() const;
    int sampleRate() const;
    int channels() const;

    // Drains the event queue and polls the engine once (the timer calls this).
    void pollNow();

signals:
    void levelsChanged(const tapedeck::MeterReading& reading);
    void positionChanged(qint64 frame);
    void countsChanged(qint64 dropouts, qint64 xruns);
    // While recording: audio was lost at this frame of the take (the disk fell behind, or
    // the device reported an overflow). Events the queue could not hold are only counted.
    void dropoutAt(qint64 frame);
    void playbackFinished();
    // The take ended on its own (device lost, disk full…). The file is finalized.
    void recordingFailed(const QString& path, const tapedeck::UserMessage& text);
    // Playback stopped on a failure; the player is closed.
    void playbackFailed(const tapedeck::UserMessage& text);
    // A sound-activated take began (its file now exists).
    void takeStarted();
    // The take clipped for the first time; `marker` ("Clip") is at the first clipped sample.
    void clipped(const tapedeck::Marker& marker);
    // The take ended by itself (its length, or the silence after it). The file is final.
    void takeEnded(const QString& path);
    // A take (or the monitoring stream) of two inputs lost one of them (0: the main input,
    // 1: the second) and goes on with the other; the lost side holds silence from here on.
    void inputLost(int input);
    // The monitoring stream failed; it is closed.
    void monitoringFailed(const tapedeck::UserMessage& text);

private:
    template <typename Engine> void drain(Engine& engine);
    void updateTimer();
    // A take: its clipped-sample count, and clipped() once its first clip is marked.
    void followClips();

    std::unique_ptr<Recorder> recorder_;
    std::unique_ptr<Player> player_;
    double speed_ = 1.0;
    QTimer timer_;
    bool loop_ = false;
    std::int64_t rangeFrom_ = 0;
    std::int64_t rangeTo_ = -1;
    bool errorEvent_ = false;
    ErrorCode errorEventCode_ = ErrorCode::StreamFailed;
    std::int64_t lastDropouts_ = -1;
    std::int64_t lastXruns_ = -1;
    std::int64_t lastPosition_ = -1;
    bool waitingForSound_ = false;
    std::int64_t clippedSamples_ = 0;
    std::optional<DeviceInfo> lostDevice_;
    bool clipReported_ = false;
};

} // namespace tapedeck
