#include "core/playback/DiskReader.h"

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {
constexpr std::int64_t kChunkFrames = 8192;
// With the ring full, how long the reader sleeps before looking for room again. The callback
// cannot wake it (no locks in the callback), so it looks; the ring holds two seconds, so a
// twentieth of that is plenty of margin and only 20 wake-ups a second.
constexpr auto kRefillWait = std::chrono::milliseconds(100);
constexpr auto kFlushPoll = std::chrono::milliseconds(1);
} // namespace

DiskReader::DiskReader(SoundFile file, SampleRing& ring, int deviceRate)
    : file_(std::move(file)), ring_(ring), deviceRate_(deviceRate),
      mapper_(file_.format().channels, ring.channels()),
      fileChunk_(static_cast<std::size_t>(kChunkFrames * file_.format().channels)),
      mapped_(static_cast<std::size_t>(kChunkFrames * ring.channels())) {
    std::int64_t pendingCapacity = kChunkFrames;
    const int fileRate = file_.format().sampleRate;
    if (deviceRate != fileRate) {
        resampler_ = std::make_unique<Resampler>(fileRate, deviceRate, ring.channels());
        const double ratio = static_cast<double>(deviceRate) / fileRate;
        pendingCapacity = static_cast<std::int64_t>(std::ceil(kChunkFrames * ratio)) + 1024;
    }
    pending_.resize(static_cast<std::size_t>(pendingCapacity * ring.channels()));
}

DiskReader::~DiskReader() {
    stop();
}

void DiskReader::start() {
    thread_ = std::thread([this] { run(); });
}

