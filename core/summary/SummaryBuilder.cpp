#include "core/summary/SummaryBuilder.h"

#include <readerwriterqueue/readerwriterqueue.h>

#include <algorithm>
#include <type_traits>
#include <utility>
#include <vector>

namespace tapedeck {

SummaryBuilder::SummaryBuilder(SoundFile file, std::shared_ptr<WaveformSummary> summary)
    : file_(std::move(file)), format_(file_.format()), summary_(std::move(summary)) {
    statistics_.channels.resize(format_.channels);
}

SummaryBuilder::~SummaryBuilder() {
    cancel();
    wait();
}

void SummaryBuilder::start() {
    if (!thread_.joinable()) {
        thread_ = std::thread([this] { run(); });
    }
}

void SummaryBuilder::wait() {
    if (thread_.joinable()) {
        thread_.join();
    }
}

void SummaryBuilder::collectStatistics() {
    // Exact figures kept by the summary's writer from the samples (the entries are quantized).
    for (int c = 0; c < format_.channels; ++c) {
        statistics_.channels[c] = summary_->statistics(c);
    }
}

double SummaryBuilder::progress() const noexcept {
    if (isFinished()) {
        return 1.0;
    }
    if (format_.frames <= 0) {
        return 0.0;
    }
    return std::clamp(static_cast<double>(framesScanned()) / static_cast<double>(format_.frames),
                      0.0, 1.0);
}

std::int64_t SummaryBuilder::pipelinedScan() {
    // 8- and 16-bit files are read as the integers they hold: half the bytes to move, and no
    // conversion in libsndfile (the summary converts in its vectorized loop instead).
    if (file_.holdsInt16()) {
        return pipelinedScan<std::int16_t>();
    }
    return pipelinedScan<float>();
}

std::optional<std::int64_t> SummaryBuilder::parallelScan() {
    // A slot is many chunks: each reader reads a chunk into its own small buffer (it stays in
    // the core's cache while measured), and hands over only the figures of a whole slot. The
    // threads then meet a few hundred times an hour of audio rather than thousands: each
    // meeting is a futex wake-up, which costs tens of microseconds in a virtual machine.
    // Each chunk is a whole number of finest blocks, so only the file's last chunk leaves a
    // partial block, which goes in as samples.
    static_assert(kReadChunkFrames % WaveformSummary::kBlockFrames[0] == 0);
    static_assert(kParallelSlotFrames % kReadChunkFrames == 0);
    constexpr int kReaders = 2;
    constexpr int kSlotsPerReader = 3;
    struct Slot {
        std::int64_t frames = 0; // read; fewer than kParallelSlotFrames: the reader is done
        WaveformSummary::MeasuredBlocks measured;
        std::vector<std::int16_t> tail; // the frames after the last whole block
    };
    struct Reader {
        std::optional<SoundFile> file;
        std::vector<std::int16_t> chunk;
        std::vector<Slot> slots{kSlotsPerReader};
        moodycamel::BlockingReaderWriterQueue<int> free{kSlotsPerReader};
        moodycamel::BlockingReaderWriterQueue<int> filled{kSlotsPerReader};
        std::thread thread;
    };
    Result<SoundFile> second = SoundFile::open(file_.path());
    if (!second || second->format().channels != format_.channels) {
        return std::nullopt;
    }
    const int channels = format_.channels;
    const float clipHigh = file_.clipThreshold();
    std::atomic<bool> stop{false};
    std::vector<Reader> readers(kReaders);
    readers[1].file.emplace(std::move(*second));
    for (int r = 0; r < kReaders; ++r) {
        readers[r].chunk.resize(static_cast<std::size_t>(kReadChunkFrames) * channels);
        for (int i = 0; i < kSlotsPerReader; ++i) {
            readers[r].free.enqueue(i);
        }
    }
    // Reads and measures one slot's chunks, from `first` on; false once the file ended.
    const auto fillSlot = [&](Reader& reader, SoundFile& file, std::int64_t first, Slot& slot) {
        slot.measured.clear(channels);
        slot.tail.clear();
        slot.frames = 0;
        if (stop.load(std::memory_order_relaxed) || isCancelled() || !file.seek(first)) {
            return;
        }
        while (slot.frames < kParallelSlotFrames && !isCancelled()) {
            const std::int64_t got =
                std::max<std::int64_t>(file.readInt16(reader.chunk.data(), kReadChunkFrames), 0);
            const std::int64_t blocks = got / WaveformSummary::kBlockFrames[0];
            WaveformSummary::measureBlocks(reader.chunk.data(), blocks, channels, clipHigh, -1.0f,
                                           slot.measured);
            const auto whole =
                static_cast<std::size_t>(blocks * WaveformSummary::kBlockFrames[0] * channels);
            slot.tail.assign(reader.chunk.begin() + static_cast<std::ptrdiff_t>(whole),
                             reader.chunk.begin() + static_cast<std::ptrdiff_t>(got * channels));
            slot.frames += got;
            if (got < kReadChunkFrames) {
                return;
            }
        }
    };
    // Reader r fills slots r, r + kReaders, ... until the file ends or the scan stops.
    const auto readSlots = [&](int r, SoundFile& file) {
        Reader& reader = readers[r];
        for (std::int64_t slotIndex = r;; slotIndex += kReaders) {
            int index = 0;
            reader.free.wait_dequeue(index);
            Slot& slot = reader.slots[index];
            fillSlot(reader, file, slotIndex * kParallelSlotFrames, slot);
            reader.filled.enqueue(index);
            if (slot.frames < kParallelSlotFrames) {
                return;
            }
        }
    };
    readers[0].thread = std::thread(readSlots, 0, std::ref(file_));
    readers[1].thread = std::thread(readSlots, 1, std::ref(*readers[1].file));
    std::int64_t total = 0;
    for (std::int64_t slotIndex = 0; !isCancelled(); ++slotIndex) {
        Reader& reader = readers[slotIndex % kReaders];
        int index = 0;
        reader.filled.wait_dequeue(index);
        const Slot& slot = reader.slots[index];
        const std::int64_t frames = slot.frames; // the slot is the reader's again once freed
        summary_->appendMeasured(slot.measured);
        summary_->appendInterleaved(slot.tail.data(),
                                    static_cast<std::int64_t>(slot.tail.size()) / channels);
        reader.free.enqueue(index);
        total += frames;
        framesScanned_.store(total, std::memory_order_relaxed);
        if (frames < kParallelSlotFrames) {
            break;
        }
    }
    // Each reader returns once it has read a short slot or, after the stop, its next one;
    // one more free slot wakes a reader that waits for one (its contents are no longer read).
    stop.store(true, std::memory_order_relaxed);
    for (Reader& reader : readers) {
        reader.free.enqueue(0);
        reader.thread.join();
    }
    return total;
}

std::int64_t SummaryBuilder::readChunk(float* samples, std::int64_t frames) {
    return file_.read(samples, frames);
}

std::int64_t SummaryBuilder::readChunk(std::int16_t* samples, std::int64_t frames) {
    return file_.readInt16(samples, frames);
}

void SummaryBuilder::measureLoudness(const float* samples, std::int64_t frames) {
    loudness_->addFrames(samples, frames);
}

void SummaryBuilder::measureLoudness(const std::int16_t* samples, std::int64_t frames) {
    // The meter takes floats; the conversion is one vectorized pass over the chunk.
    const std::size_t count = static_cast<std::size_t>(frames) * format_.channels;
    loudnessFloats_.resize(count);
    constexpr float kScale = 1.0f / 32768.0f;
    for (std::size_t i = 0; i < count; ++i) {
        loudnessFloats_[i] = static_cast<float>(samples[i]) * kScale;
    }
    loudness_->addFrames(loudnessFloats_.data(), frames);
}

template <typename Sample> std::int64_t SummaryBuilder::pipelinedScan() {
    // A reader thread decodes chunk n + 1 while this thread summarizes chunk n: the two cores
    // each do half the work, and the scan takes about as long as the slower half. Buffers
    // travel by index through two single-producer queues; the reader ends the stream with an
    // empty chunk. With loudness, the reader also measures each chunk after handing it on:
    // only the reader takes buffers from freeBuffers, so the buffer it measures is not
    // refilled before it is done, and the summarizer only reads it too.
    struct FilledChunk {
        int buffer = 0;
        std::int64_t frames = 0;
    };
    static_assert(std::is_trivially_copyable_v<FilledChunk>);
    const std::size_t chunkSamples = static_cast<std::size_t>(kReadChunkFrames) * format_.channels;
    std::vector<std::vector<Sample>> buffers(kPipelineBuffers, std::vector<Sample>(chunkSamples));
    moodycamel::BlockingReaderWriterQueue<int> freeBuffers(kPipelineBuffers);
    moodycamel::BlockingReaderWriterQueue<FilledChunk> filled(kPipelineBuffers);
    for (int i = 0; i < kPipelineBuffers; ++i) {
        freeBuffers.enqueue(i);
    }
    std::thread reader([&] {
        for (;;) {
            int index = 0;
            freeBuffers.wait_dequeue(index);
            const std::int64_t got =
                isCancelled() ? 0 : readChunk(buffers[index].data(), kReadChunkFrames);
            filled.enqueue(FilledChunk{index, std::max<std::int64_t>(got, 0)});
            if (got <= 0) {
                return;
            }
            if (loudness_) {
                measureLoudness(buffers[index].data(), got);
            }
        }
    });
    std::int64_t total = 0;
    for (;;) {
        FilledChunk chunk;
        filled.wait_dequeue(chunk);
        if (chunk.frames == 0) {
            break;
        }
        if (!isCancelled()) {
            summary_->appendInterleaved(buffers[chunk.buffer].data(), chunk.frames);
            total += chunk.frames;
            framesScanned_.store(total, std::memory_order_relaxed);
        }
        freeBuffers.enqueue(chunk.buffer);
    }
    reader.join();
    return total;
}

Status SummaryBuilder::run() {
    if (!summary_ || summary_->channels() != format_.channels) {
        result_ = Error{ErrorCode::InvalidArgument,
                        "The waveform summary does not match the file's channel count."};
        finished_.store(true, std::memory_order_release);
        return result_;
    }
    summary_->setClipThresholds(file_.clipThreshold(), -1.0f);
    if (measureLoudness_ && LoudnessMeter::supports(format_.channels, format_.sampleRate)) {
        loudness_.emplace(format_.channels, format_.sampleRate, LoudnessMeter::Peak::True);
    }
    std::optional<std::int64_t> parallelTotal;
    if (!loudness_ && file_.holdsInt16()) {
        parallelTotal = parallelScan();
    }
    const std::int64_t total = parallelTotal ? *parallelTotal : pipelinedScan();
    statistics_.frames = total;
    if (!isCancelled()) {
        summary_->finish();
        collectStatistics();
        if (loudness_) {
            statistics_.loudness = loudness_->reading();
        } else if (measureLoudness_) {
            LoudnessReading none;
            none.reason = "loudness is not defined for " + std::to_string(format_.channels) +
                          " channels at " + std::to_string(format_.sampleRate) + " Hz";
            statistics_.loudness = none;
        }
        if (format_.frames > 0 && total < format_.frames) {
            result_ = Error{ErrorCode::FileUnreadable,
                            "The file " + file_.path() + " ends early: read " +
                                std::to_string(total) + " of " + std::to_string(format_.frames) +
                                " frames; the rest is damaged or missing."};
        }
    }
    finished_.store(true, std::memory_order_release);
    return result_;
}

} // namespace tapedeck
