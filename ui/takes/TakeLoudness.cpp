#include "ui/takes/TakeLoudness.h"

#include "core/summary/AudioFileInfo.h"
#include "core/summary/SummaryCache.h"

namespace tapedeck {

TakeLoudness::TakeLoudness(QObject* parent)
    : QObject(parent), cancel_(std::make_shared<std::atomic<bool>>(false)) {}

TakeLoudness::~TakeLoudness() {
    cancel_->store(true);
    if (worker_.joinable())
        worker_.join();
}

QString TakeLoudness::keyOf(const QString& path, const QDateTime& modified, std::int64_t bytes) {
    return QStringLiteral("%1|%2|%3").arg(path).arg(modified.toMSecsSinceEpoch()).arg(bytes);
}

std::optional<LoudnessReading> TakeLoudness::reading(const QString& path, const QDateTime& modified,
                                                     std::int64_t bytes, bool queue) {
    const QString key = keyOf(path, modified, bytes);
    if (const auto found = known_.constFind(key); found != known_.constEnd())
        return *found;
    if (queue && key != running_ && !waiting_.contains(key)) {
        waiting_.append(key);
        pathOfKey_.insert(key, path);
        startNext();
    }
    return std::nullopt;
}

QString TakeLoudness::describe(const std::optional<LoudnessReading>& reading) {
    if (!reading)
        return QStringLiteral("…");
    if (!reading->integratedLufs)
        return QStringLiteral("–");
    return tr("%1 LUFS").arg(
        QString::number(*reading->integratedLufs, 'f', 1).replace(QLatin1Char('-'), QChar(0x2212)));
}

void TakeLoudness::setPaused(bool paused) {
    paused_ = paused;
    startNext();
}

void TakeLoudness::startNext() {
    if (paused_ || !running_.isEmpty() || waiting_.isEmpty())
        return;
    if (worker_.joinable())
        worker_.join();
    running_ = waiting_.takeFirst();
    const QString path = pathOfKey_.value(running_);
    worker_ = std::thread([this, path, key = running_, cancel = cancel_] {
        // The summary cache keeps a scan's loudness with its waveform: a take measured once,
        // here or by `tapedeck --info`, is read back at the next launch instead of measured
        // again, and a take measured here opens at once later.
        const SummaryCache cache;
        AnalysisOptions options;
        options.cache = &cache;
        options.cancel = cancel.get();
        const Result<AudioFileInfo> info = analyzeAudioFile(path.toStdString(), options);
        if (cancel->load())
            return;
        LoudnessReading result;
        if (!info)
            result.reason = info.error().message;
        else if (info->loudness)
            result = *info->loudness;
        QMetaObject::invokeMethod(
            this,
            [this, path, key, result] {
                known_.insert(key, result);
                pathOfKey_.remove(key);
                running_.clear();
                emit measured(path);
                startNext();
            },
            Qt::QueuedConnection);
    });
}

} // namespace tapedeck
