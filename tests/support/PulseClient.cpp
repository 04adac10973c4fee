#include "PulseClient.h"

#include "SoundFileIo.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QtGlobal>
#include <cstring>

namespace tapedeck::testing {

namespace {

const QString kPacat = QStringLiteral("pacat");
const QString kMonitorSource = QStringLiteral("testsink.monitor");
constexpr int kBytesPerSample = static_cast<int>(sizeof(float));
// The server-side buffer of each helper stream. Generous, so that a helper starved of CPU for
// a while on a busy machine neither runs dry nor overflows, and so that the server runs long
// cycles (a client's latency sets the cycle: 20 ms gave 256-frame cycles, and a few
// milliseconds' stall of the server then lost a whole cycle of audio). pacat's default would
// ask for seconds, which only slows the tests.
constexpr int kLatencyMs = 200;
// Unity stream volume (PA_VOLUME_NORM), whatever the server might otherwise restore.
constexpr int kUnityVolume = 65536;
constexpr int kStartTimeoutMs = 5000;
constexpr int kStopTimeoutMs = 3000;
constexpr int kPollIntervalMs = 5;

QStringList streamArguments(int channels, int sampleRate) {
    return {QStringLiteral("--raw"),
            QStringLiteral("--format=float32le"),
            QStringLiteral("--rate=%1").arg(sampleRate),
            QStringLiteral("--channels=%1").arg(channels),
            QStringLiteral("--latency-msec=%1").arg(kLatencyMs),
            QStringLiteral("--volume=%1").arg(kUnityVolume),
            QStringLiteral("--client-name=tapedeck-test-client")};
}

} // namespace

PulseClient::PulseClient() : source_(kMonitorSource) {}

PulseClient::~PulseClient() {
    stopProcess(player_);
    stopProcess(recorder_);
}

bool PulseClient::insideTestServer() {
    return qEnvironmentVariableIsSet("TAPEDECK_SOUND_SERVER_DIR") &&
           qEnvironmentVariableIsSet("PULSE_SERVER");
}

int PulseClient::playbackStreams() {
    QProcess pactl;
    pactl.start(QStringLiteral("pactl"),
                {QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sink-inputs")});
    pactl.waitForFinished();
    const QByteArray out = pactl.readAllStandardOutput().trimmed();
    return out.isEmpty() ? 0 : static_cast<int>(out.count('\n')) + 1;
}

int PulseClient::runningCaptureStreams() {
    QProcess pactl;
    pactl.start(QStringLiteral("pactl"),
                {QStringLiteral("list"), QStringLiteral("source-outputs")});
    pactl.waitForFinished();
    return static_cast<int>(pactl.readAllStandardOutput().count("Corked: no"));
}

bool PulseClient::waitForRunningCaptureStreams(int count, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (runningCaptureStreams() < count) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QThread::msleep(kPollIntervalMs * 4);
    }
    return true;
}

bool PulseClient::fail(const QString& message) {
    error_ = message;
    return false;
}

bool PulseClient::ready() {
    if (!insideTestServer()) {
        return fail(QStringLiteral("not inside the test sound server: run the test through "
                                   "tests/audio/with-sound-server.sh"));
    }
    if (!dir_.isValid()) {
        return fail(QStringLiteral("cannot create a temporary directory: ") + dir_.errorString());
    }
    return true;
}

bool PulseClient::startPacat(QProcess& process, const QStringList& arguments) {
    process.start(kPacat, arguments);
    if (!process.waitForStarted(kStartTimeoutMs)) {
        return fail(QStringLiteral("cannot run pacat: ") + process.errorString());
    }
    return true;
}

void PulseClient::stopProcess(QProcess& process) {
    if (process.state() == QProcess::NotRunning) {
        return;
    }
    // SIGTERM lets pacat close its stream cleanly; SIGKILL only if it hangs on a frozen server.
    process.terminate();
    if (!process.waitForFinished(kStopTimeoutMs)) {
        process.kill();
        process.waitForFinished(kStopTimeoutMs);
    }
}

bool PulseClient::startPlayback(std::span<const float> samples, int channels, int sampleRate) {
    if (!ready()) {
        return false;
    }
    if (isPlaying()) {
        return fail(QStringLiteral("already playing"));
    }
    // Through a file rather than stdin: a pipe would need an event loop to be fed.
    playbackPath_ = dir_.filePath(QStringLiteral("playback.f32"));
    QFile file(playbackPath_);
    const auto bytes = static_cast<qint64>(samples.size_bytes());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char*>(samples.data()), bytes) != bytes) {
        return fail(QStringLiteral("cannot write %1: %2").arg(playbackPath_, file.errorString()));
    }
    file.close();

    QStringList arguments{QStringLiteral("--playback")};
    arguments += streamArguments(channels, sampleRate);
    arguments += QStringLiteral("--stream-name=test playback");
    if (!sink_.isEmpty()) {
        arguments += QStringLiteral("--device=") + sink_;
    }
    if (!channelMap_.isEmpty()) {
        arguments += QStringLiteral("--channel-map=") + channelMap_;
    }
    arguments += playbackPath_;
    return startPacat(player_, arguments);
}