void DiskReader::stop() {
    stopRequested_.store(true, std::memory_order_release);
    wakeUp();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void DiskReader::requestSeek(std::int64_t fileFrame) {
    seekTarget_.store(std::clamp<std::int64_t>(fileFrame, 0, fileFrames()),
                      std::memory_order_release);
    seekRequested_.fetch_add(1, std::memory_order_acq_rel);
    wakeUp();
}

void DiskReader::setSpeed(double speed) {
    requestedSpeed_.store(speed, std::memory_order_release);
}

void DiskReader::setEndFrame(std::int64_t frame) {
    endFrame_.store(frame < 0 ? -1 : std::min(frame, fileFrames()), std::memory_order_release);
}

std::int64_t DiskReader::endFrame() const {
    const std::int64_t end = endFrame_.load(std::memory_order_acquire);
    return end < 0 ? fileFrames() : end;
}

void DiskReader::setConsuming(bool consuming) {
    consuming_.store(consuming, std::memory_order_release);
    wakeUp();
}

void DiskReader::sleepUntilRoom() {
    if (consuming_.load(std::memory_order_acquire)) {
        sleep(kRefillWait);
        return;
    }
    std::unique_lock<std::mutex> lock(wakeMutex_);
    wake_.wait(lock, [this] {
        return seekPending() || stopRequested_.load(std::memory_order_acquire) ||
               consuming_.load(std::memory_order_acquire);
    });
}

void DiskReader::wakeUp() {
    // Taken so a wake-up between the reader's check and its wait is not lost.
    const std::lock_guard<std::mutex> lock(wakeMutex_);
    wake_.notify_one();
}

void DiskReader::sleep(std::optional<std::chrono::milliseconds> atMost) {
    std::unique_lock<std::mutex> lock(wakeMutex_);
    const auto woken = [this] {
        return seekPending() || stopRequested_.load(std::memory_order_acquire);
    };
    if (atMost) {
        wake_.wait_for(lock, *atMost, woken);
    } else {
        wake_.wait(lock, woken);
    }
}

void DiskReader::waitForPrefill(std::int64_t frames, std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (ring_.readable() < std::min(frames, ring_.capacity()) && !endOfFile() &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(kFlushPoll);
    }
}

void DiskReader::run() {
    while (!stopRequested_.load(std::memory_order_acquire)) {
        if (seekPending()) {
            handleSeek();
            continue;
        }
        if (pendingFrames_ > 0) {
            if (!pushPending()) {
                sleepUntilRoom(); // the ring is full
            }
            continue;
        }
        if (fileDone_) {
            endOfFile_.store(true, std::memory_order_release);
            sleep(std::nullopt); // nothing left to read until a seek
            continue;
        }
        readChunk();
    }
}

void DiskReader::handleSeek() {
    const std::uint64_t request = seekRequested_.load(std::memory_order_acquire);
    const std::int64_t target = seekTarget_.load(std::memory_order_acquire);
    // Only the callback may move the ring's read side: ask it to drop what it holds.
    flushRequested_.store(true, std::memory_order_release);
    while (flushRequested_.load(std::memory_order_acquire) &&
           !stopRequested_.load(std::memory_order_acquire)) {
        std::this_thread::sleep_for(kFlushPoll);
    }
    file_.seek(target);
    readPosition_ = target;
    if (resampler_) {
        resampler_->clear();
    }
    const double speed = requestedSpeed_.load(std::memory_order_acquire);
    stretching_ = speed != 1.0;
    if (stretching_) {
        if (!stretcher_) {
            stretcher_ = std::make_unique<TimeStretcher>(fileRate(), ring_.channels());
        }
        stretcher_->reset(speed);
        stretchedSinceSeek_ = 0;
    }
    baseSpeed_.store(speed, std::memory_order_release);
    pendingFrames_ = 0;
    pendingOffset_ = 0;
    fileDone_ = false;
    endOfFile_.store(false, std::memory_order_release);
    base_.store(target, std::memory_order_release);
    seekHandled_.store(request, std::memory_order_release);
}

bool DiskReader::pushPending() {
    const int channels = ring_.channels();
    const std::int64_t n = ring_.write(pending_.data() + pendingOffset_ * channels, pendingFrames_);
    pendingOffset_ += n;
    pendingFrames_ -= n;
    if (pendingFrames_ == 0) {
        pendingOffset_ = 0;
    }
    return pendingFrames_ == 0;
}

void DiskReader::readChunk() {
    const std::int64_t left = endFrame() - readPosition_;
    const std::int64_t got =
        left > 0 ? file_.read(fileChunk_.data(), std::min<std::int64_t>(kChunkFrames, left)) : 0;
    readPosition_ += std::max<std::int64_t>(0, got);
    if (got <= 0) {
        fileDone_ = true; // end of file, or a damaged tail: play what was readable
        deliver(mapped_.data(), 0, true);
        return;
    }
    mapper_.map(fileChunk_.data(), mapped_.data(), got);
    deliver(mapped_.data(), got, false);
}

void DiskReader::deliver(const float* frames, std::int64_t count, bool last) {
    if (!stretching_) {
        resampleInto(frames, count, last);
        return;
    }
    stretched_.clear();
    stretcher_->process(frames, count, last, stretched_);
    resampleInto(stretched_.data(), static_cast<std::int64_t>(stretched_.size()) / ring_.channels(),
                 last);
}

void DiskReader::resampleInto(const float* frames, std::int64_t count, bool last) {
    const int channels = ring_.channels();
    // A stretched chunk can be twice the file chunk; grow (on this thread, rarely) to fit.
    const double ratio = resampler_ ? static_cast<double>(deviceRate_) / fileRate() : 1.0;
    const auto needed =
        static_cast<std::size_t>((std::ceil(static_cast<double>(count) * ratio) + 1024) * channels);
    if (pending_.size() < needed) {
        pending_.resize(needed);
    }
    const auto capacity = pending_.size() / static_cast<std::size_t>(channels);
    if (!resampler_) {
        std::copy_n(frames, count * channels, pending_.data());
        pendingFrames_ = count;
        return;
    }
    // soxr may keep some input back; feed it until it took the whole chunk.
    std::size_t offset = 0;
    std::int64_t produced = 0;
    while (offset < static_cast<std::size_t>(count)) {
        std::size_t used = 0;
        const auto made = static_cast<std::int64_t>(resampler_->process(
            frames + offset * channels, static_cast<std::size_t>(count) - offset, &used,
            pending_.data() + produced * channels, capacity - static_cast<std::size_t>(produced)));
        produced += made;
        offset += used;
        if (used == 0 && made == 0) {
            break; // no progress possible (cannot happen with the capacity chosen); never spin
        }
    }
    if (last) {
        produced += static_cast<std::int64_t>(
            resampler_->process(nullptr, 0, nullptr, pending_.data() + produced * channels,
                                capacity - static_cast<std::size_t>(produced)));
    }
    pendingFrames_ = produced;
}

} // namespace tapedeck
