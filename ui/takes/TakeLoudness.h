#pragma once

#include "core/loudness/LoudnessReading.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>

namespace tapedeck {

// The takes list's Loudness column: each take's integrated loudness, measured one take at a
// time on a worker thread by the scan of `tapedeck --info` (core/summary), and remembered by
// path, time and size, here and in the waveform cache, so a take is measured once until it
// changes, not at every launch. The take
// being recorded is never measured. GUI thread for every method; measured() arrives on it.
class TakeLoudness : public QObject {
    Q_OBJECT
public:
    explicit TakeLoudness(QObject* parent = nullptr);
    ~TakeLoudness() override; // cancels and waits (one chunk)

    // The reading, if it is known; asks for it otherwise (unless `queue` is false).
    std::optional<LoudnessReading> reading(const QString& path, const QDateTime& modified,
                                           std::int64_t bytes, bool queue = true);
    // While a take records, nothing new is started: its disk writer has the disk to itself.
    void setPaused(bool paused);
    // "−16.2 LUFS", "…" while waiting, "–" when it has none (too short or quiet).
    static QString describe(const std::optional<LoudnessReading>& reading);

signals:
    void measured(const QString& path);

private:
    static QString keyOf(const QString& path, const QDateTime& modified, std::int64_t bytes);
    void startNext();

    QHash<QString, LoudnessReading> known_;
    QStringList waiting_; // keys
    QHash<QString, QString> pathOfKey_;
    QString running_;
    bool paused_ = false;
    std::thread worker_;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

} // namespace tapedeck
