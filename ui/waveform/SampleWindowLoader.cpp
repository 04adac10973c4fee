#include "ui/waveform/SampleWindowLoader.h"

#include <QMetaObject>

namespace tapedeck {

SampleWindowLoader::SampleWindowLoader(QObject* parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
}

SampleWindowLoader::~SampleWindowLoader() {
    pool_.clear();
    pool_.waitForDone(); // a running read posts to this object: let it finish first
}

std::uint64_t SampleWindowLoader::request(const QString& path, std::int64_t startFrame,
                                          std::int64_t frames) {
    pool_.clear(); // drop requests not started yet
    const std::uint64_t id = nextId_++;
    pendingId_ = id;
    const std::string file = path.toStdString();
    pool_.start([this, id, file, startFrame, frames] {
        Result<SampleWindow> window = SampleReader::read(file, startFrame, frames);
        auto shared = window.ok() ? std::make_shared<const SampleWindow>(std::move(*window))
                                  : std::make_shared<const SampleWindow>();
        QMetaObject::invokeMethod(
            this, [this, id, shared] { deliver(id, shared); }, Qt::QueuedConnection);
    });
    return id;
}

void SampleWindowLoader::cancel() {
    pool_.clear();
    pendingId_ = 0;
}

void SampleWindowLoader::deliver(std::uint64_t requestId,
                                 std::shared_ptr<const SampleWindow> window) {
    if (requestId != pendingId_) {
        return; // superseded
    }
    pendingId_ = 0;
    emit loaded(requestId, std::move(window));
}

} // namespace tapedeck
