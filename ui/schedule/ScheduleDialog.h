#pragma once

#include <QDialog>
#include <QString>

#include <chrono>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tapedeck {

// Transport › Schedule Recording…: when a take is to start, and for how long. The start is a time
// of day
// ("14:30", today) or a date and time ("2026-12-04 14:30"), the length "90s", "45m", "1h30m"
// or empty (until Stop), as the command line's --start-at and --duration take them. A line
// below says when that is and how long from now, and another where the take will be saved.
// A start already past is refused with a plain message; it is never taken to mean tomorrow.
// GUI thread only.
class ScheduleDialog : public QDialog {
    Q_OBJECT
public:
    using Clock = std::chrono::system_clock;
    using Now = std::function<Clock::time_point()>;
    // The file a take started at that time would be saved as.
    using Destination = std::function<QString(Clock::time_point start)>;

    // The default start is five minutes from now, on the minute.
    explicit ScheduleDialog(Destination destination, QWidget* parent = nullptr,
                            Now now = &Clock::now);

    // What was accepted (valid once accept() has closed the dialog).
    Clock::time_point start() const { return start_; }
    double lengthSeconds() const { return lengthSeconds_; } // 0: until Stop

    // Checks the fields again (time moves on while the dialog is open) and closes only when
    // the start is ahead and the length can be read.
    void accept() override;

    // For tests.
    QLineEdit* startField() const { return startField_; }
    QLineEdit* lengthField() const { return lengthField_; }
    QLabel* whenLabel() const { return when_; }
    QLabel* destinationLabel() const { return destination_; }
    QPushButton* scheduleButton() const { return scheduleButton_; }

private:
    // Reads both fields into start_ and lengthSeconds_; false with `problem` set when they
    // cannot be used.
    bool read(QString& problem);
    void refresh();

    Destination destinationFor_;
    Now now_;
    QLineEdit* startField_ = nullptr;
    QLineEdit* lengthField_ = nullptr;
    QLabel* when_ = nullptr;
    QLabel* destination_ = nullptr;
    QPushButton* scheduleButton_ = nullptr;
    Clock::time_point start_;
    double lengthSeconds_ = 0;
};

} // namespace tapedeck
