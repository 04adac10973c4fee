#pragma once

#include "core/io/FileFormat.h"

#include <QWidget>

#include <cstdint>

class QLabel;

namespace tapedeck {

class LoudnessReadout;

// What a take shows while it runs, large enough to read from across a room: a red REC mark,
// the elapsed time, the size of the take, the recording time left on disk, and which inputs
// feed the take ("Stereo from inputs 1–2 of 4 · USB Interface"), and the take's loudness
// (momentary, short-term, integrated so far, in LUFS). Shown only while recording;
// it runs no timer of its own (the session's position and disk updates drive it). A take
// that waits for sound to start it shows that instead, in grey, with no time or size: it is
// not recording yet. GUI thread only.
class RecordingScreen : public QWidget {
    Q_OBJECT
public:
    // Points for the elapsed time; the size is two thirds of it.
    static constexpr int kTimePointSize = 40;
    static constexpr double kMegabyte = 1000.0 * 1000.0;

    explicit RecordingScreen(QWidget* parent = nullptr);

    // A take starts: what it records from and in which format (for its size).
    void start(const QString& inputDescription, FileFormat format, int sampleRate, int channels);
    // The take's length so far.
    void setElapsed(std::int64_t frames, int sampleRate);
    // Recording time left on the disk; negative: unknown.
    void setDiskTimeLeft(double seconds);
    // A take paused within itself: the red REC mark gives way to a grey PAUSED one, and the
    // time and size stay where they stopped. start() shows REC again.
    void setPaused(bool paused);
    bool isPaused() const { return paused_; }
    // A sound-activated take waits for its sound: "Waiting for sound above −30 dBFS" instead
    // of REC, no time or size. setWaiting(false) when the sound came: REC and the time.
    void setWaiting(bool waiting, double thresholdDbfs = 0);
    bool isWaiting() const { return waiting_; }

    // The loudness readout on the screen (Session::liveLoudnessStarted feeds it).
    LoudnessReadout* loudness() const { return loudness_; }

    // "−30", "−24.5": a level in dBFS with a real minus sign.
    static QString formatDbfs(double dbfs);

    // "41.5 MB", "1.23 GB"; `estimate`: compressed formats grow by the sound, so "about".
    static QString formatSize(double bytes, bool estimate);

    QString elapsedText() const;
    QString sizeText() const;
    QString diskText() const;
    QString inputText() const;
    QString recText() const;

private:
    QLabel* rec_;
    QLabel* elapsed_;
    QLabel* size_;
    QLabel* disk_;
    QLabel* input_;
    LoudnessReadout* loudness_;
    void showMark();

    bool paused_ = false;
    bool waiting_ = false;
    double thresholdDbfs_ = 0;
    FileFormat format_ = FileFormat::Wav24;
    int channels_ = 0;
    int sampleRate_ = 0;
};

} // namespace tapedeck
