#pragma once

#include "core/export/TakeExport.h"
#include "core/io/TakeExporter.h"
#include "ui/dialogs/UserMessage.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <thread>

class QProgressDialog;
class QWidget;

namespace tapedeck {

// Runs one export (core exportTake: a copy sample for sample, or encoded and levelled as the
// settings ask) on a worker thread, with a progress dialog whose Cancel stops it; the window
// stays responsive. One job at a time. GUI thread for every method; finished() arrives on
// the GUI thread.
class ExportJob : public QObject {
    Q_OBJECT
public:
    static constexpr int kProgressIntervalMs = 100;

    explicit ExportJob(QWidget* dialogParent, QObject* parent = nullptr);
    ~ExportJob() override; // cancels a running export and waits for it (one chunk)

    bool isRunning() const { return worker_.joinable(); }
    // Starts the export; `title` is what the progress dialog says ("Exporting…").
    void start(const ExportRequest& request, const QString& title,
               const ExportSettings& settings = {});
    // What the last finished export did (its loudness before and after, the passes made).
    const TakeExportOutcome& lastOutcome() const { return last_; }
    void cancel() { cancel_.store(true); }

signals:
    // `error` is empty on success; `cancelled`: stopped by Cancel (the new file is gone).
    void finished(const tapedeck::ExportRequest& request, const tapedeck::ExportOutcome& outcome,
                  const tapedeck::UserMessage& error, bool cancelled);

private:
    void showProgress();
    void onDone(ExportRequest request, Result<TakeExportOutcome> result);

    QWidget* dialogParent_;
    QPointer<QProgressDialog> dialog_;
    QTimer progressTimer_;
    std::thread worker_;
    std::atomic<bool> cancel_{false};
    std::atomic<std::int64_t> done_{0};
    std::atomic<std::int64_t> total_{0};
    TakeExportOutcome last_;
};

} // namespace tapedeck
