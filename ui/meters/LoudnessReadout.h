#pragma once

#include "core/loudness/LiveLoudness.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;

namespace tapedeck {

// EBU R128 loudness while a take records, beside the dBFS meter: momentary (M, 400 ms),
// short-term (S, 3 s) and the take's integrated loudness so far (I), in LUFS. It reads a
// LiveLoudness (filled on the disk-writer thread) at 10 Hz while a take runs, and keeps the
// last figures when the take ends. Figures the standard does not define yet (the first
// 400 ms, the first 3 s, silence) show as a dash. GUI thread only.
class LoudnessReadout : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 100;   // the momentary figure moves in 100 ms steps
    static constexpr int kSpacing = 16;      // pixels between the figures
    static constexpr int kLargeSpacing = 28; // on the recording screen

    // `large`: the recording screen's size, readable from across a room.
    explicit LoudnessReadout(QWidget* parent = nullptr, bool large = false);

    // A take starts: read these figures until stop(). nullptr: clear and stop.
    void setSource(std::shared_ptr<const LiveLoudness> source);
    // The take ended: keep the last figures, stop reading.
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
    void show(const LiveLoudness::Figures& figures);

    std::shared_ptr<const LiveLoudness> source_;
    QTimer timer_;
    QLabel* momentary_;
    QLabel* shortTerm_;
    QLabel* integrated_;
};

} // namespace tapedeck
