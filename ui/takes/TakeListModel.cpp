#include "ui/takes/TakeListModel.h"

#include "ui/takes/TakeFiles.h"
#include "ui/window/StatusPanel.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QUrl>

#include <set>

namespace tapedeck {

TakeListModel::TakeListModel(QObject* parent) : QAbstractTableModel(parent) {
    settle_.setSingleShot(true);
    settle_.setInterval(kSettleMs);
    connect(&settle_, &QTimer::timeout, this, &TakeListModel::refresh);
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, [this] { settle_.start(); });
    connect(&loudness_, &TakeLoudness::measured, this, [this](const QString& path) {
        const int row = rowOf(path);
        if (row >= 0)
            emit dataChanged(index(row, Loudness), index(row, Loudness), {Qt::DisplayRole});
    });
}

TakeListModel::~TakeListModel() {
    if (worker_.joinable())
        worker_.join();
}

void TakeListModel::setFolder(const QString& folder) {
    if (!watcher_.directories().isEmpty())
        watcher_.removePaths(watcher_.directories());
    folder_ = folder;
    if (QFileInfo(folder).isDir())
        watcher_.addPath(folder);
    refresh();
}

void TakeListModel::refresh() {
    if (worker_.joinable()) {
        rescanWanted_ = true; // once the scan running now is in
        return;
    }
    startScan();
}

void TakeListModel::startScan() {
    const std::uint64_t generation = ++generation_;
    worker_ = std::thread([this, generation, folder = folder_] {
        std::vector<TakeInfo> takes = scanTakes(folder);
        QMetaObject::invokeMethod(
            this,
            [this, generation, takes = std::move(takes)]() mutable {
                onScanned(generation, std::move(takes));
            },
            Qt::QueuedConnection);
    });
}

void TakeListModel::onScanned(std::uint64_t generation, std::vector<TakeInfo> takes) {
    if (worker_.joinable())
        worker_.join();
    if (generation == generation_) {
        beginResetModel();
        takes_ = std::move(takes);
        endResetModel();
        // The folder may have been created since (the first take).
        if (watcher_.directories().isEmpty() && QFileInfo(folder_).isDir())
            watcher_.addPath(folder_);
        emit refreshed();
    }
    if (rescanWanted_) {
        rescanWanted_ = false;
        startScan();
    }
}

int TakeListModel::rowOf(const QString& path) const {
    for (std::size_t i = 0; i < takes_.size(); ++i) {
        if (takes_[i].path == path)
            return static_cast<int>(i);
    }
    return -1;
}

int TakeListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(takes_.size());
}

int TakeListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TakeListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const TakeInfo& take = takes_[static_cast<std::size_t>(index.row())];
    if (role == kPathRole || role == Qt::ToolTipRole)
        return take.path;
    if (role == Qt::EditRole && index.column() == Name)
        return take.name;
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Length || index.column() == Size || index.column() == Loudness))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return take.name;
    case Date:
        // The date as the desktop writes it, and the time to the minute.
        return QStringLiteral("%1 %2").arg(
            QLocale().toString(take.modified.date(), QLocale::ShortFormat),
            take.modified.time().toString(QStringLiteral("HH:mm")));
    case Length:
        return take.frames >= 0 && take.sampleRate > 0
                   ? StatusPanel::formatTime(static_cast<double>(take.frames) / take.sampleRate)
                   : QStringLiteral("–");
    case Format:
        return take.format.isEmpty() ? tr("Unreadable") : take.format;
    case Size:
        return QLocale().formattedDataSize(take.bytes, 1);
    case Loudness:
        // Not the take being recorded, nor a file libsndfile cannot read.
        if (take.path == busy_ || take.format.isEmpty())
            return QStringLiteral("–");
        return TakeLoudness::describe(loudness_.reading(take.path, take.modified, take.bytes));
    default:
        return {};
    }
}

QVariant TakeListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Date:
        return tr("Date");
    case Length:
        return tr("Length");
    case Format:
        return tr("Format");
    case Size:
        return tr("Size");
    case Loudness:
        return tr("Loudness");
    default:
        return {};
    }
}

Qt::ItemFlags TakeListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    flags |= Qt::ItemIsDragEnabled;
    if (index.column() == Name)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool TakeListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != Name || role != Qt::EditRole)
        return false;
    const QString from = takes_[static_cast<std::size_t>(index.row())].path;
    if (from == busy_) {
        emit renameFailed(tr("“%1” is being recorded. Rename it once the take is saved.")
                              .arg(QFileInfo(from).fileName()));
        return false;
    }
    const TakeFiles::RenamePlan plan = TakeFiles::planRename(from, value.toString());
    if (!plan.refusal.isEmpty()) {
        emit renameFailed(plan.refusal);
        return false;
    }
    if (plan.name == QFileInfo(from).fileName())
        return false; // the same name: nothing to do, nothing to undo
    if (const std::optional<QString> refused = TakeFiles::rename(from, plan.name)) {
        emit renameFailed(*refused);
        return false;
    }
    const QString to = QFileInfo(from).dir().filePath(plan.name);
    followRename(from, to);
    emit renamed(from, to, plan.note);
    return true;
}

void TakeListModel::followRename(const QString& from, const QString& to) {
    const int row = rowOf(from);
    if (row < 0)
        return; // not listed (yet): the next scan finds it
    TakeInfo& take = takes_[static_cast<std::size_t>(row)];
    take.path = to;
    take.name = QFileInfo(to).fileName();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QStringList TakeListModel::mimeTypes() const {
    return {QStringLiteral("text/uri-list")};
}

QMimeData* TakeListModel::mimeData(const QModelIndexList& indexes) const {
    std::set<int> rows;
    for (const QModelIndex& index : indexes)
        rows.insert(index.row());
    QList<QUrl> urls;
    for (int row : rows)
        urls << QUrl::fromLocalFile(takes_[static_cast<std::size_t>(row)].path);
    auto* mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

Qt::DropActions TakeListModel::supportedDragActions() const {
    return Qt::CopyAction;
}

} // namespace tapedeck
