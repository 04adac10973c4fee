#pragma once

#include "core/markers/Marker.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <cstdint>
#include <optional>
#include <vector>

namespace tapedeck {

// The markers of the open file or the take being recorded, as the window shows and edits
// them: sorted by frame, renamed and deleted from the markers panel. Edits to a file are
// saved into it (WAV cue/label chunks, FLAC chapters) on a worker thread; while a take
// records they wait until it has been finalized. Reading and writing files never happens on
// the GUI thread. GUI thread only.
class MarkerList : public QObject {
    Q_OBJECT
public:
    explicit MarkerList(QObject* parent = nullptr);
    ~MarkerList() override;

    // The file whose markers these are, and its rate. `load`: read its saved markers (on a
    // worker thread; changed() follows). A new take passes false: it has none yet.
    void setDocument(const QString& path, int sampleRate, bool load);
    void clear();
    // The file was renamed to `path` (same contents and markers): saves go there now.
    void followRename(const QString& path) { path_ = path; }
    // The rate becomes known once the file's header has been read.
    void setSampleRate(int sampleRate);
    const QString& path() const { return path_; }
    int sampleRate() const { return sampleRate_; }
    const std::vector<Marker>& markers() const { return markers_; }

    // While a take records, edits are not written to its file (the recorder owns it); when
    // it ends, setRecording(false) saves them if any were made in the window.
    void setRecording(bool recording);
    bool isRecording() const { return recording_; }

    // Adds a marker (a take's marker is already in its journal and file); returns its row.
    int add(const Marker& marker, bool saveToFile);
    void rename(int row, const QString& name);
    void remove(int row);
    // "Marker 3": the next free default name.
    QString nextDefaultName() const;

    // The nearest marker strictly before / after `frame`.
    std::optional<std::int64_t> previousFrame(std::int64_t frame) const;
    std::optional<std::int64_t> nextFrame(std::int64_t frame) const;

    // An Audacity label file: "start<TAB>end<TAB>label" per line, seconds with 6 decimals.
    static QString audacityLabels(const std::vector<Marker>& markers, int sampleRate);
    // Writes audacityLabels() to `path` on a worker thread; exported() or exportFailed().
    void exportLabels(const QString& path);

signals:
    void changed();
    void saveFailed(const QString& message);
    void exported(const QString& path);
    void exportFailed(const QString& message);

private:
    void save();

    QString path_;
    int sampleRate_ = 0;
    std::vector<Marker> markers_;
    bool recording_ = false;
    bool editedWhileRecording_ = false;
    QThreadPool files_;        // loads, saves and exports, one at a time
    std::uint64_t loadId_ = 0; // a newer document makes an older load's result stale
};

} // namespace tapedeck
