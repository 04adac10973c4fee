#include "ui/recording/RecordingFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tapedeck {

namespace {
const QString kFolderName = QStringLiteral("Tapedeck");
const QString kTimeFormat = QStringLiteral("yyyy-MM-dd HH-mm-ss"); // no ':' (not portable)
} // namespace

QString RecordingFolder::defaultPath() {
    QString base = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return QDir(base).filePath(kFolderName);
}

RecordingFolder::RecordingFolder(QString path) : path_(std::move(path)) {}

bool RecordingFolder::ensureExists() const {
    if (path_.isEmpty() || !QDir().mkpath(path_))
        return false;
    return QFileInfo(path_).isWritable();
}

QString RecordingFolder::nextTakePath(const QDateTime& now, const QString& extension) const {
    const QDir folder(path_);
    const QString stem = QObject::tr("Take %1").arg(now.toString(kTimeFormat));
    for (int attempt = 1; attempt <= kMaxNameAttempts; ++attempt) {
        const QString name =
            attempt == 1 ? stem + extension
                         : QStringLiteral("%1 (%2)%3").arg(stem).arg(attempt).arg(extension);
        const QString candidate = folder.filePath(name);
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
    return {};
}

} // namespace tapedeck