bool PulseClient::startPlaybackOfFile(const QString& path) {
    const auto buffer = readSoundFile(path.toStdString());
    if (!buffer) {
        return fail(QString::fromStdString(buffer.error().message));
    }
    return startPlayback(buffer->samples, buffer->channels, buffer->sampleRate);
}

bool PulseClient::waitForPlaybackFinished(int timeoutMs) {
    if (player_.state() == QProcess::NotRunning) {
        return true;
    }
    if (!player_.waitForFinished(timeoutMs)) {
        stopProcess(player_);
        return fail(QStringLiteral("playback did not finish within %1 ms").arg(timeoutMs));
    }
    if (player_.exitStatus() != QProcess::NormalExit || player_.exitCode() != 0) {
        return fail(QStringLiteral("pacat --playback failed: ") +
                    QString::fromLocal8Bit(player_.readAllStandardError()).trimmed());
    }
    return true;
}

bool PulseClient::isPlaying() {
    // Without an event loop, QProcess learns that its child exited only while waiting.
    player_.waitForFinished(0);
    return player_.state() != QProcess::NotRunning;
}

bool PulseClient::play(std::span<const float> samples, int channels, int sampleRate,
                       int timeoutMs) {
    return startPlayback(samples, channels, sampleRate) && waitForPlaybackFinished(timeoutMs);
}

bool PulseClient::playFile(const QString& path, int timeoutMs) {
    return startPlaybackOfFile(path) && waitForPlaybackFinished(timeoutMs);
}

bool PulseClient::startRecording(int channels, int sampleRate) {
    if (!ready()) {
        return false;
    }
    if (recorder_.state() != QProcess::NotRunning) {
        return fail(QStringLiteral("already recording"));
    }
    recordingPath_ = dir_.filePath(QStringLiteral("recording.f32"));
    QFile::remove(recordingPath_);
    recordChannels_ = channels;
    recordRate_ = sampleRate;
    recorder_.setStandardOutputFile(recordingPath_, QIODevice::Truncate);

    QStringList arguments{QStringLiteral("--record")};
    arguments += streamArguments(channels, sampleRate);
    arguments += QStringLiteral("--stream-name=test recording");
    arguments += QStringLiteral("--device=") + source_;
    if (!startPacat(recorder_, arguments)) {
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (recordedFrames() == 0) {
        if (recorder_.waitForFinished(kPollIntervalMs)) {
            return fail(QStringLiteral("pacat --record exited: ") +
                        QString::fromLocal8Bit(recorder_.readAllStandardError()).trimmed());
        }
        if (timer.elapsed() > kStartTimeoutMs) {
            stopProcess(recorder_);
            return fail(QStringLiteral("no samples from %1 within %2 ms")
                            .arg(source_)
                            .arg(kStartTimeoutMs));
        }
    }
    return true;
}

int64_t PulseClient::recordedFrames() const {
    if (recordChannels_ <= 0 || recordingPath_.isEmpty()) {
        return 0;
    }
    return QFileInfo(recordingPath_).size() / (kBytesPerSample * recordChannels_);
}

bool PulseClient::waitForFurtherFrames(int64_t frames, int timeoutMs) {
    return waitForRecordedFrames(recordedFrames() + frames, timeoutMs);
}

bool PulseClient::waitForRecordedFrames(int64_t frames, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (recordedFrames() < frames) {
        if (recorder_.state() == QProcess::NotRunning || recorder_.waitForFinished(0)) {
            return fail(QStringLiteral("not recording"));
        }
        if (timer.elapsed() > timeoutMs) {
            return fail(QStringLiteral("only %1 of %2 frames recorded within %3 ms")
                            .arg(recordedFrames())
                            .arg(frames)
                            .arg(timeoutMs));
        }
        QThread::msleep(kPollIntervalMs);
    }
    return true;
}

std::optional<AudioBuffer> PulseClient::stopRecording() {
    if (recordingPath_.isEmpty()) {
        fail(QStringLiteral("not recording"));
        return std::nullopt;
    }
    stopProcess(recorder_);
    QFile file(recordingPath_);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot read %1: %2").arg(recordingPath_, file.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    AudioBuffer buffer;
    buffer.channels = recordChannels_;
    buffer.sampleRate = recordRate_;
    // pacat may be stopped in the middle of a frame; keep whole frames only.
    const qsizetype frameBytes = static_cast<qsizetype>(kBytesPerSample) * recordChannels_;
    const qsizetype usable = bytes.size() / frameBytes * frameBytes;
    buffer.samples.resize(static_cast<size_t>(usable / kBytesPerSample));
    std::memcpy(buffer.samples.data(), bytes.constData(), static_cast<size_t>(usable));
    recordingPath_.clear();
    return buffer;
}

std::optional<AudioBuffer> PulseClient::record(int64_t frames, int channels, int sampleRate,
                                               int timeoutMs) {
    if (!startRecording(channels, sampleRate)) {
        return std::nullopt;
    }
    if (!waitForRecordedFrames(frames, timeoutMs)) {
        const QString error = error_;
        stopRecording();
        error_ = error;
        return std::nullopt;
    }
    auto buffer = stopRecording();
    if (buffer) {
        buffer->samples.resize(static_cast<size_t>(frames * channels));
    }
    return buffer;
}

} // namespace tapedeck::testing
