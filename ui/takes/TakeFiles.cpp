#include "ui/takes/TakeFiles.h"

#include "ui/session/Trash.h"
#include "ui/window/OpenFileFilter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tapedeck {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(tapedeck::TakeFiles)
};

// One name for the extensions of one container, so that renaming between them changes
// nothing about the file.
QString canonicalExtension(const QString& extension) {
    const QString lower = extension.toLower();
    if (lower == QLatin1String("aif") || lower == QLatin1String("aifc"))
        return QStringLiteral("aiff");
    if (lower == QLatin1String("oga") || lower == QLatin1String("opus"))
        return QStringLiteral("ogg");
    return lower;
}

// Why `name` cannot name a file in a folder, or empty.
QString refusalFor(const QString& name) {
    if (name.isEmpty())
        return Text::tr("A take needs a name: the name cannot be empty.");
    if (name.contains(QLatin1Char('/')))
        return Text::tr("“%1” cannot be a take's name: “/” separates folders. Choose a name "
                        "without it.")
            .arg(name);
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return Text::tr("“%1” cannot be a file name.").arg(name);
    return {};
}

QString alreadyThere(const QString& name) {
    return Text::tr("There is already a file called “%1”. Tapedeck never renames over a file; "
                    "choose another name.")
        .arg(name);
}

} // namespace

bool TakeFiles::sameFormat(const QString& extension, const QString& other) {
    return !extension.isEmpty() && canonicalExtension(extension) == canonicalExtension(other);
}

TakeFiles::RenamePlan TakeFiles::planRename(const QString& take, const QString& typed) {
    const QFileInfo info(take);
    QString name = typed.trimmed();
    if (QString refusal = refusalFor(name); !refusal.isEmpty())
        return {{}, refusal, {}};
    const QString real = info.suffix();
    const QString typedSuffix = QFileInfo(name).suffix();
    QString note;
    if (!real.isEmpty() && !sameFormat(typedSuffix, real)) {
        // A known sound extension of another format is taken off; anything else ("Mr. Smith",
        // "take.v2") is part of the name.
        if (looksLikeAudioFile(name)) {
            name.chop(typedSuffix.size() + 1);
            note = Text::tr("The name keeps “.%1”: renaming does not change the format (Export "
                            "Selection writes another one).")
                       .arg(real);
        }
        name += QLatin1Char('.') + real;
        if (QString refusal = refusalFor(name.left(name.size() - real.size() - 1));
            !refusal.isEmpty())
            return {{}, refusal, {}};
    }
    if (name != info.fileName() && QFileInfo::exists(info.dir().filePath(name)))
        return {{}, alreadyThere(name), {}};
    return {name, {}, note};
}

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
    if (QString refusal = refusalFor(trimmed); !refusal.isEmpty())
        return refusal;
    if (trimmed == info.fileName())
        return std::nullopt;
    const QString target = info.dir().filePath(trimmed);
    if (QFileInfo::exists(target))
        return alreadyThere(trimmed);
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
