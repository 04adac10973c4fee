#pragma once

#include "core/recovery/Recovery.h"
#include "ui/dialogs/UserMessage.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <thread>
#include <vector>

namespace tapedeck {

// Finds the takes a crash left unfinished in the recordings folder, and repairs them, on a
// worker thread (Recovery reads and rewrites files). Every method: GUI thread; the signals
// arrive on the GUI thread.
class TakeRecovery : public QObject {
    Q_OBJECT
public:
    explicit TakeRecovery(QObject* parent = nullptr);
    ~TakeRecovery() override; // waits for the worker (a scan, or the repair in progress)

    // Looks in `folder` for unfinished takes; answers with unfinishedTakesFound() when
    // there are any. Ignored while busy.
    void scan(const QString& folder);
    // Repairs every take the last scan found; answers with recovered() or failed().
    void recoverAll();

    bool isBusy() const { return busy_; }
    // The take files the last scan found.
    QStringList takePaths() const;

    // "Take 1.wav (0:12.0)" for a status bar.
    static QString describe(const RecoveredTake& take);

signals:
    void unfinishedTakesFound(const QStringList& takePaths);
    // Every repaired take (in folder order) and the last one that holds audio (empty if
    // none does).
    void recovered(const QStringList& descriptions, const QString& lastPlayable);
    // Some takes could not be repaired (they keep their journals; recovery can be tried
    // again at the next start). `descriptions` lists the ones that were.
    void failed(const tapedeck::UserMessage& text, const QStringList& descriptions,
                const QString& lastPlayable);

private:
    void startWorker(std::function<void()> work);
    void onScanned(std::vector<UnfinishedTake> takes);

    std::thread worker_;
    bool busy_ = false;
    std::vector<UnfinishedTake> takes_;
};

} // namespace tapedeck
