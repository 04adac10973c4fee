#pragma once

#include "core/loudness/LoudnessSource.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;

namespace tapedeck {

// EBU R128 loudness beside the dBFS meter, while a take records or a file plays: momentary
// (M, 400 ms), short-term (S, 3 s) and integrated (I: the take's so far, or the whole
// file's), in LUFS. It reads its LoudnessSource (a LiveLoudness filled on the disk-writer
// thread, or a PlaybackLoudness) at 10 Hz, and keeps the last figures when the take ends or
// playback stops. Figures the standard does not define yet (the first 400 ms, the first 3 s,
// silence) show as a dash. GUI thread only.
class LoudnessReadout : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 100;   // EBU Tech 3341: a live meter updates at 10 Hz or more
    static constexpr int kSpacing = 16;      // pixels between the figures
    static constexpr int kLargeSpacing = 28; // on the recording screen

    // `large`: the recording screen's size, readable from across a room.
    explicit LoudnessReadout(QWidget* parent = nullptr, bool large = false);

    // What the integrated figure covers (its tooltip says so).
    enum class Scope { TakeSoFar, WholeFile };

    // A take starts, or a file plays: read these figures until stop(). nullptr: clear and
    // stop.
    void setSource(std::shared_ptr<const LoudnessSource> source, Scope scope = Scope::TakeSoFar);
    // The take ended or playback stopped: keep the last figures, stop reading.
    void stop();
    bool isRunning() const { return timer_.isActive(); }

    // Reads the source now (the timer calls this).
    void refresh();

    // "−23.0": LUFS with a real minus sign, "—" when there is no figure.
    static QString formatLufs(const std::optional<double>& lufs);

    QString momentaryText() const;
    QString shortTermText() const;
    QString integratedText() const;

private:
    void show(const LoudnessFigures& figures);

    std::shared_ptr<const LoudnessSource> source_;
    QTimer timer_;
    QLabel* momentary_;
    QLabel* shortTerm_;
    QLabel* integrated_;
};

} // namespace tapedeck
