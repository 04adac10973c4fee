#include "ui/markers/MarkerList.h"

#include "core/markers/TakeMarkers.h"

#include <QFile>
#include <QPointer>
#include <QRunnable>
#include <QSaveFile>
#include <QThreadPool>

#include <algorithm>

namespace tapedeck {

namespace {

// Runs `work` on `pool` and `done` with its result back on `context`'s thread, unless the
// context is gone by then.
template <typename Work, typename Done>
void inBackground(QThreadPool& pool, QObject* context, Work work, Done done) {
    QPointer<QObject> guard(context);
    pool.start([guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        if (QObject* target = guard.data()) {
            QMetaObject::invokeMethod(
                target,
                [guard, done = std::move(done), result = std::move(result)]() mutable {
                    if (guard)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        }
    });
}

bool byFrame(const Marker& a, const Marker& b) {
    return a.frame < b.frame;
}

} // namespace

MarkerList::MarkerList(QObject* parent) : QObject(parent) {
    // One file job at a time, in order: a save never overlaps a load or another save.
    files_.setMaxThreadCount(1);
}

MarkerList::~MarkerList() {
    files_.waitForDone(); // a save under way finishes before the window goes
}

void MarkerList::setDocument(const QString& path, int sampleRate, bool load) {
    const bool same = path == path_;
    path_ = path;
    sampleRate_ = sampleRate;
    if (same && !load)
        return;
    const std::uint64_t id = ++loadId_;
    markers_.clear();
    editedWhileRecording_ = false;
    emit changed();
    if (!load || path.isEmpty())
        return;
    const std::string file = path.toStdString();
    inBackground(
        files_, this, [file] { return take_markers::load(file); },
        [this, id](std::vector<Marker> loaded) {
            if (id != loadId_)
                return; // another document since
            markers_ = std::move(loaded);
            emit changed();
        });
}

void MarkerList::clear() {
    setDocument({}, 0, false);
    markers_.clear();
    emit changed();
}

void MarkerList::setSampleRate(int sampleRate) {
    if (sampleRate <= 0 || sampleRate == sampleRate_)
        return;
    sampleRate_ = sampleRate;
    emit changed();
}

void MarkerList::setRecording(bool recording) {
    if (recording == recording_)
        return;
    recording_ = recording;
    if (!recording && editedWhileRecording_) {
        editedWhileRecording_ = false;
        save(); // the take is finalized: the window's renames and deletions go into it
    }
}

int MarkerList::add(const Marker& marker, bool saveToFile) {
    const auto at = std::upper_bound(markers_.begin(), markers_.end(), marker, byFrame);
    const int row = static_cast<int>(at - markers_.begin());
    markers_.insert(at, marker);
    emit changed();
    if (saveToFile)
        save();
    return row;
}

void MarkerList::rename(int row, const QString& name) {
    if (row < 0 || row >= static_cast<int>(markers_.size()) ||
        markers_[row].name == name.toStdString())
        return;
    markers_[row].name = name.toStdString();
    emit changed();
    save();
}

void MarkerList::remove(int row) {
    if (row < 0 || row >= static_cast<int>(markers_.size()))
        return;
    markers_.erase(markers_.begin() + row);
    emit changed();
    save();
}

QString MarkerList::nextDefaultName() const {
    // Only the person's markers count: a take that was paused, or clipped, has markers of
    // its own, and the first M is still "Marker 1". A name already taken (a marker deleted
    // before it) is skipped.
    const auto isAutomatic = [](const Marker& m) {
        return m.name == kPausedMarkerName || m.name == kClipMarkerName;
    };
    int number =
        1 + static_cast<int>(std::count_if(markers_.begin(), markers_.end(),
                                           [&](const Marker& m) { return !isAutomatic(m); }));
    const auto taken = [this](const std::string& name) {
        return std::any_of(markers_.begin(), markers_.end(),
                           [&](const Marker& m) { return m.name == name; });
    };
    while (taken(tr("Marker %1").arg(number).toStdString()))
        ++number;
    return tr("Marker %1").arg(number);
}

std::optional<std::int64_t> MarkerList::previousFrame(std::int64_t frame) const {
    const auto it = std::lower_bound(markers_.begin(), markers_.end(), Marker{frame, {}}, byFrame);
    if (it == markers_.begin())
        return std::nullopt;
    return std::prev(it)->frame;
}

std::optional<std::int64_t> MarkerList::nextFrame(std::int64_t frame) const {
    const auto it = std::upper_bound(markers_.begin(), markers_.end(), Marker{frame, {}}, byFrame);
    if (it == markers_.end())
        return std::nullopt;
    return it->frame;
}

QString MarkerList::audacityLabels(const std::vector<Marker>& markers, int sampleRate) {
    QString text;
    const double rate = sampleRate > 0 ? sampleRate : 1;
    for (const Marker& m : markers) {
        const QString at = QString::number(static_cast<double>(m.frame) / rate, 'f', 6);
        QString name = QString::fromStdString(m.name);
        name.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), ' ');
        text += at + QLatin1Char('\t') + at + QLatin1Char('\t') + name + QLatin1Char('\n');
    }
    return text;
}

void MarkerList::exportLabels(const QString& path) {
    const QByteArray text = audacityLabels(markers_, sampleRate_).toUtf8();
    inBackground(
        files_, this,
        [path, text] {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() ||
                !file.commit())
                return file.errorString();
            return QString();
        },
        [this, path](const QString& error) {
            if (error.isEmpty())
                emit exported(path);
            else
                emit exportFailed(error);
        });
}

void MarkerList::save() {
    if (path_.isEmpty())
        return;
    if (recording_) {
        editedWhileRecording_ = true;
        return;
    }
    const std::string file = path_.toStdString();
    const std::vector<Marker> markers = markers_;
    const int rate = sampleRate_;
    inBackground(
        files_, this,
        [file, markers, rate] {
            const Status saved = take_markers::replace(file, markers, rate);
            return saved ? QString() : QString::fromStdString(saved.error().message);
        },
        [this](const QString& error) {
            if (!error.isEmpty())
                emit saveFailed(error);
        });
}

} // namespace tapedeck
