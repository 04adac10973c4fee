#include "ui/takes/TakesPanel.h"

#include "ui/accessibility/NamedEditorDelegate.h"
#include "ui/takes/RenameTakeCommand.h"
#include "ui/takes/TakeFiles.h"
#include "ui/takes/TakeListModel.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace tapedeck {

namespace {

constexpr int kNameCharacters = 31;         // "Take 2026-11-26 14-05-09.wav"
constexpr int kOtherColumnsCharacters = 42; // date, length, format, size

// Undoing a delete: the take and its sidecars come back from the trash.
class TrashTakeCommand : public QUndoCommand {
public:
    explicit TrashTakeCommand(TakeFiles::Trashed trashed)
        : QUndoCommand(
              TakesPanel::tr("Move %1 to the Trash").arg(QFileInfo(trashed.original).fileName())),
          trashed_(std::move(trashed)) {}

    void undo() override {
        if (!TakeFiles::restore(trashed_))
            setObsolete(true); // gone from the trash, or a file took its name
    }
    void redo() override {
        if (!done_) {
            done_ = true; // the first redo is the delete itself, already done
            return;
        }
        if (std::optional<TakeFiles::Trashed> again = TakeFiles::moveToTrash(trashed_.original))
            trashed_ = *again;
        else
            setObsolete(true);
    }

private:
    TakeFiles::Trashed trashed_;
    bool done_ = false;
};

} // namespace

TakesPanel::TakesPanel(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Takes"));
    model_ = new TakeListModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(TakeListModel::Name);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter by name"));
    filter_->setAccessibleName(tr("Filter takes by name"));
    view_ = new QTreeView(this);
    view_->setAccessibleName(tr("Takes in the recordings folder"));
    view_->setAccessibleDescription(tr("Enter opens the take, F2 renames it, Delete moves it "
                                       "to the trash"));
    view_->setModel(proxy_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAllColumnsShowFocus(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::EditKeyPressed);
    view_->setItemDelegate(new NamedEditorDelegate(
        TakeListModel::Name, tr("New name of the take"),
        tr("Enter renames the take file, Escape leaves its name as it was"), view_));
    view_->setDragEnabled(true);
    view_->setDragDropMode(QAbstractItemView::DragOnly);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(TakeListModel::Name, QHeaderView::Interactive);
    view_->header()->resizeSection(TakeListModel::Name,
                                   view_->fontMetrics().horizontalAdvance(QLatin1Char('x')) *
                                       kNameCharacters);
    for (int column : {TakeListModel::Date, TakeListModel::Length, TakeListModel::Format,
                       TakeListModel::Size, TakeListModel::Loudness})
        view_->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    view_->installEventFilter(this);

    const auto makeAction = [this](const QString& text, const QKeySequence& keys) {
        auto* action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view_->addAction(action);
        return action;
    };
    open_ = makeAction(tr("&Open"), {});
    rename_ = makeAction(tr("&Rename"), QKeySequence(Qt::Key_F2));
    trash_ = makeAction(tr("Move to &Trash"), QKeySequence::Delete);
    showInFolder_ = makeAction(tr("Show in &Folder"), {});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filter_);
    layout->addWidget(view_, 1);

    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(view_, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        emit openRequested(index.data(TakeListModel::kPathRole).toString());
    });
    connect(open_, &QAction::triggered, this, [this] {
        if (!selectedTake().isEmpty())
            emit openRequested(selectedTake());
    });
    connect(rename_, &QAction::triggered, this, [this] {
        const QModelIndex current = view_->currentIndex();
        if (current.isValid())
            view_->edit(current.siblingAtColumn(TakeListModel::Name));
    });
    connect(trash_, &QAction::triggered, this, &TakesPanel::trashSelected);
    connect(showInFolder_, &QAction::triggered, this,
            [this] { emit showInFolderRequested(model_->folder()); });
    connect(model_, &TakeListModel::renameFailed, this, [this](const QString& message) {
        emit errorOccurred({message, tr("The take keeps its name.")});
    });
    connect(model_, &TakeListModel::renamed, this, &TakesPanel::onRenamed);
    connect(model_, &TakeListModel::refreshed, this, [this] {
        if (!currentTake_.isEmpty() && selectedTake().isEmpty())
            setCurrentTake(currentTake_);
        updateActions();
    });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TakesPanel::updateActions);
    updateActions();
}

