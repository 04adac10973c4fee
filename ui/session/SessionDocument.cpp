#include "ui/session/Session.h"

#include "ui/window/Settings.h"

#include <QFileInfo>

// Session's part in the open file as a whole: closing it (File › Close), following it when
// it is renamed in the takes list, and Open Recent forgetting a file that failed to open.
// Apart from Session.cpp so that file stays about the transport.

namespace tapedeck {

bool Session::closeFile() {
    if (state_ == TransportState::Recording || path_.isEmpty())
        return false;
    bridge_.closePlayer();
    playerStale_ = false;
    resumeFrame_ = 0;
    documentFrames_ = 0;
    documentRate_ = 0;
    selectionStart_ = selectionEnd_ = -1;
    path_.clear();
    emit errorCleared(); // an error about the file goes with it
    emit positionChanged(0, 0, 0);
    emit streamDescriptionChanged({});
    if (!bridge_.isMonitoring())
        emit meterChannelsChanged(0);
    emit documentChanged(path_);
    setState(TransportState::NoFile);
    return true;
}

void Session::forgetRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!settings_.recentFiles().contains(absolute))
        return;
    settings_.removeRecentFile(absolute);
    emit recentFilesChanged();
}

void Session::followRename(const QString& from, const QString& to) {
    const QString was = QFileInfo(from).absoluteFilePath();
    const QString now = QFileInfo(to).absoluteFilePath();
    if (settings_.recentFiles().contains(was)) {
        settings_.renameRecentFile(was, now);
        emit recentFilesChanged();
    }
    // The take being recorded is never renamed (the takes list refuses); its recorder owns
    // the path.
    if (path_ != was || state_ == TransportState::Recording)
        return;
    // The player keeps reading the file it has open (a rename does not move the data); a
    // player opened later opens it under its new name.
    path_ = now;
    emit documentRenamed(was, now);
}

} // namespace tapedeck
