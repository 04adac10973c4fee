#include "ui/takes/TakeScanner.h"

#include "core/io/SoundFileFormatName.h"
#include "ui/window/OpenFileFilter.h"

#include <QDir>
#include <QFileInfo>

#include <sndfile.h>

#include <algorithm>

namespace tapedeck {

std::vector<TakeInfo> scanTakes(const QString& folder) {
    std::vector<TakeInfo> takes;
    const QFileInfoList entries =
        QDir(folder).entryInfoList(QDir::Files | QDir::Readable, QDir::Time);
    for (const QFileInfo& entry : entries) {
        if (!looksLikeAudioFile(entry.filePath()))
            continue;
        TakeInfo take;
        take.path = entry.absoluteFilePath();
        take.name = entry.fileName();
        take.modified = entry.lastModified();
        take.bytes = entry.size();
        SF_INFO info{};
        if (SNDFILE* file = sf_open(QFile::encodeName(take.path).constData(), SFM_READ, &info)) {
            take.sampleRate = info.samplerate;
            take.frames = info.frames == SF_COUNT_MAX ? -1 : info.frames;
            take.format = QString::fromStdString(describeSoundFileFormat(info.format));
            sf_close(file);
        }
        takes.push_back(std::move(take));
    }
    std::stable_sort(takes.begin(), takes.end(),
                     [](const TakeInfo& a, const TakeInfo& b) { return a.modified > b.modified; });
    return takes;
}

} // namespace tapedeck
