#pragma once

#include "core/devices/AudioSystem.h"
#include "ui/devices/DeviceChoice.h"
#include "ui/devices/SecondInputChoice.h"
#include "ui/dialogs/UserMessage.h"
#include "ui/meters/MeterReading.h"
#include "ui/recording/DiskSpaceMonitor.h"
#include "ui/recording/TakeOptions.h"
#include "ui/session/EngineBridge.h"
#include "ui/session/TransportState.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace tapedeck {

class LiveLoudness;
class LoudnessSource;
class PlaybackLoudness;

class Settings;
class WaveformSummary;

// What the window is doing: the audio system, the open file or the take being recorded,
// and the transport state. Turns transport commands into engine calls through the
// EngineBridge, names takes in the recordings folder, and reports everything the window
// shows as signals. Holds the logic so MainWindow only wires. GUI thread only.
class Session : public QObject {
    Q_OBJECT
public:
    static constexpr int kDiskCheckIntervalMs = 2000;
    // How long a burst of hot-plug events may take before the device lists are refreshed.
    static constexpr int kHotplugSettleMs = 150;
    static constexpr int kFallbackSampleRate = 48000; // when neither choice nor device says

    // "48000 Hz, stereo, WAV 24-bit". Any thread.
    static QString describeStream(int sampleRate, int channels, const QString& format);

    explicit Session(Settings& settings, QObject* parent = nullptr);
    ~Session() override;

    // Starts PortAudio and scans the devices. Reports a failure as an error; the window
    // keeps working and Refresh Devices tries again. An open file gets its player.
    void startAudio();
    bool hasAudio() const { return audio_ != nullptr; }
    std::vector<DeviceInfo> devices() const;
    // The sound server the devices come from; empty when none answered.
    QString soundServer() const;
    // How streams reach that server (by device name, only its defaults, or none).
    ServerAccess serverAccess() const;
    // The level of the input in use (the take's, else the chosen one) on the sound server,
    // 1.0 being its normal level; negative where the server cannot set it.
    double inputVolume() const;
    // Sets that level on the sound server; inputVolumeChanged() follows when the server has
    // taken it.
    void setInputVolume(double fraction);
    // Why the device cannot run with this format, or nothing if it can.
    std::optional<QString> checkFormat(const DeviceInfo& device, Direction direction, int channels,
                                       int sampleRate) const;

    TransportState state() const { return state_; }
    const QString& currentPath() const { return path_; }
    QString recordingFolder() const;
    const DeviceChoice& deviceChoice() const { return choice_; }
    // The take running now (its device, rate and channels), or null.
    const Recorder* recorder() const { return bridge_.recorder(); }
    // The engine, read-only (tests).
    const EngineBridge& engine() const { return bridge_; }

    void record();
    // A take that stops after `seconds` whatever the take options say (a scheduled take's
    // length); the take options are left as they are.
    void recordFor(double seconds);
    void play();
    void pause();
    void stop();
    void goToStart();
    void goToEnd();
    void seek(std::int64_t frame);
    void setLoop(bool loop);
    // Playback speed, 0.5 to 2 at the same pitch, for this file and the next ones opened.
    // Positions stay in file time.
    void setPlaybackSpeed(double speed) { bridge_.setPlaybackSpeed(speed); }
    double playbackSpeed() const { return bridge_.playbackSpeed(); }
    // The selected span of the open file, [start, end) in frames; start < 0 or start >= end:
    // none. With a selection, Play plays it (from its start, or from inside it) and stops at
    // its end, and Loop repeats it.
    void setSelection(std::int64_t start, std::int64_t end);
    bool hasSelection() const { return selectionStart_ >= 0; }
    std::int64_t selectionStart() const { return selectionStart_; }
    std::int64_t selectionEnd() const { return selectionEnd_; }
    // The open file's sample rate (0 until its header has been read).
    int documentRate() const { return documentRate_; }
    // Opens a file for viewing and playback. Refused while recording, or when the file does
    // not exist or cannot be played. Without a sound device the file still opens (Play
    // then says why it cannot play).
    bool openFile(const QString& path);
    // File › Close: closes the open file (its player too) and returns to no file. Refused
    // while recording, and when nothing is open.
    bool closeFile();
    // A file was renamed on disk (sidecars too) from `from` to `to`: Open Recent follows,
    // and so does the open file if it was that one (documentRenamed). Not while recording.
    void followRename(const QString& from, const QString& to);
    // The open file's length and format, once its header has been read (by the waveform
    // document): position and meters work before any player is open.
    void setDocumentFormat(std::int64_t frames, int sampleRate, int channels);
    // Replaces how free disk space is measured (tests).
    void setDiskSpaceMeasure(DiskSpaceFn measure);
    // Measures the time left on disk now and reports it (and, while recording, warns once
    // when it runs low). While recording, the disk timer calls it every kDiskCheckIntervalMs.
    void updateDiskTimeLeft();
    void refreshDevices();
    void setDeviceChoice(const DeviceChoice& choice);
    // The "Also record" input: recorded together with the main input into one take (a
    // call), in this layout. Nothing (an empty device): one input. Takes and monitoring
    // opened from now on use it; a take running keeps its own.
    void setSecondInput(const SecondInputChoice& choice);
    const SecondInputChoice& secondInput() const { return second_; }
    void setRecordingFolder(const QString& path);

