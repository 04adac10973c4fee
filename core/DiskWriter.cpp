#include "DiskWriter.h"

#include "RecordingFile.h"

#include <algorithm>
#include <cerrno>
#include <chrono>

namespace tapedeck {

namespace {
constexpr std::int64_t kChunkFrames = 16384;
// With the ring empty, how long the writer sleeps before looking again. The callback cannot
// wake it (no locks in the callback); the ring holds five seconds, so five wake-ups a second
// leave a wide margin, write the file in few large pieces and keep a long take cheap on a
// laptop's battery. A stop wakes it at once.
constexpr auto kIdleWait = std::chrono::milliseconds(200);
// After each nap that wrote something the header gets the length so far (a few bytes, no
// sync), so a killed take keeps all but the last ~0.4 s: the nap plus the capture buffer.
// The data is forced to the disk less often, since a sync is the costly part: a power cut
// loses at most this much more.
constexpr auto kSyncInterval = std::chrono::milliseconds(2000);
} // namespace

DiskWriter::DiskWriter(SampleRing& ring, DropoutQueue& dropouts, SndfileHandle file,
                       std::string path, int sampleRate, SamplesWrittenFn onWritten)
    : ring_(ring), dropouts_(dropouts), log_(path, sampleRate),
      silence_(static_cast<std::size_t>(kChunkFrames * ring.channels()), 0.0f),
      file_(std::move(file)), path_(std::move(path)), onWritten_(std::move(onWritten)),
      chunk_(static_cast<std::size_t>(kChunkFrames * ring.channels())) {
    SF_INFO info{};
    sf_command(file_.get(), SFC_GET_CURRENT_SF_INFO, &info, sizeof info);
    updateHeader_ = (info.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_OGG;
}

DiskWriter::~DiskWriter() {
    finish();
}

void DiskWriter::start() {
    thread_ = std::thread([this] { run(); });
}

std::optional<Error> DiskWriter::finish() {
    {
        // Under the nap's lock, so the writer cannot miss the wake-up between its check and
        // its wait.
        std::lock_guard lock(napMutex_);
        stopRequested_.store(true, std::memory_order_release);
    }
    napEnded_.notify_one();
    if (thread_.joinable()) {
        thread_.join();
    }
    if (file_) {
        errno = 0;
        if (file_.close() != 0 && !failed()) {
            fail(errno != 0 ? errno : EIO);
        }
    }
    return error();
}

std::optional<Error> DiskWriter::error() const {
    std::lock_guard lock(errorMutex_);
    return error_;
}

void DiskWriter::run() {
    auto lastSync = std::chrono::steady_clock::now();
    bool wroteSinceHeader = false;
    for (;;) {
        const bool stopping = stopRequested_.load(std::memory_order_acquire);
        const bool wrote = drainOnce();
        wroteSinceHeader = wroteSinceHeader || wrote;
        if (wrote) {
            continue; // drain the ring completely before looking at the header or napping
        }
        if (stopping) {
            applyDueDropouts(); // a dropout at the very end still gets its silence
            return;             // the stream has stopped and the ring is empty
        }
        if (wroteSinceHeader && !failed()) {
            keepFileValid(lastSync);
            wroteSinceHeader = false;
        }
        std::unique_lock lock(napMutex_);
        napEnded_.wait_for(lock, kIdleWait,
                           [this] { return stopRequested_.load(std::memory_order_acquire); });
    }
}

void DiskWriter::keepFileValid(std::chrono::steady_clock::time_point& lastSync) {
    // Rewrite the header for the length so far, so the file stays playable if the process
    // dies mid-take. Not for Ogg: it has no length in a header, and libsndfile would write
    // extra header pages into the stream, which makes the file unreadable.
    if (updateHeader_) {
        sf_command(file_.get(), SFC_UPDATE_HEADER_NOW, nullptr, 0);
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - lastSync >= kSyncInterval) {
        sf_write_sync(file_.get()); // and to the disk itself, for a power cut
        lastSync = now;
    }
}

bool DiskWriter::drainOnce() {
    const std::int64_t n = ring_.read(chunk_.data(), kChunkFrames);
    if (n == 0) {
        return false;
    }
    if (failed()) {
        return true; // keep draining so the callback never blocks; nothing more reaches disk
    }
    writeInOrder(chunk_.data(), n);
    return true;
}

void DiskWriter::writeInOrder(const float* frames, std::int64_t count) {
    const int channels = ring_.channels();
    // The callback queues a dropout before it writes any frame that follows it, so by the
    // time those frames are read here the dropout is visible in the queue.
    while (count > 0 && !failed()) {
        applyDueDropouts();
        std::int64_t piece = count;
        if (nextDropout_) {
            piece = std::min(piece, nextDropout_->frame - framesWritten());
        }
        if (!writeFrames(frames, piece)) {
            return;
        }
        frames += piece * channels;
        count -= piece;
    }
}

void DiskWriter::applyDueDropouts() {
    for (;;) {
        if (!nextDropout_) {
            Dropout d;
            if (!dropouts_.try_dequeue(d)) {
                return;
            }
            nextDropout_ = d;
        }
        if (nextDropout_->frame > framesWritten()) {
            return; // not yet: frames before it are still to come
        }
        const Dropout due = *nextDropout_;
        nextDropout_.reset();
        log_.add(due);
        dropoutsLogged_.store(log_.count(), std::memory_order_release);
        for (std::int64_t left = due.lostFrames; left > 0 && !failed();) {
            const std::int64_t piece = std::min(left, kChunkFrames);
            if (!writeFrames(silence_.data(), piece)) {
                return;
            }
            left -= piece;
        }
    }
}

bool DiskWriter::writeFrames(const float* frames, std::int64_t count) {
    if (count <= 0) {
        return true;
    }
    errno = 0;
    const sf_count_t written = sf_writef_float(file_.get(), frames, count);
    if (written > 0) {
        framesWritten_.fetch_add(written, std::memory_order_acq_rel);
        if (onWritten_) {
            onWritten_(frames, written);
        }
    }
    if (written < count) {
        fail(errno != 0 ? errno : EIO);
        return false;
    }
    return true;
}

void DiskWriter::fail(int errnoValue) {
    {
        std::lock_guard lock(errorMutex_);
        if (!error_) {
            error_ = Error{ErrorCode::WriteFailed, describeWriteFailure(errnoValue, path_)};
        }
    }
    failed_.store(true, std::memory_order_release);
}

} // namespace tapedeck
