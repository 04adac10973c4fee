#pragma once

#include "ui/dialogs/UserMessage.h"

#include <QWidget>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class QUndoStack;

namespace tapedeck {

class TakeListModel;

// The takes list: the recordings folder, newest first (TakeListModel), with a filter that
// typing in the list fills in. Double-click or Enter opens a take; F2 renames it in place
// (sidecars too, the extension kept; the window's Undo gives the old name back); Delete
// moves it to the trash, and the window's Undo brings it back; Show in Folder opens its
// folder. The take being recorded is neither renamed nor trashed. Takes drag out to other programs
// as files. GUI thread only.
class TakesPanel : public QWidget {
    Q_OBJECT
public:
    explicit TakesPanel(QWidget* parent = nullptr);

    void setFolder(const QString& folder);
    // Where Delete and Rename record themselves for Undo.
    void setUndoStack(QUndoStack* stack) { undoStack_ = stack; }
    // The take being recorded (empty: none); it is neither renamed nor trashed.
    void setBusyTake(const QString& path);
    // Selects the row of this take, if it is listed (the open file).
    void setCurrentTake(const QString& path);
    // The selected take's path, or empty.
    QString selectedTake() const;

    TakeListModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    QLineEdit* filterField() const { return filter_; }
    QAction* renameAction() const { return rename_; }
    QAction* trashAction() const { return trash_; }
    QAction* showInFolderAction() const { return showInFolder_; }

    // Wide enough for a take's name, date, length, format and size side by side.
    QSize sizeHint() const override;

    // Moves the selected take to the trash, with Undo.
    void trashSelected();

signals:
    void openRequested(const QString& path);
    void showInFolderRequested(const QString& folder);
    void errorOccurred(const tapedeck::UserMessage& text);
    void statusMessage(const QString& text);
    // A take was renamed here, or given its old name back by Undo (sidecars too): whatever
    // holds its path follows.
    void takeRenamed(const QString& from, const QString& to);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    // The filter's clear button comes with the first showing: its icon is looked up in the
    // icon theme on disk, which cost the window's first frame about 4 ms while the panel
    // starts hidden behind the Devices tab.
    void showEvent(QShowEvent* event) override;

private:
    void updateActions();
    void onRenamed(const QString& from, const QString& to, const QString& note);
    // The take moved from `from` to `to`: its row and the current take follow; told on.
    void followRename(const QString& from, const QString& to);

    TakeListModel* model_;
    QSortFilterProxyModel* proxy_;
    QTreeView* view_;
    QLineEdit* filter_;
    QAction* open_;
    QAction* rename_;
    QAction* trash_;
    QAction* showInFolder_;
    QUndoStack* undoStack_ = nullptr;
    QString currentTake_;
};

} // namespace tapedeck
