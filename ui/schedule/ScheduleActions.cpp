#include "ui/schedule/ScheduleActions.h"

#include "ui/recording/RecordingFolder.h"
#include "ui/recording/SleepInhibitor.h"
#include "ui/schedule/ScheduleDialog.h"
#include "ui/schedule/ScheduledTake.h"
#include "ui/session/Session.h"
#include "ui/window/StatusReporter.h"

#include "core/io/FileFormat.h"
#include "core/recording/TakeSchedule.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <utility>

namespace tapedeck {

ScheduleActions::ScheduleActions(QMainWindow& window, Session& session, StatusReporter& status)
    : QObject(&window), window_(window), session_(session), status_(status) {
    inhibitor_ = new SleepInhibitor(this);
    take_ = new ScheduledTake(session_, *inhibitor_, this);
    action_ = new QAction(this);
    connect(action_, &QAction::triggered, this, &ScheduleActions::onTriggered);

    countdown_ = new QLabel(&window);
    countdown_->setAccessibleName(tr("Scheduled recording"));
    countdown_->hide();
    window.statusBar()->addPermanentWidget(countdown_);

    connect(take_, &ScheduledTake::pendingChanged, this, &ScheduleActions::onPendingChanged);
    connect(take_, &ScheduledTake::countdownChanged, countdown_, &QLabel::setText);
    connect(take_, &ScheduledTake::missed, &status_, &StatusReporter::showErrorLine);
    connect(inhibitor_, &SleepInhibitor::unavailable, &status_, &StatusReporter::showMessage);
    onPendingChanged(false);
}

void ScheduleActions::onTriggered() {
    if (take_->isPending()) {
        take_->cancel();
        status_.showMessage(tr("The scheduled recording was cancelled; nothing was recorded."));
        return;
    }
    openDialog();
}

bool ScheduleActions::confirmClose() {
    if (!take_->isPending())
        return true;
    QMessageBox question(QMessageBox::Question, tr("Quit Tapedeck?"),
                         tr("A take is scheduled to start at %1.")
                             .arg(QString::fromStdString(localTimeText(take_->start()))),
                         QMessageBox::NoButton, &window_);
    question.setObjectName(QStringLiteral("QuitWhileScheduledQuestion"));
    question.setInformativeText(tr("Quitting cancels it: nothing will be recorded."));
    QPushButton* quit = question.addButton(tr("Quit and Cancel the Take"), QMessageBox::AcceptRole);
    QPushButton* stay = question.addButton(tr("Keep Tapedeck Open"), QMessageBox::RejectRole);
    question.setDefaultButton(stay);
    question.exec();
    if (question.clickedButton() != quit)
        return false;
    take_->cancel();
    return true;
}

void ScheduleActions::openDialog() {
    if (dialog_) {
        dialog_->raise();
        return;
    }
    // The file a take started then would get, with the format chosen now.
    auto destination = [this](ScheduleDialog::Clock::time_point start) {
        const RecordingFolder folder(session_.recordingFolder());
        const QString extension =
            QString::fromStdString(fileExtension(session_.deviceChoice().format));
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch())
                .count());
        const QString path = folder.nextTakePath(at, extension);
        return QDir::toNativeSeparators(
            path.isEmpty() ? folder.path() + QLatin1Char('/') + tr("a new take") : path);
    };
    dialog_ = new ScheduleDialog(destination, &window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::finished, this, [this](int result) {
        ScheduleDialog* dialog = std::exchange(dialog_, nullptr);
        if (result != QDialog::Accepted)
            return;
        take_->schedule(dialog->start(), dialog->lengthSeconds());
        status_.showMessage(tr("A take will be recorded at %1.")
                                .arg(QString::fromStdString(localTimeText(dialog->start()))));
    });
    dialog_->open(); // window-modal, and the event loop goes on (the countdown, the meters)
}

void ScheduleActions::onPendingChanged(bool pending) {
    action_->setText(pending ? tr("Cancel Sc&heduled Recording") : tr("Sc&hedule Recording…"));
    action_->setToolTip(pending ? tr("Cancel the take that is waiting to start")
                                : tr("Record a take at a time you choose"));
    countdown_->setVisible(pending);
    if (!pending)
        countdown_->clear();
}

} // namespace tapedeck
