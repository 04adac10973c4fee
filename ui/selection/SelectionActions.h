#pragma once

#include "core/io/TakeExporter.h"
#include "ui/dialogs/UserMessage.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QUndoStack;
class QWidget;

namespace tapedeck {

class ExportJob;
class Session;

// The Edit menu's selection commands: Select All (Ctrl+A), Clear Selection (Esc), Export
// Selection… and Trim to Selection, and Undo. Export writes the selected span to a new file
// chosen by the person; Trim writes the span beside the original as "NAME (trimmed).EXT",
// opens it, and moves the original to the desktop's trash, so Undo brings it back. Both run
// on a worker thread (ExportJob) with progress and Cancel, never write over a file, and are
// sample-exact. GUI thread only.
class SelectionActions : public QObject {
    Q_OBJECT
public:
    SelectionActions(Session& session, QWidget* window, QObject* parent = nullptr);
    ~SelectionActions() override;

    QAction* selectAllAction() const { return selectAll_; }
    QAction* clearAction() const { return clear_; }
    QAction* exportAction() const { return export_; }
    QAction* trimAction() const { return trim_; }
    QAction* undoAction() const { return undo_; }
    QUndoStack* undoStack() const { return undoStack_; }
    ExportJob* job() const { return job_; }

    // Where Export Selection… writes; tests replace the file dialog. An empty answer cancels.
    using PathChooser = std::function<QString(const QString& suggested)>;
    void setPathChooser(PathChooser chooser) { chooser_ = std::move(chooser); }

    // Enables what makes sense: a file open, a selection, nothing recording or exporting.
    void updateEnabled();
    void exportSelection();
    void trimToSelection();
    // Edit › Undo: undoes the last trim, rename or move to the trash, and says in the
    // status line what was undone (or why it could not be).
    void undo();
    // "Take 1 (trimmed).wav", or "(trimmed 2)" and so on when that exists. Any thread.
    static QString trimmedPath(const QString& original);

signals:
    void errorOccurred(const tapedeck::UserMessage& text);
    void statusMessage(const QString& text);

private:
    void exportSelectionTo(QString path);
    void onJobFinished(const ExportRequest& request, const ExportOutcome& outcome,
                       const UserMessage& error, bool cancelled);
    void finishTrim(const QString& original, const QString& trimmed);

    Session& session_;
    QWidget* window_;
    ExportJob* job_;
    QUndoStack* undoStack_;
    QAction* selectAll_;
    QAction* clear_;
    QAction* export_;
    QAction* trim_;
    QAction* undo_;
    PathChooser chooser_;
    bool trimming_ = false; // the running job is a trim
};

} // namespace tapedeck
