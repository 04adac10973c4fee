#include "ui/session/Trash.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace tapedeck {

std::optional<QString> Trash::moveToTrash(const QString& path) {
    // Qt makes "Trash" inside the data folder but not the data folder itself; without it, it
    // would make the trash in the current folder.
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    QString inTrash;
    if (!QFile::moveToTrash(path, &inTrash) || inTrash.isEmpty())
        return std::nullopt;
    if (QFileInfo(inTrash).isRelative()) { // no trash was found after all: put it back
        QFile::rename(inTrash, path);
        return std::nullopt;
    }
    return inTrash;
}

bool Trash::restore(const QString& inTrash, const QString& original) {
    if (QFileInfo::exists(original) || !QFile::rename(inTrash, original))
        return false;
    // Trash/files/NAME has its note in Trash/info/NAME.trashinfo.
    const QFileInfo trashed(inTrash);
    const QString info = QDir(trashed.dir().filePath(QStringLiteral("../info")))
                             .filePath(trashed.fileName() + QStringLiteral(".trashinfo"));
    QFile::remove(QDir::cleanPath(info));
    return true;
}

} // namespace tapedeck
