#include "ui/window/StatusReporter.h"

#include "ui/dialogs/ErrorBanner.h"
#include "ui/session/Session.h"
#include "ui/window/StatusLine.h"
#include "ui/window/StatusPanel.h"

#include <QMainWindow>
#include <QStatusBar>

namespace tapedeck {

StatusReporter::StatusReporter(QMainWindow& window, Session& session, ErrorBanner& banner,
                               QObject* parent)
    : QObject(parent), session_(session), banner_(banner) {
    panel_ = new StatusPanel(&window);
    window.statusBar()->addPermanentWidget(panel_);
    line_ = new StatusLine(window.statusBar(), panel_, this);
    connectSession();
    followState(session_.state());
}

void StatusReporter::showMessage(const QString& text) {
    line_->show(text, kMessageMs);
}

void StatusReporter::showError(const UserMessage& text) {
    banner_.showMessage(text);
    line_->showError(text.message, kMessageMs);
}

void StatusReporter::showWarning(const UserMessage& text) {
    banner_.showWarning(text);
    line_->show(text.message, kMessageMs);
}

void StatusReporter::showErrorLine(const QString& text) {
    line_->showError(text, kMessageMs);
}

void StatusReporter::followState(TransportState state) {
    panel_->setTransportState(state);
    panel_->setCountsVisible(state == TransportState::Recording);
}

void StatusReporter::connectSession() {
    connect(&session_, &Session::stateChanged, this, &StatusReporter::followState);
    connect(&session_, &Session::errorOccurred, this, &StatusReporter::showError);
    connect(&session_, &Session::errorCleared, &banner_, &QWidget::hide);
    connect(&session_, &Session::errorCleared, line_, &StatusLine::clearError);
    connect(&session_, &Session::warningOccurred, this, &StatusReporter::showWarning);
    connect(&session_, &Session::statusMessage, this,
            [this](const QString& text) { line_->show(text); });
    connect(&session_, &Session::positionChanged, panel_, &StatusPanel::setPosition);
    connect(&session_, &Session::streamDescriptionChanged, panel_,
            &StatusPanel::setStreamDescription);
    // The dropout count is the take's; playback underflows are not shown there.
    connect(&session_, &Session::countsChanged, panel_, [this](qint64 dropouts, qint64 xruns) {
        if (session_.state() == TransportState::Recording)
            panel_->setCounts(dropouts, xruns);
    });
    connect(&session_, &Session::diskTimeLeftChanged, panel_, &StatusPanel::setDiskTimeLeft);
}

} // namespace tapedeck
