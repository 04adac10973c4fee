#include "ui/waveform/WaveformDocument.h"

#include "core/recording/DropoutMarkers.h"
#include "core/summary/SoundFile.h"
#include "core/summary/SummaryBuilder.h"
#include "core/summary/SummaryCache.h"

#include <QMetaObject>

#include <algorithm>

namespace tapedeck {

WaveformDocument::WaveformDocument(QObject* parent) : QObject(parent) {
    progressTimer_.setInterval(kProgressIntervalMs);
    connect(&progressTimer_, &QTimer::timeout, this, &WaveformDocument::pollProgress);
}

WaveformDocument::~WaveformDocument() {
    stopWorker();
}

void WaveformDocument::stopWorker() {
    if (worker_.joinable()) {
        cancel_.store(true);
        worker_.join();
    }
    cancel_.store(false);
}

void WaveformDocument::open(const QString& path) {
    close();
    path_ = path;
    const std::uint64_t generation = ++generation_;
    worker_ =
        std::thread([this, generation, file = path.toStdString()] { work(generation, file); });
}

void WaveformDocument::followRename(const QString& path) {
    if (path_.isEmpty())
        return;
    path_ = path;
    // A scan still under way stores its summary under the old name: the new name's first
    // open scans again. A finished one is stored under the new name now (disk thread).
    if (!complete_ || !summary_)
        return;
    stopWorker(); // the scan's worker, done already
    worker_ = std::thread([file = path.toStdString(), format = format_, summary = summary_,
                           statistics = statistics_] {
        const Result<SummaryCacheKey> key = SummaryCache::keyFor(file);
        if (key.ok())
            SummaryCache().store(*key, format, *summary, statistics); // failing costs a rescan
    });
}

void WaveformDocument::close() {
    stopWorker();
    ++generation_; // results still queued from the old worker are ignored
    progressTimer_.stop();
    path_.clear();
    format_ = {};
    summary_.reset();
    markers_.clear();
    truncation_.reset();
    statistics_ = {};
    complete_ = false;
    fromCache_ = false;
    lastProgress_ = -1.0;
}

double WaveformDocument::progress() const {
    if (complete_) {
        return 1.0;
    }
    if (!summary_ || format_.frames <= 0) {
        return 0.0;
    }
    return std::clamp(static_cast<double>(summary_->frames()) / format_.frames, 0.0, 1.0);
}

// Worker thread. Talks to the GUI thread only through queued calls carrying values.
void WaveformDocument::work(std::uint64_t generation, std::string path) {
    auto post = [this](auto&& call) {
        QMetaObject::invokeMethod(this, std::forward<decltype(call)>(call), Qt::QueuedConnection);
    };
    Result<SoundFile> file = SoundFile::open(path);
    if (!file) {
        post([this, generation, message = QString::fromStdString(file.error().message)] {
            onFailed(generation, message);
        });
        return;
    }
    const AudioFormat format = file->format();
    std::vector<std::int64_t> markers = readDropoutMarkers(path);
    const std::optional<WavTruncation> truncation = findWavTruncation(path);
    const SummaryCache cache;
    const Result<SummaryCacheKey> key = SummaryCache::keyFor(path);
    if (key.ok()) {
        if (std::optional<CachedSummary> cached = cache.load(*key, format)) {
            post([this, generation, format, summary = cached->summary, markers = std::move(markers),
                  truncation] { onOpened(generation, format, summary, markers, truncation); });
            post([this, generation, stats = cached->statistics] {
                onFinished(generation, stats, true);
            });
            return;
        }
    }
    const std::int64_t capacity = format.frames > 0
                                      ? format.frames + WaveformSummary::kBlockFrames[0]
                                      : WaveformSummary::kDefaultCapacityFrames;
    auto summary = std::make_shared<WaveformSummary>(format.channels, capacity);
    post([this, generation, format, summary, markers = std::move(markers), truncation] {
        onOpened(generation, format, summary, markers, truncation);
    });
    SummaryBuilder builder(std::move(*file), summary);
    builder.setCancelFlag(&cancel_);
    const Status status = builder.run();
    if (builder.isCancelled()) {
        return;
    }
    if (!status) {
        post([this, generation, message = QString::fromStdString(status.error().message)] {
            onFailed(generation, message);
        });
        return;
    }
    if (key.ok()) {
        cache.store(*key, format, *summary,
                    builder.statistics()); // a failed store only costs a rescan
    }
    post(
        [this, generation, stats = builder.statistics()] { onFinished(generation, stats, false); });
}

void WaveformDocument::onOpened(std::uint64_t generation, AudioFormat format,
                                std::shared_ptr<WaveformSummary> summary,
                                std::vector<std::int64_t> markers,
                                std::optional<WavTruncation> truncation) {
    if (generation != generation_) {
        return;
    }
    format_ = std::move(format);
    markers_ = std::move(markers);
    truncation_ = truncation;
    summary_ = std::move(summary);
    progressTimer_.start();
    emit opened();
}

void WaveformDocument::onFinished(std::uint64_t generation, AudioStatistics statistics,
                                  bool fromCache) {
    if (generation != generation_) {
        return;
    }
    progressTimer_.stop();
    statistics_ = std::move(statistics);
    complete_ = true;
    fromCache_ = fromCache;
    emit progressChanged(1.0);
    emit finished(fromCache);
}

void WaveformDocument::onFailed(std::uint64_t generation, QString message) {
    if (generation != generation_) {
        return;
    }
    progressTimer_.stop();
    emit failed(message);
}

void WaveformDocument::pollProgress() {
    const double now = progress();
    if (now != lastProgress_) {
        lastProgress_ = now;
        emit progressChanged(now);
    }
}

} // namespace tapedeck
