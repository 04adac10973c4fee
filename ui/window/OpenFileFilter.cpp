#include "ui/window/OpenFileFilter.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <sndfile.h>

namespace tapedeck {

namespace {
// Common extensions libsndfile reads whose container it names differently (AIFF's "aif",
// Ogg's "oga"/"opus").
const QStringList kAliases = {QStringLiteral("aif"), QStringLiteral("aifc"), QStringLiteral("oga"),
                              QStringLiteral("opus")};
} // namespace

QStringList readablePatterns() {
    QStringList extensions;
    int count = 0;
    sf_command(nullptr, SFC_GET_FORMAT_MAJOR_COUNT, &count, sizeof(count));
    for (int i = 0; i < count; ++i) {
        SF_FORMAT_INFO info{};
        info.format = i;
        if (sf_command(nullptr, SFC_GET_FORMAT_MAJOR, &info, sizeof(info)) != 0 || !info.extension)
            continue;
        extensions << QString::fromLatin1(info.extension).toLower();
    }
    extensions << kAliases;
    extensions.removeDuplicates();
    extensions.sort();
    QStringList patterns;
    for (const QString& extension : extensions)
        patterns << QStringLiteral("*.") + extension;
    return patterns;
}

QString openFileDialogFilter() {
    const QString audio = QCoreApplication::translate("tapedeck::OpenFileFilter", "Audio files");
    const QString all = QCoreApplication::translate("tapedeck::OpenFileFilter", "All files");
    return QStringLiteral("%1 (%2);;%3 (*)").arg(audio, readablePatterns().join(' '), all);
}

bool looksLikeAudioFile(const QString& path) {
    static const QStringList patterns = readablePatterns();
    const QString suffix = QStringLiteral("*.") + QFileInfo(path).suffix().toLower();
    return patterns.contains(suffix);
}

} // namespace tapedeck
