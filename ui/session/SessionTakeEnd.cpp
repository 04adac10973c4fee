#include "ui/session/Session.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <climits>

// Session's part in how a take ends: saved and opened, with how many samples clipped; a take
// that failed, with the banner naming its file once; and the microphone it lost coming back.
// Apart from Session.cpp so that file stays about the transport.

namespace tapedeck {

void Session::finishTake(const QString& path) {
    emit takeSaved(path);
    setState(TransportState::NoFile);
    QString saved = openFile(path)
                        ? tr("Saved to %1").arg(displayPath(path))
                        : tr("Saved to %1 (it cannot be played back now)").arg(displayPath(path));
    // First, so a narrow window shortens the path rather than the warning.
    if (const std::int64_t clipped = bridge_.takeClippedSamples(); clipped > 0)
        saved = tr("The take clipped: %Ln sample(s) reached full scale. %1", nullptr,
                   static_cast<int>(std::min<std::int64_t>(clipped, INT_MAX)))
                    .arg(saved);
    emit statusMessage(saved);
}

void Session::onRecordingFailed(const QString& path, const UserMessage& text) {
    finishTake(path);
    // The take's path once, on a line of its own; the sentence names only the file.
    UserMessage shown = text;
    const QString native = QDir::toNativeSeparators(path);
    if (!path.isEmpty() && (shown.message.contains(path) || shown.message.contains(native))) {
        const QString name = QStringLiteral("“%1”").arg(QFileInfo(path).fileName());
        shown.message.replace(path, name).replace(native, name);
        shown.path = path;
    }
    // Last, so the banner shows why the take ended rather than why it cannot be played.
    report(shown);
    lostDevice_ = bridge_.lostDevice();
}

void Session::noticeLostDeviceBack() {
    if (!lostDevice_ || !audio_)
        return;
    const DeviceInfo& lost = *lostDevice_;
    for (const DeviceInfo& d : audio_->devices()) {
        const bool same = lost.serverId.empty() ? d.name == lost.name && d.hostApi == lost.hostApi
                                                : d.serverId == lost.serverId;
        if (same && d.canRecord()) {
            lostDevice_.reset();
            emit errorCleared(); // the banner about its loss is old news
            emit statusMessage(tr("%1 is connected again: Record starts a new take.")
                                   .arg(QString::fromStdString(d.name)));
            return;
        }
    }
}

} // namespace tapedeck
