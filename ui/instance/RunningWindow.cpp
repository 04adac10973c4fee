#include "ui/instance/RunningWindow.h"

#include "ui/dialogs/UserMessage.h"
#include "ui/session/Session.h"
#include "ui/window/MainWindow.h"
#include "ui/window/RecentFilesMenu.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusLine.h"
#include "ui/window/StatusReporter.h"

#include <QDir>
#include <QFileInfo>

namespace tapedeck {

RunningWindow::RunningWindow(QObject* parent) : QObject(parent) {}

void RunningWindow::attach(MainWindow& window, Session& session, Settings& settings) {
    window_ = &window;
    session_ = &session;
    settings_ = &settings;
}

void RunningWindow::ready() {
    ready_ = true;
    // A request may queue another while it runs: take them one at a time.
    while (!waiting_.empty()) {
        auto request = std::move(waiting_.front());
        waiting_.erase(waiting_.begin());
        request();
    }
}

void RunningWindow::whenReady(std::function<void()> request) {
    if (ready_ && window_)
        request();
    else
        waiting_.push_back(std::move(request));
}

void RunningWindow::activate(const QVariantMap& platformData) {
    whenReady([this, platformData] { raiseWindow(platformData); });
}

void RunningWindow::open(const QStringList& files, const QVariantMap& platformData, Done done) {
    whenReady([this, files, platformData, done = std::move(done)] {
        if (files.isEmpty()) {
            raiseWindow(platformData);
            done({});
            return;
        }
        const bool recording = session_->state() == TransportState::Recording;
        // Oldest first, so the last file given ends up at the top of Open Recent.
        for (qsizetype i = 0; i < files.size() - (recording ? 0 : 1); ++i) {
            if (QFileInfo(files[i]).isFile())
                settings_->addRecentFile(QFileInfo(files[i]).absoluteFilePath());
        }
        window_->recentFilesMenu()->setFiles(settings_->recentFiles());
        if (recording) {
            const QString name = QFileInfo(files.last()).fileName();
            window_->statusLine()->show(
                files.size() == 1
                    ? tr("Still recording: %1 waits in File › Open Recent.").arg(name)
                    : tr("Still recording: %1 and %2 more wait in File › Open Recent.")
                          .arg(name)
                          .arg(files.size() - 1),
                StatusReporter::kMessageMs);
        } else {
            session_->openFile(files.last());
        }
        raiseWindow(platformData);
        done({});
    });
}

void RunningWindow::toggleRecord(Done done) {
    whenReady([this, done = std::move(done)] {
        const bool wasRecording = isRecording();
        QString error;
        const auto caught =
            connect(session_, &Session::errorOccurred, this, [&error](const UserMessage& text) {
                error = text.nextStep.isEmpty() ? text.message
                                                : text.message + QLatin1Char(' ') + text.nextStep;
            });
        if (wasRecording) {
            session_->stop();
        } else {
            if (session_->state() == TransportState::Playing)
                session_->stop();
            session_->record();
        }
        disconnect(caught);
        if (isRecording() != wasRecording)
            done({});
        else
            done(error.isEmpty() ? tr("The window could not start recording now.") : error);
    });
}

bool RunningWindow::isRecording() const {
    return session_ && session_->state() == TransportState::Recording;
}

QString RunningWindow::currentFile() const {
    return session_ ? QDir::toNativeSeparators(session_->currentPath()) : QString();
}

QStringList RunningWindow::recentFiles() const {
    return settings_ ? settings_->recentFiles() : QStringList();
}

void RunningWindow::raiseWindow(const QVariantMap& platformData) {
    // On Wayland only a token from the launcher lets a window take the focus; Qt's
    // requestActivate() (through activateWindow) reads it from this variable and clears it.
    const QString token = platformData.value(QStringLiteral("activation-token")).toString();
    if (!token.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", token.toUtf8());
    window_->show();
    window_->setWindowState((window_->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window_->raise(); // X11: to the top of the stack
    window_->activateWindow();
}

} // namespace tapedeck
