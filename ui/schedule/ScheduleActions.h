#pragma once

#include <QObject>

class QAction;
class QLabel;
class QMainWindow;

namespace tapedeck {

class ScheduleDialog;
class ScheduledTake;
class Session;
class SleepInhibitor;
class StatusReporter;

// The window's part in a scheduled take: the Schedule Recording… action (Cancel Scheduled
// Recording while one waits), its dialog, the countdown on the status bar, and what the
// status line says when the take is scheduled, cancelled, starts or cannot start. The device
// pickers and everything else keep working while it waits. GUI thread only.
class ScheduleActions : public QObject {
    Q_OBJECT
public:
    // All of these outlive this object.
    ScheduleActions(QMainWindow& window, Session& session, StatusReporter& status);

    // For the Transport menu.
    QAction* action() const { return action_; }

    // Closing the window cancels a take still waiting to start: asks first. True when the
    // window may close (nothing waits, or the person said so).
    bool confirmClose();

    // For tests.
    ScheduledTake* scheduledTake() const { return take_; }
    QLabel* countdownLabel() const { return countdown_; }
    // The dialog while it is open, else null.
    ScheduleDialog* dialog() const { return dialog_; }

private:
    void onTriggered();
    void openDialog();
    void onPendingChanged(bool pending);

    QMainWindow& window_;
    Session& session_;
    StatusReporter& status_;
    SleepInhibitor* inhibitor_ = nullptr;
    ScheduledTake* take_ = nullptr;
    QAction* action_ = nullptr;
    QLabel* countdown_ = nullptr;
    ScheduleDialog* dialog_ = nullptr;
};

} // namespace tapedeck