QSize TakesPanel::sizeHint() const {
    const int characters = kNameCharacters + kOtherColumnsCharacters;
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * characters,
            QWidget::sizeHint().height()};
}

void TakesPanel::setFolder(const QString& folder) {
    model_->setFolder(folder);
}

void TakesPanel::setBusyTake(const QString& path) {
    model_->setBusyTake(path);
}

void TakesPanel::setCurrentTake(const QString& path) {
    currentTake_ = path;
    const int row = model_->rowOf(path);
    if (row < 0)
        return;
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, TakeListModel::Name));
    if (index.isValid())
        view_->setCurrentIndex(index);
}

QString TakesPanel::selectedTake() const {
    const QModelIndexList rows = view_->selectionModel()->selectedRows(TakeListModel::Name);
    return rows.isEmpty() ? QString() : rows.first().data(TakeListModel::kPathRole).toString();
}

void TakesPanel::updateActions() {
    const bool any = !selectedTake().isEmpty();
    open_->setEnabled(any);
    rename_->setEnabled(any);
    trash_->setEnabled(any);
}

void TakesPanel::trashSelected() {
    const QString take = selectedTake();
    if (take.isEmpty())
        return;
    if (take == model_->busyTake()) {
        emit statusMessage(tr("%1 is being recorded. Stop recording before moving it to the "
                              "trash.")
                               .arg(QFileInfo(take).fileName()));
        return;
    }
    std::optional<TakeFiles::Trashed> trashed = TakeFiles::moveToTrash(take);
    if (!trashed) {
        emit errorOccurred(
            {tr("“%1” could not be moved to the trash.").arg(QFileInfo(take).fileName()),
             tr("The take is still there. Check that its folder can be written "
                "to.")});
        return;
    }
    if (undoStack_)
        undoStack_->push(new TrashTakeCommand(std::move(*trashed)));
    emit statusMessage(
        tr("Moved %1 to the trash (Undo brings it back).").arg(QFileInfo(take).fileName()));
}

void TakesPanel::onRenamed(const QString& from, const QString& to, const QString& note) {
    followRename(from, to);
    if (undoStack_) {
        undoStack_->push(new RenameTakeCommand(
            from, to, [panel = QPointer(this)](const QString& was, const QString& now) {
                if (panel)
                    panel->followRename(was, now);
            }));
    }
    const QString done = tr("Renamed %1 to %2 (Undo gives it its old name back).")
                             .arg(QFileInfo(from).fileName(), QFileInfo(to).fileName());
    emit statusMessage(note.isEmpty() ? done : done + QLatin1Char(' ') + note);
}

void TakesPanel::followRename(const QString& from, const QString& to) {
    model_->followRename(from, to);
    if (currentTake_ == from)
        currentTake_ = to;
    emit takeRenamed(from, to);
}

void TakesPanel::showEvent(QShowEvent* event) {
    filter_->setClearButtonEnabled(true); // once it is on, this does nothing
    QWidget::showEvent(event);
}

bool TakesPanel::eventFilter(QObject* watched, QEvent* event) {
    // Typing in the list filters it by name. Letters are taken before the window's one-key
    // shortcuts (R, L) would be; Space still plays.
    // (While a name is edited, keys go to the editor, not here.)
    const bool key = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    if (watched == view_ && key) {
        auto* press = static_cast<QKeyEvent*>(event);
        const bool plain = (press->modifiers() & ~Qt::ShiftModifier) == Qt::NoModifier;
        const QString text = press->text();
        if (plain && !text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace()) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            filter_->setFocus();
            filter_->insert(text);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tapedeck
