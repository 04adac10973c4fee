#pragma once

#include "core/loudness/LoudnessReading.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

namespace tapedeck {

// Measures the loudness of what an export would write (a span of a file, folded to the
// channels asked for) on a worker thread, and remembers each answer, so the Export dialog
// and the takes panel can show it without blocking the window. A new request cancels the one
// running. GUI thread for every method; signals arrive on the GUI thread.
class LoudnessPreview : public QObject {
    Q_OBJECT
public:
    explicit LoudnessPreview(QObject* parent = nullptr);
    ~LoudnessPreview() override; // cancels and waits (one chunk)

    // Starts measuring [from, to) of `path` (to -1: the end), folded to `channels` (0: as
    // it is). A remembered answer comes back at once (still through measured()).
    void measure(const QString& path, std::int64_t from, std::int64_t to, int channels);
    bool isMeasuring() const { return worker_.joinable() && !finished_->load(); }

signals:
    // `sourceChannels` and `sampleRate` are the file's own.
    void measured(const QString& path, const tapedeck::LoudnessReading& reading, int sourceChannels,
                  int sampleRate);
    void failed(const QString& path, const QString& message);

private:
    struct Answer {
        LoudnessReading reading;
        int channels = 0;
        int rate = 0;
    };
    static QString keyOf(const QString& path, std::int64_t from, std::int64_t to, int channels);
    void stopWorker();

    QHash<QString, Answer> cache_;
    std::thread worker_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<std::atomic<bool>> finished_;
    int generation_ = 0;
};

} // namespace tapedeck
