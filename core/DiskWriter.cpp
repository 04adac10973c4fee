#include "DiskWriter.h"

#include "RecordingFile.h"

#include <cerrno>
#include <chrono>

namespace tapedeck {

namespace {
constexpr std::int64_t kChunkFrames = 16384;
constexpr auto kIdleWait = std::chrono::milliseconds(5);
constexpr auto kSyncInterval = std::chrono::seconds(1);
} // namespace

DiskWriter::DiskWriter(SampleRing& ring, SndfileHandle file, std::string path,
                       SamplesWrittenFn onWritten)
    : ring_(ring), file_(std::move(file)), path_(std::move(path)), onWritten_(std::move(onWritten)),
      chunk_(static_cast<std::size_t>(kChunkFrames * ring.channels())) {}

DiskWriter::~DiskWriter() {
    finish();
}

void DiskWriter::start() {
    thread_ = std::thread([this] { run(); });
}

std::optional<Error> DiskWriter::finish() {
    stopRequested_.store(true, std::memory_order_release);
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
    for (;;) {
        const bool stopping = stopRequested_.load(std::memory_order_acquire);
        const bool wrote = drainOnce();
        if (!wrote) {
            if (stopping) {
                return; // the stream has stopped and the ring is empty
            }
            std::this_thread::sleep_for(kIdleWait);
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - lastSync >= kSyncInterval && !failed()) {
            // Rewrite the header for the length so far and push the data to the disk, so the
            // file stays playable if the machine dies mid-take.
            sf_command(file_.get(), SFC_UPDATE_HEADER_NOW, nullptr, 0);
            sf_write_sync(file_.get());
            lastSync = now;
        }
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
    errno = 0;
    const sf_count_t written = sf_writef_float(file_.get(), chunk_.data(), n);
    if (written > 0) {
        framesWritten_.fetch_add(written, std::memory_order_acq_rel);
        if (onWritten_) {
            onWritten_(chunk_.data(), written);
        }
    }
    if (written < n) {
        fail(errno != 0 ? errno : EIO);
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
