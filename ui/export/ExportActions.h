#pragma once

#include "core/io/TakeExporter.h"
#include "ui/dialogs/UserMessage.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace tapedeck {

class ExportDialog;
class ExportJob;
class LoudnessPreview;
class Session;

// File › Export… (Ctrl+Shift+E): the Export dialog for the open file, or for its selection
// when there is one, then the export itself on a worker thread (ExportJob) with a progress
// window and Cancel; a cancelled export leaves no file. GUI thread only.
class ExportActions : public QObject {
    Q_OBJECT
public:
    ExportActions(Session& session, QWidget* window, QObject* parent = nullptr);
    ~ExportActions() override;

    QAction* exportAction() const { return export_; }
    ExportJob* job() const { return job_; }
    LoudnessPreview* preview() const { return preview_; }

    // How the dialog is answered; tests answer it themselves (set the fields, return true to
    // export). Without one the dialog opens window-modal and the export starts when it is
    // accepted.
    using DialogRunner = std::function<bool(ExportDialog& dialog)>;
    void setDialogRunner(DialogRunner runner) { runner_ = std::move(runner); }

    // A file open, nothing recording, no export running.
    void updateEnabled();
    void exportFile();
    // The dialog while it is open, else null.
    ExportDialog* dialog() const;

signals:
    void errorOccurred(const tapedeck::UserMessage& text);
    void statusMessage(const QString& text);

private:
    void startExport(const ExportDialog& dialog);
    void onFinished(const ExportRequest& request, const ExportOutcome& outcome,
                    const UserMessage& error, bool cancelled);

    Session& session_;
    QWidget* window_;
    ExportJob* job_;
    LoudnessPreview* preview_;
    QAction* export_;
    DialogRunner runner_;
    QPointer<ExportDialog> dialog_;
};

} // namespace tapedeck
