#pragma once

#include "core/summary/SampleReader.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <cstdint>
#include <memory>

namespace tapedeck {

// Reads raw sample windows for sample-level zoom on a worker thread and hands them to the
// GUI thread with a queued call. Only the newest request matters: queued older ones are
// dropped. Lives on the GUI thread; waits for a read in progress when destroyed.
class SampleWindowLoader : public QObject {
    Q_OBJECT

public:
    explicit SampleWindowLoader(QObject* parent = nullptr);
    ~SampleWindowLoader() override;

    // GUI thread. Reads frames [startFrame, startFrame + frames) of `path`; loaded() follows
    // with this request's id (returned), unless a newer request replaced it.
    std::uint64_t request(const QString& path, std::int64_t startFrame, std::int64_t frames);
    // GUI thread: forgets pending requests (their results are dropped).
    void cancel();
    bool isBusy() const { return pendingId_ != 0; }

signals:
    // GUI thread. An empty window if the read failed.
    void loaded(std::uint64_t requestId, std::shared_ptr<const tapedeck::SampleWindow> window);

private:
    void deliver(std::uint64_t requestId, std::shared_ptr<const SampleWindow> window);

    QThreadPool pool_;
    std::uint64_t nextId_ = 1;
    std::uint64_t pendingId_ = 0;
};

} // namespace tapedeck
