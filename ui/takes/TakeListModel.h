#pragma once

#include "ui/takes/TakeLoudness.h"
#include "ui/takes/TakeScanner.h"

#include <QAbstractTableModel>
#include <QFileSystemWatcher>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace tapedeck {

// The recordings folder as a table: name, date, length, format, size and integrated loudness
// (measured on a worker thread and remembered: TakeLoudness), newest first. The
// folder is read on a worker thread (scanTakes) and read again when a file in it appears,
// goes or is renamed (QFileSystemWatcher, settled for kSettleMs). The name can be edited (a
// rename, sidecars included, the extension kept: TakeFiles::planRename), and rows drag out
// as file URLs. GUI thread only.
class TakeListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Date, Length, Format, Size, Loudness, ColumnCount };
    static constexpr int kPathRole = Qt::UserRole + 1;
    static constexpr int kSettleMs = 200;

    explicit TakeListModel(QObject* parent = nullptr);
    ~TakeListModel() override; // waits for a scan in progress (a directory listing)

    void setFolder(const QString& folder);
    QString folder() const { return folder_; }
    // Reads the folder again (e.g. after a take was saved, its final length).
    void refresh();
    const std::vector<TakeInfo>& takes() const { return takes_; }
    // The row of this path, or -1.
    int rowOf(const QString& path) const;
    // The take being recorded (empty: none): it is not renamed until it is saved.
    void setBusyTake(const QString& path) {
        busy_ = path;
        loudness_.setPaused(!path.isEmpty());
    }
    const QString& busyTake() const { return busy_; }
    // A take was renamed (by Undo, say): its row shows the new name at once.
    void followRename(const QString& from, const QString& to);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

signals:
    // A scan finished and the rows are current.
    void refreshed();
    // A rename was refused; `message` says why.
    void renameFailed(const QString& message);
    // A take was renamed from the list (sidecars too). `note`: what became of the typed name
    // (its extension kept), or empty.
    void renamed(const QString& from, const QString& to, const QString& note);

private:
    void startScan();
    void onScanned(std::uint64_t generation, std::vector<TakeInfo> takes);

    QString folder_;
    QString busy_;
    std::vector<TakeInfo> takes_;
    mutable TakeLoudness loudness_; // data() asks it, and it queues what it lacks
    QFileSystemWatcher watcher_;
    QTimer settle_;
    std::thread worker_;
    std::uint64_t generation_ = 0;
    bool rescanWanted_ = false; // a change came while a scan ran
};

} // namespace tapedeck
