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
// (sidecars too); Delete moves it to the trash, and the window's Undo brings it back; Show
// in Folder opens its folder. Takes drag out to other programs as files. GUI thread only.
class TakesPanel : public QWidget {
    Q_OBJECT
public:
    explicit TakesPanel(QWidget* parent = nullptr);

    void setFolder(const QString& folder);
    // Where Delete records itself for Undo.
    void setUndoStack(QUndoStack* stack) { undoStack_ = stack; }
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

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateActions();

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
