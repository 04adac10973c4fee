#include "ui/selection/ExportJob.h"

#include <QProgressDialog>

namespace tapedeck {

namespace {

constexpr int kProgressSteps = 1000;
constexpr int kShowDialogAfterMs = 400; // short exports finish without a flash of a dialog

} // namespace

ExportJob::ExportJob(QWidget* dialogParent, QObject* parent)
    : QObject(parent), dialogParent_(dialogParent) {
    progressTimer_.setInterval(kProgressIntervalMs);
    connect(&progressTimer_, &QTimer::timeout, this, &ExportJob::showProgress);
}

ExportJob::~ExportJob() {
    cancel_.store(true);
    if (worker_.joinable())
        worker_.join();
}

void ExportJob::start(const ExportRequest& request, const QString& title,
                      const ExportSettings& settings) {
    if (isRunning())
        return;
    cancel_.store(false);
    done_.store(0);
    total_.store(0);
    dialog_ = new QProgressDialog(title, tr("Cancel"), 0, kProgressSteps, dialogParent_);
    dialog_->setObjectName(QStringLiteral("ExportProgress"));
    dialog_->setWindowTitle(title);
    dialog_->setWindowModality(Qt::WindowModal);
    dialog_->setMinimumDuration(kShowDialogAfterMs);
    dialog_->setAutoClose(false);
    dialog_->setAutoReset(false);
    dialog_->setValue(0);
    connect(dialog_, &QProgressDialog::canceled, this, &ExportJob::cancel);
    progressTimer_.start();
    worker_ = std::thread([this, request, settings] {
        Result<TakeExportOutcome> result = exportTake(
            request, settings,
            [this](std::int64_t done, std::int64_t total) {
                done_.store(done);
                total_.store(total);
            },
            &cancel_);
        QMetaObject::invokeMethod(
            this, [this, request, result = std::move(result)] { onDone(request, result); },
            Qt::QueuedConnection);
    });
}

void ExportJob::showProgress() {
    const std::int64_t total = total_.load();
    if (dialog_ && total > 0)
        dialog_->setValue(static_cast<int>(done_.load() * kProgressSteps / total));
}

void ExportJob::onDone(ExportRequest request, Result<TakeExportOutcome> result) {
    if (worker_.joinable())
        worker_.join();
    progressTimer_.stop();
    if (dialog_) {
        dialog_->disconnect(this);
        dialog_->deleteLater();
    }
    const bool cancelled = cancel_.load();
    if (result) {
        last_ = *result;
        emit finished(request, result->written, {}, false);
        return;
    }
    emit finished(request, {}, cancelled ? UserMessage{} : describeError(result.error()),
                  cancelled);
}

} // namespace tapedeck
