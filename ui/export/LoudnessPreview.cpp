#include "ui/export/LoudnessPreview.h"

#include "core/export/SpanLoudness.h"
#include "core/export/SpanSource.h"

#include <QFileInfo>

namespace tapedeck {

LoudnessPreview::LoudnessPreview(QObject* parent)
    : QObject(parent), cancel_(std::make_shared<std::atomic<bool>>(false)),
      finished_(std::make_shared<std::atomic<bool>>(true)) {
    qRegisterMetaType<tapedeck::LoudnessReading>("tapedeck::LoudnessReading");
}

LoudnessPreview::~LoudnessPreview() {
    stopWorker();
}

QString LoudnessPreview::keyOf(const QString& path, std::int64_t from, std::int64_t to,
                               int channels) {
    // The file's time and size too: a take recorded again under the same name is new.
    const QFileInfo info(path);
    return QStringLiteral("%1|%2|%3|%4|%5|%6")
        .arg(path)
        .arg(from)
        .arg(to)
        .arg(channels)
        .arg(info.lastModified().toMSecsSinceEpoch())
        .arg(info.size());
}

void LoudnessPreview::stopWorker() {
    cancel_->store(true);
    if (worker_.joinable())
        worker_.join();
}

void LoudnessPreview::measure(const QString& path, std::int64_t from, std::int64_t to,
                              int channels) {
    const QString key = keyOf(path, from, to, channels);
    if (const auto known = cache_.constFind(key); known != cache_.constEnd()) {
        emit measured(path, known->reading, known->channels, known->rate);
        return;
    }
    stopWorker();
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    finished_ = std::make_shared<std::atomic<bool>>(false);
    const int generation = ++generation_;
    worker_ = std::thread(
        [this, path, from, to, channels, key, generation, cancel = cancel_, finished = finished_] {
            Result<SpanSource> source = SpanSource::open(path.toStdString(), from, to, channels);
            Answer answer;
            QString error;
            if (!source) {
                error = QString::fromStdString(source.error().message);
            } else {
                answer.channels = source->sourceChannels();
                answer.rate = source->sampleRate();
                Result<LoudnessReading> reading = measureSpan(*source, {}, cancel.get());
                if (reading)
                    answer.reading = *reading;
                else
                    error = QString::fromStdString(reading.error().message);
            }
            finished->store(true);
            if (cancel->load())
                return; // a newer request, or the end: nobody waits for this answer
            QMetaObject::invokeMethod(
                this,
                [this, path, key, answer, error, generation] {
                    if (generation != generation_)
                        return;
                    if (!error.isEmpty()) {
                        emit failed(path, error);
                        return;
                    }
                    cache_.insert(key, answer);
                    emit measured(path, answer.reading, answer.channels, answer.rate);
                },
                Qt::QueuedConnection);
        });
}

} // namespace tapedeck
