#pragma once

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <vector>

namespace tapedeck {

// One recording in the takes list.
struct TakeInfo {
    QString path;
    QString name; // file name
    QDateTime modified;
    std::int64_t bytes = 0;
    std::int64_t frames = -1; // -1: not known from the header (an unfinished FLAC or Ogg)
    int sampleRate = 0;
    QString format; // "WAV 24-bit"; empty when libsndfile cannot read it
};

// Lists the sound files in `folder`, newest first, with their length and format read from
// the headers only (libsndfile's sf_open; nothing is decoded). File I/O: a worker thread,
// never the GUI thread.
std::vector<TakeInfo> scanTakes(const QString& folder);

} // namespace tapedeck
