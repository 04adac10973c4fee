#pragma once

#include <QString>
#include <QStringList>

namespace tapedeck {

// The file name patterns of every format libsndfile can read ("*.wav", "*.flac", …),
// asked of libsndfile itself. Any thread.
QStringList readablePatterns();
// A QFileDialog name filter: "Audio files (*.wav *.flac …);;All files (*)".
QString openFileDialogFilter();
// Whether a dropped or command-line path looks like a readable sound file (by extension).
bool looksLikeAudioFile(const QString& path);

} // namespace tapedeck
