#include "ui/selection/SelectionActions.h"

#include "ui/dialogs/FileChooser.h"
#include "ui/selection/ExportJob.h"
#include "ui/session/Session.h"
#include "ui/takes/TakeFiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

namespace tapedeck {

namespace {

// Undoing a trim: the original (with its sidecars) comes back from the trash and opens; the
// trimmed take goes to the trash (never deleted). Redo does the reverse.
class TrimCommand : public QUndoCommand {
public:
    TrimCommand(Session& session, TakeFiles::Trashed original, QString trimmed)
        : QUndoCommand(
              SelectionActions::tr("Trim %1").arg(QFileInfo(original.original).fileName())),
          session_(session), original_(std::move(original)), trimmed_(std::move(trimmed)) {}

    void undo() override {
        std::optional<TakeFiles::Trashed> trimmed = TakeFiles::moveToTrash(trimmed_);
        if (!trimmed || !TakeFiles::restore(original_)) {
            setObsolete(true); // the files were moved by someone else: nothing left to undo
            return;
        }
        trimmedInTrash_ = std::move(*trimmed);
        session_.openFile(original_.original);
    }

    void redo() override {
        if (!trimmedInTrash_)
            return; // the first redo is the trim itself, already done
        std::optional<TakeFiles::Trashed> original = TakeFiles::moveToTrash(original_.original);
        if (!original || !TakeFiles::restore(*trimmedInTrash_)) {
            setObsolete(true);
            return;
        }
        original_ = std::move(*original);
        session_.openFile(trimmed_);
    }

private:
    Session& session_;
    TakeFiles::Trashed original_;
    QString trimmed_;
    std::optional<TakeFiles::Trashed> trimmedInTrash_;
};

QString formatFilter() {
    return SelectionActions::tr("WAV (*.wav);;FLAC (*.flac);;Ogg Vorbis (*.ogg)");
}

} // namespace

SelectionActions::SelectionActions(Session& session, QWidget* window, QObject* parent)
    : QObject(parent), session_(session), window_(window), job_(new ExportJob(window, this)),
      undoStack_(new QUndoStack(this)) {
    selectAll_ = new QAction(tr("Select &All"), this);
    selectAll_->setShortcut(QKeySequence::SelectAll);
    selectAll_->setStatusTip(tr("Select the whole file"));
    clear_ = new QAction(tr("&Clear Selection"), this);
    clear_->setShortcut(QKeySequence(Qt::Key_Escape));
    clear_->setStatusTip(tr("Select nothing; Play plays the whole file"));
    export_ = new QAction(tr("&Export Selection…"), this);
    export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    export_->setStatusTip(tr("Write the selection to a new file, sample for sample"));
    trim_ = new QAction(tr("&Trim to Selection"), this);
    trim_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    trim_->setStatusTip(tr("Keep only the selection: the trimmed take is saved beside the "
                           "original, which goes to the trash (Undo brings it back)"));
    undo_ = new QAction(tr("&Undo"), this);
    undo_->setShortcut(QKeySequence::Undo);
    undo_->setEnabled(false);
    connect(undoStack_, &QUndoStack::canUndoChanged, undo_, &QAction::setEnabled);
    connect(undoStack_, &QUndoStack::undoTextChanged, undo_, [this](const QString& text) {
        undo_->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    connect(undo_, &QAction::triggered, this, &SelectionActions::undo);
    connect(export_, &QAction::triggered, this, &SelectionActions::exportSelection);
    connect(trim_, &QAction::triggered, this, &SelectionActions::trimToSelection);
    connect(job_, &ExportJob::finished, this, &SelectionActions::onJobFinished);
    updateEnabled();
}

// The undo stack is a child, destroyed after this object's own members: its last signals
// (undoTextChanged from clear()) must not reach a half-destroyed SelectionActions.
SelectionActions::~SelectionActions() {
    undoStack_->disconnect();
}

void SelectionActions::updateEnabled() {
    const bool recording = session_.state() == TransportState::Recording;
    const bool open = !session_.currentPath().isEmpty() && !recording;
    const bool selected = open && session_.hasSelection();
    const bool idle = !job_->isRunning();
    selectAll_->setEnabled(open);
    clear_->setEnabled(selected);
    export_->setEnabled(selected && idle);
    trim_->setEnabled(selected && idle);
}

void SelectionActions::undo() {
    if (!undoStack_->canUndo())
        return;
    const QString what = undoStack_->undoText();
    const int count = undoStack_->count();
    undoStack_->undo();
    // An undo that found its files moved or gone makes itself obsolete and leaves the stack.
    if (undoStack_->count() < count)
        emit errorOccurred({tr("“%1” could not be undone: its files were moved or deleted "
                               "meanwhile.")
                                .arg(what),
                            tr("Nothing was changed. Look for the files in the folder or in the "
                               "trash.")});
    else
        emit statusMessage(tr("Undone: %1.").arg(what));
}

QString SelectionActions::trimmedPath(const QString& original) {
    const QFileInfo info(original);
    const QString base = info.completeBaseName();
    const QString suffix =
        info.suffix().isEmpty() ? QString() : QStringLiteral(".") + info.suffix();
    for (int n = 1;; ++n) {
        const QString name =
            n == 1 ? tr("%1 (trimmed)").arg(base) : tr("%1 (trimmed %2)").arg(base).arg(n);
        const QString candidate = info.dir().filePath(name + suffix);
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

void SelectionActions::exportSelection() {
    if (!export_->isEnabled())
        return;
    const QFileInfo source(session_.currentPath());
    const QString suggested = source.dir().filePath(
        tr("%1 (selection).%2")
            .arg(source.completeBaseName(),
                 source.suffix().isEmpty() ? QStringLiteral("wav") : source.suffix()));
    if (chooser_) {
        exportSelectionTo(chooser_(suggested));
        return;
    }
    // Tapedeck never writes over a file: the dialog does not offer to.
    askForFile(window_,
               {FileQuestion::Kind::Save, tr("Export Selection"), suggested, formatFilter(), false},
               [this](const QString& path) { exportSelectionTo(path); });
}

void SelectionActions::exportSelectionTo(QString path) {
    if (path.isEmpty())
        return;
    // The file or the selection may have changed while the dialog was open.
    updateEnabled();
    if (!export_->isEnabled()) {
        emit statusMessage(tr("Nothing was exported: the file or its selection changed while the "
                              "name was chosen. Select again and export."));
        return;
    }
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".wav");
    ExportRequest request;
    request.sourcePath = session_.currentPath().toStdString();
    request.destinationPath = path.toStdString();
    request.fromFrame = session_.selectionStart();
    request.toFrame = session_.selectionEnd();
    trimming_ = false;
    job_->start(request, tr("Exporting the selection…"));
    updateEnabled();
}

void SelectionActions::trimToSelection() {
    if (!trim_->isEnabled())
        return;
    const QString original = session_.currentPath();
    ExportRequest request;
    request.sourcePath = original.toStdString();
    request.destinationPath = trimmedPath(original).toStdString();
    request.fromFrame = session_.selectionStart();
    request.toFrame = session_.selectionEnd();
    // The same container and encoding; a container Tapedeck does not write sample for sample
    // (or at all) becomes WAV: trimming an MP3 or Opus file never encodes it again.
    const std::optional<ExportFormat> kept = exportFormatForPath(request.sourcePath);
    if (!kept || *kept == ExportFormat::Mp3 || *kept == ExportFormat::Opus) {
        request.destinationPath += ".wav";
        request.format = ExportFormat::Wav;
    }
    trimming_ = true;
    job_->start(request, tr("Trimming…"));
    updateEnabled();
}

void SelectionActions::onJobFinished(const ExportRequest& request, const ExportOutcome&,
                                     const UserMessage& error, bool cancelled) {
    const bool trim = trimming_;
    trimming_ = false;
    updateEnabled();
    const QString written = QString::fromStdString(request.destinationPath);
    const QString shown = QDir::toNativeSeparators(written);
    if (cancelled) {
        emit statusMessage(trim ? tr("Trim cancelled; nothing was changed.")
                                : tr("Export cancelled; nothing was written."));
        return;
    }
    if (!error.message.isEmpty()) {
        UserMessage text = error;
        text.nextStep = trim ? tr("The original take is unchanged.")
                             : tr("Nothing was written. Choose another name or folder, or "
                                  "another format.");
        emit errorOccurred(text);
        return;
    }
    if (trim) {
        finishTrim(QString::fromStdString(request.sourcePath), written);
        return;
    }
    emit statusMessage(tr("Exported the selection to %1").arg(shown));
}

void SelectionActions::finishTrim(const QString& original, const QString& trimmed) {
    std::optional<TakeFiles::Trashed> inTrash = TakeFiles::moveToTrash(original);
    session_.openFile(trimmed);
    if (!inTrash) {
        emit errorOccurred({tr("The trimmed take was saved as %1, but the original could not be "
                               "moved to the trash.")
                                .arg(QDir::toNativeSeparators(trimmed)),
                            tr("Both files are kept. Delete the original yourself if you no "
                               "longer need it.")});
        return;
    }
    undoStack_->push(new TrimCommand(session_, std::move(*inTrash), trimmed));
    emit statusMessage(tr("Trimmed: saved as %1; the original is in the trash (Undo brings "
                          "it back).")
                           .arg(QFileInfo(trimmed).fileName()));
}

} // namespace tapedeck