    // Monitor input: the input stream runs without a take, so the meters show live levels
    // and Record keeps the pre-roll. Off until asked for (an idle window holds no stream).
    void setMonitoring(bool on);
    bool isMonitoring() const { return monitoring_; }
    void setTakeOptions(const TakeOptions& options);
    const TakeOptions& takeOptions() const { return takeOptions_; }
    // Recording: whether the take is paused (pause() toggles it) or still waits for sound.
    bool isTakePaused() const { return bridge_.isTakePaused(); }
    bool isWaitingForSound() const { return bridge_.isWaitingForSound(); }
    // M: a marker named `name` at the take's newest frame, or at the playback position.
    void addMarker(const QString& name);

signals:
    // Monitor input turned on or off (also by itself: Play, a failure, a device change).
    void monitoringChanged(bool on);
    void takePausedChanged(bool paused);
    // A sound-activated take's wait ended: the sound came and the take records (the wait
    // begins with stateChanged(Recording) while isWaitingForSound()).
    void soundArrived();
    // A marker was added. `saveToFile`: the file must still get it (a take saves its own).
    void markerAdded(const tapedeck::Marker& marker, bool saveToFile);
    void stateChanged(tapedeck::TransportState state);
    // The open file or the take being recorded changed (empty: nothing).
    void documentChanged(const QString& path);
    // The open file is the same file under a new name (renamed in the takes list): whatever
    // holds its path follows; nothing is read again.
    void documentRenamed(const QString& from, const QString& to);
    void devicesChanged();
    void errorOccurred(const tapedeck::UserMessage& text);
    // Something to know before it becomes an error (the disk is nearly full).
    void warningOccurred(const tapedeck::UserMessage& text);
    void errorCleared();
    void statusMessage(const QString& text);
    // `length` is -1 while recording (the take is still growing).
    void positionChanged(qint64 frame, qint64 length, int sampleRate);
    // "48000 Hz, stereo, WAV 24-bit"
    void streamDescriptionChanged(const QString& text);
    void countsChanged(qint64 dropouts, qint64 xruns);
    // While recording: audio was lost at this frame of the take.
    void dropoutMarked(qint64 frame);
    // Recording time left on the recordings folder's disk; negative if unknown.
    void diskTimeLeftChanged(double seconds);
    void levelsChanged(const tapedeck::MeterReading& reading);
    // One meter of this many channels (one input, or playback).
    void meterChannelsChanged(int channels);
    // A meter per input, with each input's name and channel count (a take of two inputs,
    // while it runs or waits to be recorded).
    void meterInputsChanged(const QStringList& names, const std::vector<int>& channels);
    // One of two inputs is gone (0: the main one, 1: the second); its meter stays, silent.
    void meterInputLost(int input);
    // The input's level on the sound server changed, here or in another program (see
    // inputVolume()); negative: it cannot be set.
    void inputVolumeChanged(double fraction);
    void recentFilesChanged();
    // A take was finalized at this path (the file is complete).
    void takeSaved(const QString& path);
    // A take started: its waveform, filled by the disk-writer thread as samples reach the
    // file (read it from the GUI thread only through WaveformSummary's reader methods).
    // A take's live loudness, fed by the disk-writer thread (nullptr: this take has none).
    void liveLoudnessStarted(std::shared_ptr<const tapedeck::LiveLoudness> loudness);
    // Playback started: the loudness at the frame being heard, and the whole file's.
    void playbackLoudnessStarted(std::shared_ptr<const tapedeck::LoudnessSource> loudness);
    void liveSummaryStarted(std::shared_ptr<const tapedeck::WaveformSummary> summary,
                            int sampleRate);

private:
    // A path for the status bar: the home folder as "~".
    static QString displayPath(const QString& path);
    void setState(TransportState state);
    Status openPlayer(const QString& path, std::int64_t startFrame);
    // Opens the player when there is none (or it is stale); reports why it cannot.
    bool ensurePlayer();
    // Gives the player the selection as its play range (or the whole file), keeping the
    // position `at` when it is inside the range, else moving to the range's start.
    void applyPlayRange(std::int64_t at);
    void finishTake(const QString& path);
    // A file that failed to open leaves Open Recent.
    void forgetRecentFile(const QString& path);
    void onRecordingFailed(const QString& path, const UserMessage& text);
    void onPlaybackFailed(const UserMessage& text);
    void onPlaybackFinished();
    void report(const UserMessage& text);
    // Shows an error when the scan found nothing; true if it did.
    bool reportIfNoDevices();
    // A device was plugged in or removed: the lists are asked for again (safe while a take
    // runs; the take notices its own device going).
    void onServerDevicesChanged();
    // The device a take lost is listed again: the banner about it goes.
    void noticeLostDeviceBack();
    int plannedSampleRate() const;
    RecordSettings takeSettings(const QString& path) const;
    // Opens the monitoring stream (when monitoring is on and nothing records or plays).
    void openMonitor();
    void onTakeEnded(const QString& path);
    int plannedChannels() const;
    // The channels of the take's file: the main input's, or two with a second input.
    int plannedFileChannels() const;
    // Says what the chosen input is now: its level on the server, and, while nothing streams,
    // its channel count to the meter (bars before any level arrives).
    void reportInput();
    // The device a take would record from (or records from now), or null.
    const DeviceInfo* inputInUse() const;
    // The second input a take would record from (or records from now), or null.
    const DeviceInfo* secondInputInUse() const;
    // Tells the meters what they measure: `channels` of one input, or, with a second input
    // in use, a meter per input.
    void reportMeters(int channels);
    // One input of a two-input take was lost: the take goes on with the other; says so.
    void onInputLost(int input);

