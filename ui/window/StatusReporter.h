#pragma once

#include "ui/dialogs/UserMessage.h"
#include "ui/session/TransportState.h"

#include <QObject>
#include <QString>

class QMainWindow;

namespace tapedeck {

class ErrorBanner;
class Session;
class StatusLine;
class StatusPanel;

// What the window tells the person, and where: passing messages and errors in the status
// line, errors and warnings also in the banner above the waveform, and the session's
// position, format, transport state, dropout counts and disk time left in the status panel.
// Puts the status panel and the status line on the window's status bar. GUI thread only.
class StatusReporter : public QObject {
    Q_OBJECT
public:
    // How long a passing message stays in the status line.
    static constexpr int kMessageMs = 8000;

    StatusReporter(QMainWindow& window, Session& session, ErrorBanner& banner,
                   QObject* parent = nullptr);

    // A passing message, gone after kMessageMs.
    void showMessage(const QString& text);
    // An error in the banner and the status line; cleared with the session's error.
    void showError(const tapedeck::UserMessage& text);
    // Something to know before it becomes an error: the banner's warning and a message.
    void showWarning(const tapedeck::UserMessage& text);
    // An error for the status line alone (nothing for the banner to offer).
    void showErrorLine(const QString& text);

    StatusPanel* panel() const { return panel_; }
    StatusLine* line() const { return line_; }

private:
    void connectSession();
    void followState(TransportState state);

    Session& session_;
    ErrorBanner& banner_;
    StatusPanel* panel_ = nullptr;
    StatusLine* line_ = nullptr;
};

} // namespace tapedeck
