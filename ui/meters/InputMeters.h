#pragma once

#include "ui/meters/MeterReading.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;

namespace tapedeck {

class LevelMeter;

// The meter panel: one level meter per input. A take of one input (or a file playing) has
// one meter and no label; a take of two inputs (a call: the microphone and what the computer
// plays) has a meter for each, labelled with the input's name, so each side can be watched
// on its own. GUI thread only.
class InputMeters : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxInputs = 2;

    explicit InputMeters(QWidget* parent = nullptr);

    // One meter of `channels` bars, without a label (one input, or playback).
    void showOne(int channels);
    // A meter per input, labelled with its name, with that many bars until levels arrive
    // (each input's own channel count). At most kMaxInputs; fewer than two: as showOne().
    void showInputs(const QStringList& names, const std::vector<int>& channels);
    // Levels of one input (reading.input), as the engine measured them.
    void addLevels(const MeterReading& reading);
    // Silence on every meter (the clip lights stay until clicked).
    void reset();
    // The input went away during the take: its meter stays, silent, and its label says so.
    void markLost(int input);

    int inputCount() const { return inputs_; }
    LevelMeter* meter(int input) const { return meters_[static_cast<std::size_t>(input)]; }
    // The name shown above an input's meter (empty with one input).
    QString inputName(int input) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showNames();

    int inputs_ = 1;
    QStringList names_; // as shown: "Headset Mic", or "Headset Mic (lost)"
    std::vector<LevelMeter*> meters_;
    std::vector<QLabel*> labels_;
};

} // namespace tapedeck
