#include "ui/export/ExportActions.h"

#include "ui/export/ExportDialog.h"
#include "ui/export/LoudnessPreview.h"
#include "ui/selection/ExportJob.h"
#include "ui/session/Session.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>

namespace tapedeck {

namespace {

QString clock(std::int64_t frame, int rate) {
    const qint64 seconds = rate > 0 ? frame / rate : 0;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ExportActions::ExportActions(Session& session, QWidget* window, QObject* parent)
    : QObject(parent), session_(session), window_(window), job_(new ExportJob(window, this)),
      preview_(new LoudnessPreview(this)) {
    export_ = new QAction(tr("Ex&port…"), this);
    export_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    export_->setStatusTip(tr("Write the file, or its selection, as WAV, FLAC, Ogg, MP3 or Opus, "
                             "at a loudness target if you like"));
    connect(export_, &QAction::triggered, this, &ExportActions::exportFile);
    connect(job_, &ExportJob::finished, this, &ExportActions::onFinished);
    connect(&session_, &Session::stateChanged, this, &ExportActions::updateEnabled);
    connect(&session_, &Session::documentChanged, this, &ExportActions::updateEnabled);
    updateEnabled();
}

ExportActions::~ExportActions() = default;

ExportDialog* ExportActions::dialog() const {
    return dialog_;
}

void ExportActions::updateEnabled() {
    export_->setEnabled(!session_.currentPath().isEmpty() &&
                        session_.state() != TransportState::Recording && !job_->isRunning());
}

void ExportActions::exportFile() {
    updateEnabled();
    if (!export_->isEnabled())
        return;
    if (dialog_) {
        dialog_->raise();
        return;
    }
    const QFileInfo source(session_.currentPath());
    auto* dialog = new ExportDialog(*preview_, window_);
    std::int64_t from = 0;
    std::int64_t to = -1;
    QString what = tr("the whole file, %1").arg(source.fileName());
    QString name = source.completeBaseName();
    if (session_.hasSelection()) {
        from = session_.selectionStart();
        to = session_.selectionEnd();
        const int rate = session_.documentRate();
        what = tr("the selection, %1 to %2").arg(clock(from, rate), clock(to, rate));
        name = tr("%1 (selection)").arg(name);
    }
    dialog->setSource(source.filePath(), from, to, what);
    dialog->setDestination(source.dir().filePath(name + QStringLiteral(".mp3")));
    dialog->choosePreset(ExportDialog::Preset::Podcast);
    if (runner_) {
        if (runner_(*dialog))
            startExport(*dialog);
        delete dialog;
        return;
    }
    dialog_ = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        dialog_ = nullptr;
        if (result == QDialog::Accepted)
            startExport(*dialog);
    });
    // Window-modal without a nested event loop: the meters and the status line go on, and
    // whatever asked for the dialog (a menu, a key, an assistive tool's action) gets its
    // answer at once.
    dialog->open();
}

void ExportActions::startExport(const ExportDialog& dialog) {
    if (job_->isRunning())
        return; // one export at a time; the action stays disabled until it ends
    const ExportRequest request = dialog.request();
    const QString destination = dialog.destination();
    job_->start(request, tr("Exporting %1…").arg(QFileInfo(destination).fileName()),
                dialog.settings());
    updateEnabled();
}

void ExportActions::onFinished(const ExportRequest& request, const ExportOutcome&,
                               const UserMessage& error, bool cancelled) {
    updateEnabled();
    const QString shown = QDir::toNativeSeparators(QString::fromStdString(request.destinationPath));
    if (cancelled) {
        emit statusMessage(tr("Export cancelled; nothing was written."));
        return;
    }
    if (!error.message.isEmpty()) {
        UserMessage text = error;
        text.nextStep = tr("Nothing was written. Choose another name, folder or format.");
        emit errorOccurred(text);
        return;
    }
    const TakeExportOutcome& done = job_->lastOutcome();
    if (done.after && done.after->integratedLufs) {
        emit statusMessage(tr("Exported to %1 at %2 LUFS, true peak %3 dBTP.")
                               .arg(shown)
                               .arg(*done.after->integratedLufs, 0, 'f', 1)
                               .arg(done.after->truePeakDbtp.value_or(0.0), 0, 'f', 1));
        return;
    }
    emit statusMessage(tr("Exported to %1.").arg(shown));
}

} // namespace tapedeck
