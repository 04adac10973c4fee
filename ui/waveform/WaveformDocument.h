#pragma once

#include "core/summary/SummaryTypes.h"
#include "core/summary/WavTruncation.h"
#include "core/summary/WaveformSummary.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace tapedeck {

// Opens an audio file for display: on a worker thread it reads the header, looks the file
// up in the summary cache and, on a miss, scans it with SummaryBuilder (then stores the
// result in the cache). The summary is handed over as soon as the format is known and fills
// in while the scan runs. GUI thread for every method; signals arrive on the GUI thread.
class WaveformDocument : public QObject {
    Q_OBJECT

public:
    static constexpr int kProgressIntervalMs = 50;

    explicit WaveformDocument(QObject* parent = nullptr);
    // Cancels a scan in progress and waits for the worker (at most one read chunk).
    ~WaveformDocument() override;

    // Starts opening `path` (closing the current file); returns at once.
    void open(const QString& path);
    void close();
    // The open file was renamed to `path` (same contents): the document follows, and its
    // finished summary goes into the summary cache under the new name.
    void followRename(const QString& path);

    QString path() const { return path_; }
    bool isOpen() const { return summary_ != nullptr; }
    // Format, from the header; valid after opened().
    const AudioFormat& format() const { return format_; }
    // The summary (still growing until finished()); null before opened().
    std::shared_ptr<const WaveformSummary> summary() const { return summary_; }
    bool isComplete() const { return complete_; }
    bool cameFromCache() const { return fromCache_; }
    double progress() const;
    // Frames where the take lost audio, from its ".dropouts" sidecar; valid after opened().
    const std::vector<std::int64_t>& markers() const { return markers_; }
    // Set when the file is a WAV cut short (its header announces more than it holds); valid
    // after opened().
    const std::optional<WavTruncation>& truncation() const { return truncation_; }
    // Whole-file statistics; valid after finished().
    const AudioStatistics& statistics() const { return statistics_; }

signals:
    // Format and summary are available; the waveform may still be building.
    void opened();
    // 0..1 while the summary builds.
    void progressChanged(double fraction);
    // The summary is complete (scanned, or read from the cache).
    void finished(bool fromCache);
    // Opening or scanning failed; `message` is for people.
    void failed(const QString& message);

private:
    void stopWorker();
    void work(std::uint64_t generation, std::string path);
    void onOpened(std::uint64_t generation, AudioFormat format,
                  std::shared_ptr<WaveformSummary> summary, std::vector<std::int64_t> markers,
                  std::optional<WavTruncation> truncation);
    void onFinished(std::uint64_t generation, AudioStatistics statistics, bool fromCache);
    void onFailed(std::uint64_t generation, QString message);
    void pollProgress();

    QString path_;
    AudioFormat format_;
    std::shared_ptr<const WaveformSummary> summary_;
    std::vector<std::int64_t> markers_;
    std::optional<WavTruncation> truncation_;
    AudioStatistics statistics_;
    bool complete_ = false;
    bool fromCache_ = false;
    double lastProgress_ = -1.0;
    std::uint64_t generation_ = 0;
    QTimer progressTimer_;
    std::thread worker_;
    std::atomic<bool> cancel_{false};
};

} // namespace tapedeck