    Settings& settings_;
    // Before audio_, so it outlives the device watcher that starts it from libpulse's thread.
    QTimer hotplugTimer_;
    std::unique_ptr<AudioSystem> audio_;
    std::optional<UserMessage> audioError_; // why PortAudio did not start
    EngineBridge bridge_;
    DeviceChoice choice_;
    SecondInputChoice second_;
    TransportState state_ = TransportState::NoFile;
    QString path_;
    bool playerStale_ = false;     // the output choice changed since the player was opened
    std::int64_t resumeFrame_ = 0; // where Play starts when the player must be (re)opened
    std::int64_t documentFrames_ = 0;
    std::int64_t selectionStart_ = -1;
    std::int64_t selectionEnd_ = -1;
    int documentRate_ = 0;
    bool monitoring_ = false;
    TakeOptions takeOptions_;
    double lengthForThisTake_ = 0; // recordFor()'s length while it starts the take; 0: none
    // The device whose unplugging ended the last take, while the banner says so.
    std::optional<DeviceInfo> lostDevice_;
    // The waveform the monitoring stream's take will grow (made when the stream opens).
    std::shared_ptr<WaveformSummary> monitorSummary_;
    // Its loudness, fed beside it on the disk-writer thread once the take writes.
    std::shared_ptr<LiveLoudness> monitorLoudness_;
    // The open file's loudness while it plays (made at the first Play, dropped with the
    // player, so a file written anew is measured anew).
    std::shared_ptr<PlaybackLoudness> playbackLoudness_;
    QTimer diskTimer_;
    DiskSpaceMonitor disk_;
};

} // namespace tapedeck
