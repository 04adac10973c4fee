#pragma once

#include "AudioBuffer.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <optional>
#include <span>

namespace tapedeck::testing {

// Another client of the test sound server, next to Tapedeck: it plays a known signal into the
// default sink while Tapedeck records, or records the sink's monitor while Tapedeck plays.
// It runs `pacat` (pulseaudio-utils) through QProcess, with its audio exchanged through
// temporary files so that no method needs a running event loop.
//
// Only works inside tests/audio/with-sound-server.sh: it refuses to run otherwise, so a test
// started by hand never plays into or records from the user's own sound session.
//
// All methods are for the test's main thread. Failures return false or nullopt and leave a
// message in errorString().
class PulseClient {
public:
    static constexpr int kDefaultTimeoutMs = 30000;

    PulseClient();
    ~PulseClient();
    PulseClient(const PulseClient&) = delete;
    PulseClient& operator=(const PulseClient&) = delete;

    // True when TAPEDECK_SOUND_SERVER_DIR and PULSE_SERVER point at a private test server.
    static bool insideTestServer();

    // Playback streams of any client that the server has open now.
    static int playbackStreams();
    // Capture streams of any client that the server runs now (opened and not corked: a stream
    // exists on the server a moment before its client starts it).
    static int runningCaptureStreams();
    // Waits until at least `count` capture streams run, so a signal played after this is
    // heard from its start however slowly the recorder started. False after `timeoutMs`.
    static bool waitForRunningCaptureStreams(int count, int timeoutMs = kDefaultTimeoutMs);

    // Playback into the default sink (or the sink set with setSink()). Returns once pacat has
    // started; the samples are played in the background.
    bool startPlayback(std::span<const float> samples, int channels, int sampleRate);
    bool startPlaybackOfFile(const QString& path);
    // Waits until every sample has been played (pacat drains its stream before exiting).
    bool waitForPlaybackFinished(int timeoutMs = kDefaultTimeoutMs);
    bool isPlaying();
    // Blocking forms of the above.
    bool play(std::span<const float> samples, int channels, int sampleRate,
              int timeoutMs = kDefaultTimeoutMs);
    bool playFile(const QString& path, int timeoutMs = kDefaultTimeoutMs);

    // Recording from testsink.monitor (or the source set with setSource()) as float32.
    // Returns once the first samples have arrived, so a signal played after this call is
    // recorded from its beginning.
    bool startRecording(int channels, int sampleRate);
    int64_t recordedFrames() const;
    bool waitForRecordedFrames(int64_t frames, int timeoutMs = kDefaultTimeoutMs);
    // Waits until `frames` more have arrived than have now: everything played before this call
    // has then passed through the server, however large its buffers, once `frames` is longer
    // than the path's latency. A test calls it before stopRecording() rather than sleeping.
    bool waitForFurtherFrames(int64_t frames, int timeoutMs = kDefaultTimeoutMs);
    // Stops recording and returns everything recorded since startRecording().
    std::optional<AudioBuffer> stopRecording();
    // Blocking: records exactly `frames` frames.
    std::optional<AudioBuffer> record(int64_t frames, int channels, int sampleRate,
                                      int timeoutMs = kDefaultTimeoutMs);

    void setSink(const QString& sinkName) { sink_ = sinkName; }
    void setSource(const QString& sourceName) { source_ = sourceName; }
    // The positions of the played channels, as pacat's --channel-map takes them
    // ("front-left,front-right,rear-left,rear-right"). Without it, pacat's default for the
    // channel count, which for 4 channels is not the quad layout of a 4-channel sink.
    void setChannelMap(const QString& channelMap) { channelMap_ = channelMap; }

    QString errorString() const { return error_; }

private:
    bool ready();
    bool startPacat(QProcess& process, const QStringList& arguments);
    bool fail(const QString& message);
    static void stopProcess(QProcess& process);

    QTemporaryDir dir_;
    QProcess player_;
    QProcess recorder_;
    QString sink_;
    QString source_;
    QString channelMap_;
    QString playbackPath_;
    QString recordingPath_;
    int recordChannels_ = 0;
    int recordRate_ = 0;
    QString error_;
};

} // namespace tapedeck::testing
