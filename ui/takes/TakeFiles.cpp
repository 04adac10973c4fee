#include "ui/takes/TakeFiles.h"

#include "ui/session/Trash.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tapedeck {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(tapedeck::TakeFiles)
};

} // namespace

QStringList TakeFiles::sidecarsOf(const QString& take) {
    const QFileInfo info(take);
    QStringList sidecars;
    const QString prefix = info.fileName() + QLatin1Char('.');
    for (const QString& name : info.dir().entryList(QDir::Files | QDir::Hidden)) {
        if (name.startsWith(prefix) && name.size() > prefix.size())
            sidecars << info.dir().filePath(name);
    }
    return sidecars;
}

std::optional<QString> TakeFiles::rename(const QString& take, const QString& newName) {
    const QFileInfo info(take);
    const QString trimmed = newName.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char('/')) || trimmed == QLatin1String(".") ||
        trimmed == QLatin1String(".."))
        return Text::tr("“%1” cannot be a file name.").arg(newName);
    if (trimmed == info.fileName())
        return std::nullopt;
    const QString target = info.dir().filePath(trimmed);
    if (QFileInfo::exists(target))
        return Text::tr("There is already a file called “%1”. Tapedeck never renames over a "
                        "file; choose another name.")
            .arg(trimmed);
    const QStringList sidecars = sidecarsOf(take);
    for (const QString& sidecar : sidecars) {
        const QString moved = target + QFileInfo(sidecar).fileName().mid(info.fileName().size());
        if (QFileInfo::exists(moved))
            return Text::tr("There is already a file called “%1”; choose another name.")
                .arg(QFileInfo(moved).fileName());
    }
    if (!QFile::rename(take, target))
        return Text::tr("“%1” could not be renamed. Check that the folder can be written to.")
            .arg(info.fileName());
    for (const QString& sidecar : sidecars)
        QFile::rename(sidecar, target + QFileInfo(sidecar).fileName().mid(info.fileName().size()));
    return std::nullopt;
}

std::optional<TakeFiles::Trashed> TakeFiles::moveToTrash(const QString& take) {
    const QStringList sidecars = sidecarsOf(take);
    const std::optional<QString> inTrash = Trash::moveToTrash(take);
    if (!inTrash)
        return std::nullopt;
    Trashed trashed{take, *inTrash, {}};
    for (const QString& sidecar : sidecars) {
        if (const std::optional<QString> moved = Trash::moveToTrash(sidecar))
            trashed.sidecars.emplace_back(sidecar, *moved);
    }
    return trashed;
}

bool TakeFiles::restore(const Trashed& trashed) {
    if (!Trash::restore(trashed.inTrash, trashed.original))
        return false;
    for (const auto& [original, inTrash] : trashed.sidecars)
        Trash::restore(inTrash, original);
    return true;
}

} // namespace tapedeck
