#include "core/recording/DiskWriter.h"

#include "core/dsp/Levels.h"
#include "core/recording/RecordingFile.h"
#include "core/recovery/RecordingJournal.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>

namespace tapedeck {

namespace {
constexpr std::int64_t kChunkFrames = 16384;
// With the ring empty, how long the writer sleeps before looking again. The callback cannot
// wake it (no locks in the callback); the ring holds five seconds, so five wake-ups a second
// leave a wide margin, write the file in few large pieces and keep a long take cheap on a
// laptop's battery. A stop, or the take's file being handed over, wakes it at once.
constexpr auto kIdleWait = std::chrono::milliseconds(200);
// After each nap that wrote something the header gets the length so far (a few bytes, no
// sync), so a killed take keeps all but the last ~0.4 s: the nap plus the capture buffer.
// The data is forced to the disk less often, since a sync is the costly part: a power cut
// loses at most this much more.
constexpr auto kSyncInterval = std::chrono::milliseconds(2000);

bool isLoud(const float* frame, int channels, float level) {
    for (int c = 0; c < channels; ++c) {
        if (std::fabs(frame[c]) >= level) {
            return true;
        }
    }
    return false;
}
} // namespace

DiskWriter::DiskWriter(FrameSource& source, DropoutQueue& dropouts,
                       const DiskWriterOptions& options, SamplesWrittenFn onWritten)
    : source_(source), dropouts_(dropouts), sampleRate_(options.sampleRate),
      maxFileFrames_(options.maxFileFrames), triggerLevel_(options.triggerLevel),
      silenceFrames_(options.silenceFrames), silenceLevel_(options.silenceLevel),
      channels_(source.channels()),
      silence_(static_cast<std::size_t>(kChunkFrames * source.channels()), 0.0f),
      preRoll_(options.preRollCapacity, source.channels()), onWritten_(std::move(onWritten)),
      chunk_(static_cast<std::size_t>(kChunkFrames * source.channels())) {}

DiskWriter::DiskWriter(SampleRing& ring, DropoutQueue& dropouts, const DiskWriterOptions& options,
                       SamplesWrittenFn onWritten)
    : ringSource_(std::in_place, ring), source_(*ringSource_), dropouts_(dropouts),
      sampleRate_(options.sampleRate), maxFileFrames_(options.maxFileFrames),
      triggerLevel_(options.triggerLevel), silenceFrames_(options.silenceFrames),
      silenceLevel_(options.silenceLevel), channels_(ring.channels()),
      silence_(static_cast<std::size_t>(kChunkFrames * ring.channels()), 0.0f),
      preRoll_(options.preRollCapacity, ring.channels()), onWritten_(std::move(onWritten)),
      chunk_(static_cast<std::size_t>(kChunkFrames * ring.channels())) {}

DiskWriter::DiskWriter(SampleRing& ring, DropoutQueue& dropouts, SndfileHandle file,
                       std::string path, int sampleRate, SamplesWrittenFn onWritten)
    : DiskWriter(ring, dropouts, DiskWriterOptions{.sampleRate = sampleRate},
                 std::move(onWritten)) {
    beginFile(std::move(file), std::move(path), 0, 0);
}

DiskWriter::~DiskWriter() {
    finish();
}

void DiskWriter::start() {
    thread_ = std::thread([this] { run(); });
}

void DiskWriter::setRules(std::int64_t maxFileFrames, float triggerLevel,
                          std::int64_t silenceFrames, float silenceLevel) {
    maxFileFrames_.store(maxFileFrames, std::memory_order_relaxed);
    silenceFrames_.store(silenceFrames, std::memory_order_relaxed);
    silenceLevel_.store(silenceLevel, std::memory_order_relaxed);
    triggerLevel_.store(triggerLevel, std::memory_order_release);
}

void DiskWriter::journalMarker(const Marker& marker) {
    {
        std::lock_guard lock(mutex_);
        pendingMarkers_.push_back(marker);
    }
    {
        std::lock_guard lock(napMutex_);
        markersPending_.store(true, std::memory_order_release);
    }
    napEnded_.notify_one();
}

void DiskWriter::journalPendingMarkers() {
    if (journalPath_.empty() || !markersPending_.load(std::memory_order_acquire)) {
        return;
    }
    std::vector<Marker> markers;
    {
        std::lock_guard lock(mutex_);
        markers.swap(pendingMarkers_);
        markersPending_.store(false, std::memory_order_release);
    }
    for (const Marker& m : markers) {
        // A journal that cannot be written loses crash safety for this marker only; the
        // take, and the marker saved in the file at the end, are unaffected.
        RecordingJournal::appendMarker(journalPath_, m);
    }
}

void DiskWriter::beginFile(SndfileHandle file, std::string path, std::int64_t origin,
                           std::int64_t liveFrom) {
    {
        std::lock_guard lock(mutex_);
        pending_ = PendingFile{std::move(file), std::move(path), origin, liveFrom};
    }
    {
        // Under the nap's lock, so the writer cannot miss the wake-up between its check and
        // its wait: the pre-roll reaches the file at once.
        std::lock_guard lock(napMutex_);
        filePending_.store(true, std::memory_order_release);
    }
    napEnded_.notify_one();
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
    adoptPendingFile(); // a file handed over as the thread ended still gets its pre-roll
    if (file_) {
        errno = 0;
        if (file_.close() != 0 && !failed()) {
            fail(errno != 0 ? errno : EIO);
        }
    }
    return error();
}

std::optional<Error> DiskWriter::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

void DiskWriter::run() {
    auto lastSync = std::chrono::steady_clock::now();
    bool wroteSinceHeader = false;
    for (;;) {
        const bool stopping = stopRequested_.load(std::memory_order_acquire);
        adoptPendingFile();
        journalPendingMarkers();
        const bool wrote = drainOnce();
        wroteSinceHeader = wroteSinceHeader || wrote;
        if (wrote) {
            continue; // drain the ring completely before looking at the header or napping
        }
        if (stopping) {
            applyDueDropouts(); // a dropout at the very end still gets its silence
            return;             // the stream has stopped and the ring is empty
        }
        if (file_ && wroteSinceHeader && !failed()) {
            keepFileValid(lastSync);
            wroteSinceHeader = false;
        }
        std::unique_lock lock(napMutex_);
        napEnded_.wait_for(lock, kIdleWait, [this] {
            return stopRequested_.load(std::memory_order_acquire) ||
                   filePending_.load(std::memory_order_acquire) ||
                   markersPending_.load(std::memory_order_acquire);
        });
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

void DiskWriter::adoptPendingFile() {
    if (!filePending_.load(std::memory_order_acquire)) {
        return;
    }
    PendingFile pending;
    {
        std::lock_guard lock(mutex_);
        if (!pending_) {
            return;
        }
        pending = std::move(*pending_);
        pending_.reset();
        filePending_.store(false, std::memory_order_release);
    }
    file_ = std::move(pending.file);
    path_ = std::move(pending.path);
    journalPath_ = RecordingJournal::pathFor(path_);
    liveFrom_ = pending.liveFrom;
    SF_INFO info{};
    sf_command(file_.get(), SFC_GET_CURRENT_SF_INFO, &info, sizeof info);
    updateHeader_ = (info.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_OGG;
    log_.emplace(path_, sampleRate_);
    // As far back as asked, and as far as the pre-roll buffer reaches.
    const std::int64_t origin = std::max(pending.origin, preRoll_.oldest());
    origin_.store(origin, std::memory_order_release);
    for (std::int64_t from = origin; from < preRoll_.end() && !ended() && !failed();) {
        const std::int64_t n = preRoll_.copy(from, chunk_.data(), kChunkFrames);
        writeToFile(chunk_.data(), n, from);
        from += n;
    }
}

bool DiskWriter::drainOnce() {
    const std::int64_t n = source_.read(chunk_.data(), kChunkFrames);
    if (n == 0) {
        return false;
    }
    if (failed()) {
        return true; // keep draining so the callback never blocks; nothing more reaches disk
    }
    processInOrder(chunk_.data(), n);
    return true;
}

void DiskWriter::processInOrder(const float* frames, std::int64_t count) {
    // The callback queues a dropout before it writes any frame that follows it, so by the
    // time those frames are read here the dropout is visible in the queue.
    while (count > 0 && !failed()) {
        applyDueDropouts();
        std::int64_t piece = count;
        if (nextDropout_) {
            piece = std::min(piece, nextDropout_->frame - timeline_);
        }
        process(frames, piece);
        frames += piece * channels_;
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
        if (nextDropout_->frame > timeline_) {
            return; // not yet: frames before it are still to come
        }
        const Dropout due = *nextDropout_;
        nextDropout_.reset();
        const std::int64_t origin = origin_.load(std::memory_order_relaxed);
        if (file_ && origin >= 0 && due.frame >= origin && !ended()) {
            log_->add(Dropout{due.frame - origin, due.lostFrames, due.kind});
            dropoutsLogged_.store(log_->count(), std::memory_order_release);
        }
        // A two-input take's frames already hold the silence, in the lost input's channel.
        for (std::int64_t left = due.filled ? 0 : due.lostFrames; left > 0 && !failed();) {
            const std::int64_t piece = std::min(left, kChunkFrames);
            process(silence_.data(), piece);
            left -= piece;
        }
    }
}

void DiskWriter::process(const float* frames, std::int64_t count) {
    if (count <= 0) {
        return;
    }
    if (file_) {
        writeToFile(frames, count, timeline_);
    } else {
        lookForTrigger(frames, count);
        preRoll_.append(frames, count);
        oldestBuffered_.store(preRoll_.oldest(), std::memory_order_release);
    }
    timeline_ += count;
}

void DiskWriter::lookForTrigger(const float* frames, std::int64_t count) {
    const float level = triggerLevel_.load(std::memory_order_acquire);
    if (level <= 0 || triggerFrame_.load(std::memory_order_relaxed) >= 0) {
        return;
    }
    for (std::int64_t i = 0; i < count; ++i) {
        if (isLoud(frames + i * channels_, channels_, level)) {
            triggerFrame_.store(timeline_ + i, std::memory_order_release);
            return;
        }
    }
}

void DiskWriter::writeToFile(const float* frames, std::int64_t count, std::int64_t timeline) {
    const std::int64_t origin = origin_.load(std::memory_order_relaxed);
    if (timeline < origin) { // before the take's first frame
        const std::int64_t skip = std::min(count, origin - timeline);
        frames += skip * channels_;
        count -= skip;
        timeline += skip;
    }
    if (count <= 0 || ended()) {
        return;
    }
    std::int64_t keep = count;
    bool reachedEnd = false;
    const std::int64_t maxFrames = maxFileFrames_.load(std::memory_order_relaxed);
    if (maxFrames > 0 && framesWritten() + keep >= maxFrames) {
        keep = maxFrames - framesWritten();
        reachedEnd = true;
    }
    const std::int64_t silenceFrames = silenceFrames_.load(std::memory_order_relaxed);
    const float silenceLevel = silenceLevel_.load(std::memory_order_relaxed);
    if (silenceFrames > 0) {
        for (std::int64_t i = 0; i < keep; ++i) {
            if (timeline + i < liveFrom_ ||
                isLoud(frames + i * channels_, channels_, silenceLevel)) {
                quietRun_ = 0;
            } else if (++quietRun_ >= silenceFrames) {
                keep = i + 1; // the take ends with the silence that ended it
                reachedEnd = true;
                break;
            }
        }
    }
    writeFrames(frames, keep);
    if (reachedEnd) {
        ended_.store(true, std::memory_order_release);
    }
}

void DiskWriter::countClips(const float* frames, std::int64_t count) {
    std::int64_t clipped = 0;
    std::int64_t first = -1;
    const std::int64_t samples = count * channels_;
    for (std::int64_t i = 0; i < samples; ++i) {
        if (std::fabs(frames[i]) >= kFullScaleLevel) {
            if (first < 0) {
                first = i / channels_;
            }
            ++clipped;
        }
    }
    if (clipped == 0) {
        return;
    }
    if (firstClipFrame_.load(std::memory_order_relaxed) < 0) {
        firstClipFrame_.store(framesWritten() + first, std::memory_order_release);
    }
    clippedSamples_.fetch_add(clipped, std::memory_order_acq_rel);
}

bool DiskWriter::writeFrames(const float* frames, std::int64_t count) {
    if (count <= 0 || failed()) {
        return count <= 0;
    }
    countClips(frames, count);
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
        std::lock_guard lock(mutex_);
        if (!error_) {
            error_ = Error{ErrorCode::WriteFailed, describeWriteFailure(errnoValue, path_)};
        }
    }
    failed_.store(true, std::memory_order_release);
}

} // namespace tapedeck
