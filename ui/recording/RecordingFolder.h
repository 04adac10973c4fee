#pragma once

#include <QDateTime>
#include <QString>

namespace tapedeck {

// Where takes go and what they are called. Names carry the date and time of the take
// ("Take 2024-05-01 14-03-22.wav"); if that file exists, " (2)", " (3)" … is added, so an
// existing file is never chosen. GUI thread (touches the file system, briefly).
class RecordingFolder {
public:
    static constexpr int kMaxNameAttempts = 1000;

    // "<Music>/Tapedeck", or "<home>/Tapedeck" when there is no music folder.
    static QString defaultPath();

    explicit RecordingFolder(QString path = defaultPath());

    const QString& path() const { return path_; }
    // Creates the folder if needed. False if it cannot be created or written to.
    bool ensureExists() const;
    // A path in the folder for a take started at `now` with this extension (".wav"), which
    // does not exist yet. Empty if no free name was found.
    QString nextTakePath(const QDateTime& now, const QString& extension) const;

private:
    QString path_;
};

} // namespace tapedeck
