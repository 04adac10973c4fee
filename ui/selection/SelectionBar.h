#pragma once

#include <QWidget>

#include <cstdint>
#include <optional>

class QLabel;
class QLineEdit;

namespace tapedeck {

// The selection's start, end and length under the waveform, each a field that can be typed
// into ("1:02.500", "62.5"). Typing start or end moves that edge; typing the length moves the
// end. Empty fields mean nothing is selected; typing a start and an end makes a selection.
// GUI thread only.
class SelectionBar : public QWidget {
    Q_OBJECT
public:
    explicit SelectionBar(QWidget* parent = nullptr);

    // Shows this selection (start < 0: none) of a file of `frames` frames at `sampleRate`.
    void setSelection(std::int64_t start, std::int64_t end, std::int64_t frames, int sampleRate);

    // "1:02.500": minutes, seconds and milliseconds; hours when needed.
    static QString formatTime(double seconds);
    // Reads "1:02:03.5", "2:03.5", "62.5" (seconds); nothing for anything else.
    static std::optional<double> parseTime(const QString& text);

    QLineEdit* startField() const { return start_; }
    QLineEdit* endField() const { return end_; }
    QLineEdit* lengthField() const { return length_; }

signals:
    // The person typed a new selection.
    void selectionEdited(std::int64_t start, std::int64_t end);

private:
    void onEdited(QLineEdit* field);
    void showValues();

    QLineEdit* start_;
    QLineEdit* end_;
    QLineEdit* length_;
    std::int64_t selStart_ = -1;
    std::int64_t selEnd_ = -1;
    std::int64_t frames_ = 0;
    int rate_ = 0;
};

} // namespace tapedeck
