#include "core/summary/WaveformSummary.h"

#include "core/summary/BlockLoops.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tapedeck {

namespace {

using block_loops::asFloat;
using block_loops::BlockOut;
using block_loops::Int16Clip;
using block_loops::int16Clip;
using block_loops::summarizeFloatBlock;
using block_loops::summarizeInt16Block;

constexpr std::int64_t kFineBlockFrames = WaveformSummary::kBlockFrames[0];
// Energy of an entry: its decoded rms² × the frames it covers.
double entrySquares(const SummaryEntry& e, std::int64_t frames) {
    const double r = e.rmsValue();
    return r * r * static_cast<double>(frames);
}

std::uint16_t rmsCode(double sumSquares, std::int64_t frames) {
    return SummaryEntry::encodeRms(frames > 0 ? std::sqrt(sumSquares / static_cast<double>(frames))
                                              : 0.0);
}

} // namespace

WaveformSummary::WaveformSummary(int channels, std::int64_t capacityFrames)
    : channels_(std::clamp(channels, 1, kMaxChannels)),
      capacityFrames_(std::max<std::int64_t>(capacityFrames, 1)) {
    for (int l = 0; l < kLevelCount; ++l) {
        Level& level = levels_[l];
        level.blockFrames = kBlockFrames[l];
        const std::int64_t entries = (capacityFrames_ + level.blockFrames - 1) / level.blockFrames;
        level.chunkCount = (entries + kChunkEntries - 1) / kChunkEntries;
        level.chunks = std::make_unique<std::atomic<SummaryEntry*>[]>(level.chunkCount);
        for (std::int64_t i = 0; i < level.chunkCount; ++i) {
            level.chunks[i].store(nullptr, std::memory_order_relaxed);
        }
        level.pending.resize(channels_);
        level.pendingSquares.resize(channels_);
    }
    partialBlock_.resize(kFineBlockFrames * channels_);
    clipped_.resize(channels_);
    peak_.resize(channels_);
    sumSquares_.resize(channels_);
    blockMin_.resize(channels_);
    blockMax_.resize(channels_);
    blockSquares_.resize(channels_);
    blockEntries_.resize(channels_);
}

WaveformSummary::~WaveformSummary() {
    for (Level& level : levels_) {
        for (std::int64_t i = 0; i < level.chunkCount; ++i) {
            delete[] level.chunks[i].load(std::memory_order_relaxed);
        }
    }
}

SummaryEntry* WaveformSummary::slot(Level& level, int channel, std::int64_t index) {
    const std::int64_t chunkIndex = index / kChunkEntries;
    if (chunkIndex >= level.chunkCount) {
        return nullptr;
    }
    SummaryEntry* chunk = level.chunks[chunkIndex].load(std::memory_order_relaxed);
    if (chunk == nullptr) {
        chunk = new SummaryEntry[kChunkEntries * channels_];
        level.chunks[chunkIndex].store(chunk, std::memory_order_release);
    }
    return chunk + channel * kChunkEntries + index % kChunkEntries;
}

const SummaryEntry* WaveformSummary::publishedSlot(const Level& level, int channel,
                                                   std::int64_t index) const {
    const SummaryEntry* chunk = level.chunks[index / kChunkEntries].load(std::memory_order_acquire);
    return chunk + channel * kChunkEntries + index % kChunkEntries;
}

void WaveformSummary::pushEntry(int levelIndex, const SummaryEntry* perChannel,
                                std::int64_t frames) {
    Level& level = levels_[levelIndex];
    for (int c = 0; c < channels_; ++c) {
        SummaryEntry* target = slot(level, c, level.written);
        if (target == nullptr) {
            return; // beyond capacity; appendInterleaved already refuses such frames
        }
        *target = perChannel[c];
    }
    ++level.written;
    if (levelIndex + 1 >= kLevelCount) {
        return;
    }
    Level& next = levels_[levelIndex + 1];
    for (int c = 0; c < channels_; ++c) {
        const SummaryEntry& e = perChannel[c];
        if (next.pendingFrames == 0) {
            next.pending[c] = e;
            next.pendingSquares[c] = entrySquares(e, frames);
        } else {
            next.pending[c].min = std::min(next.pending[c].min, e.min);
            next.pending[c].max = std::max(next.pending[c].max, e.max);
            next.pendingSquares[c] += entrySquares(e, frames);
        }
    }
    next.pendingFrames += frames;
    if (next.pendingFrames >= next.blockFrames) {
        for (int c = 0; c < channels_; ++c) {
            next.pending[c].rms = rmsCode(next.pendingSquares[c], next.pendingFrames);
        }
        const std::int64_t full = next.pendingFrames;
        next.pendingFrames = 0;
        pushEntry(levelIndex + 1, next.pending.data(), full);
    }
}

void WaveformSummary::summarizeBlock(const float* samples, std::int64_t frames) {
    const BlockOut out{blockMin_.data(), blockMax_.data(), blockSquares_.data(), clipped_.data()};
    summarizeFloatBlock(samples, frames, channels_, clipHigh_, clipLow_, out);
    addBlockEntries(frames);
}

void WaveformSummary::summarizeBlock(const std::int16_t* samples, std::int64_t frames) {
    const BlockOut out{blockMin_.data(), blockMax_.data(), blockSquares_.data(), clipped_.data()};
    summarizeInt16Block(samples, frames, channels_, int16Clip(clipHigh_, clipLow_), clipHigh_,
                        clipLow_, out);
    addBlockEntries(frames);
}

void WaveformSummary::addBlockEntries(std::int64_t frames) {
    for (int c = 0; c < channels_; ++c) {
        const float lo = blockMin_[c];
        const float hi = blockMax_[c];
        // NaN samples leave no trace in min/max (comparisons with NaN are false).
        peak_[c] = std::max({peak_[c], -lo, hi});
        sumSquares_[c] += blockSquares_[c];
        blockEntries_[c].min = SummaryEntry::encodeMin(lo);
        blockEntries_[c].max = SummaryEntry::encodeMax(hi);
        blockEntries_[c].rms = rmsCode(blockSquares_[c], frames);
    }
    pushEntry(0, blockEntries_.data(), frames);
    writtenFrames_ += frames;
}

void WaveformSummary::publish() {
    for (Level& level : levels_) {
        level.published.store(level.written, std::memory_order_release);
    }
    publishedFrames_.store(writtenFrames_, std::memory_order_release);
}

bool WaveformSummary::appendInterleaved(const float* samples, std::int64_t frames) {
    return appendSamples(samples, frames);
}

bool WaveformSummary::appendInterleaved(const std::int16_t* samples, std::int64_t frames) {
    return appendSamples(samples, frames);
}

template <typename Sample>
bool WaveformSummary::appendSamples(const Sample* samples, std::int64_t frames) {
    if (finished_ || frames < 0 || samples == nullptr) {
        return frames == 0 && !finished_;
    }
    const std::int64_t room = capacityFrames_ - writtenFrames_ - partialFrames_;
    const bool fits = frames <= room;
    frames = std::min(frames, room);
    while (frames > 0) {
        if (partialFrames_ > 0 || frames < kFineBlockFrames) {
            // A block split between two appends waits, as float, for the rest of its frames.
            const std::int64_t take = std::min(kFineBlockFrames - partialFrames_, frames);
            float* to = partialBlock_.data() + partialFrames_ * channels_;
            for (std::int64_t i = 0; i < take * channels_; ++i) {
                to[i] = asFloat(samples[i]);
            }
            partialFrames_ += take;
            samples += take * channels_;
            frames -= take;
            if (partialFrames_ == kFineBlockFrames) {
                summarizeBlock(partialBlock_.data(), kFineBlockFrames);
                partialFrames_ = 0;
            }
        } else {
            const std::int64_t blocks = frames / kFineBlockFrames;
            for (std::int64_t b = 0; b < blocks; ++b) {
                summarizeBlock(samples, kFineBlockFrames);
                samples += kFineBlockFrames * channels_;
            }
            frames -= blocks * kFineBlockFrames;
        }
    }
    publish();
    return fits;
}

void WaveformSummary::MeasuredBlocks::clear(int channels) {
    blocks = 0;
    mins.clear();
    maxs.clear();
    squares.clear();
    clipped.assign(static_cast<std::size_t>(channels), 0);
}

void WaveformSummary::measureBlocks(const std::int16_t* samples, std::int64_t blocks, int channels,
                                    float clipHigh, float clipLow, MeasuredBlocks& out) {
    if (out.clipped.size() != static_cast<std::size_t>(channels)) {
        out.clear(channels);
    }
    const std::int64_t first = out.blocks;
    out.blocks += blocks;
    const auto values = static_cast<std::size_t>(out.blocks * channels);
    out.mins.resize(values);
    out.maxs.resize(values);
    out.squares.resize(values);
    const Int16Clip clip = int16Clip(clipHigh, clipLow);
    for (std::int64_t b = 0; b < blocks; ++b) {
        const std::int64_t at = (first + b) * channels;
        const BlockOut block{out.mins.data() + at, out.maxs.data() + at, out.squares.data() + at,
                             out.clipped.data()};
        summarizeInt16Block(samples + b * kFineBlockFrames * channels, kFineBlockFrames, channels,
                            clip, clipHigh, clipLow, block);
    }
}

bool WaveformSummary::appendMeasured(const MeasuredBlocks& measured) {
    if (finished_ || partialFrames_ != 0 ||
        writtenFrames_ + measured.blocks * kFineBlockFrames > capacityFrames_ ||
        measured.clipped.size() != static_cast<std::size_t>(channels_)) {
        return false;
    }
    for (std::int64_t b = 0; b < measured.blocks; ++b) {
        const std::int64_t at = b * channels_;
        std::copy_n(measured.mins.data() + at, channels_, blockMin_.data());
        std::copy_n(measured.maxs.data() + at, channels_, blockMax_.data());
        std::copy_n(measured.squares.data() + at, channels_, blockSquares_.data());
        addBlockEntries(kFineBlockFrames);
    }
    for (int c = 0; c < channels_; ++c) {
        clipped_[c] += measured.clipped[c];
    }
    publish();
    return true;
}

bool WaveformSummary::appendFineEntries(const SummaryEntry* entries, std::int64_t count,
                                        std::int64_t lastEntryFrames) {
    if (finished_ || partialFrames_ != 0 || count < 0) {
        return false;
    }
    lastEntryFrames = std::clamp<std::int64_t>(lastEntryFrames, 1, kFineBlockFrames);
    bool fits = true;
    for (std::int64_t i = 0; i < count; ++i) {
        const std::int64_t frames = i + 1 == count ? lastEntryFrames : kFineBlockFrames;
        if (writtenFrames_ + frames > capacityFrames_) {
            fits = false;
            break;
        }
        pushEntry(0, entries + i * channels_, frames);
        writtenFrames_ += frames;
        if (frames < kFineBlockFrames) {
            finished_ = true; // a partial block can only be the last one
        }
    }
    publish();
    return fits;
}

void WaveformSummary::finish() {
    if (complete_.load(std::memory_order_relaxed)) {
        return;
    }
    finished_ = true;
    if (partialFrames_ > 0) {
        summarizeBlock(partialBlock_.data(), partialFrames_);
        partialFrames_ = 0;
    }
    for (int l = 1; l < kLevelCount; ++l) {
        Level& level = levels_[l];
        if (level.pendingFrames > 0) {
            const std::int64_t frames = level.pendingFrames;
            for (int c = 0; c < channels_; ++c) {
                level.pending[c].rms = rmsCode(level.pendingSquares[c], frames);
            }
            level.pendingFrames = 0;
            pushEntry(l, level.pending.data(), frames);
        }
    }
    publish();
    complete_.store(true, std::memory_order_release);
}

void WaveformSummary::setClipThresholds(float high, float low) {
    clipHigh_ = high;
    clipLow_ = low;
}

std::int64_t WaveformSummary::clippedSamples(int channel) const {
    return channel >= 0 && channel < channels_ ? clipped_[channel] : 0;
}

ChannelStatistics WaveformSummary::statistics(int channel) const {
    if (channel < 0 || channel >= channels_) {
        return {};
    }
    ChannelStatistics s;
    s.peak = peak_[channel];
    s.sumSquares = sumSquares_[channel];
    s.clippedSamples = clipped_[channel];
    return s;
}

std::int64_t WaveformSummary::memoryBytes() const {
    const std::int64_t chunkBytes =
        kChunkEntries * channels_ * static_cast<std::int64_t>(sizeof(SummaryEntry));
    std::int64_t bytes = 0;
    for (const Level& level : levels_) {
        bytes += level.chunkCount * static_cast<std::int64_t>(sizeof(level.chunks[0]));
        for (std::int64_t i = 0; i < level.chunkCount; ++i) {
            if (level.chunks[i].load(std::memory_order_acquire) != nullptr) {
                bytes += chunkBytes;
            }
        }
    }
    return bytes;
}

std::int64_t WaveformSummary::entryCount(int level) const {
    if (level < 0 || level >= kLevelCount) {
        return 0;
    }
    return levels_[level].published.load(std::memory_order_acquire);
}

SummaryEntry WaveformSummary::entry(int level, int channel, std::int64_t index) const {
    if (channel < 0 || channel >= channels_ || index < 0 || index >= entryCount(level)) {
        return {};
    }
    return *publishedSlot(levels_[level], channel, index);
}

int WaveformSummary::levelFor(double framesPerPixel) {
    for (int l = kLevelCount - 1; l > 0; --l) {
        if (static_cast<double>(kBlockFrames[l]) <= framesPerPixel) {
            return l;
        }
    }
    return 0;
}

void WaveformSummary::addEntry(const SummaryEntry& e, std::int64_t entryFrames,
                               Accumulator& acc) const {
    if (!acc.any) {
        acc.min = e.min;
        acc.max = e.max;
        acc.any = true;
    } else {
        acc.min = std::min<int>(acc.min, e.min);
        acc.max = std::max<int>(acc.max, e.max);
    }
    acc.sumSquares += entrySquares(e, entryFrames);
    acc.frames += entryFrames;
}

std::int64_t WaveformSummary::accumulate(int levelIndex, int channel, std::int64_t from,
                                         std::int64_t to, std::int64_t totalFrames,
                                         Accumulator& acc) const {
    const Level& level = levels_[levelIndex];
    const std::int64_t block = level.blockFrames;
    const std::int64_t published = level.published.load(std::memory_order_acquire);
    const std::int64_t covered = published * block;
    const std::int64_t end = std::min({to, covered, totalFrames});
    for (std::int64_t k = (from + block - 1) / block; k * block < end; ++k) {
        const std::int64_t start = k * block;
        addEntry(*publishedSlot(level, channel, k), std::min(block, totalFrames - start), acc);
    }
    return std::max(from, std::min(to, covered));
}

void WaveformSummary::query(int channel, double startFrame, double framesPerPixel,
                            std::span<PixelSummary> out) const {
    const std::int64_t total = frames();
    if (channel < 0 || channel >= channels_ || !(framesPerPixel > 0.0)) {
        std::fill(out.begin(), out.end(), PixelSummary{});
        return;
    }
    const int chosen = levelFor(framesPerPixel);
    const std::int64_t fineCount = entryCount(0);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double a = startFrame + static_cast<double>(i) * framesPerPixel;
        const double b = a + framesPerPixel;
        out[i] = PixelSummary{};
        if (b <= 0.0 || a >= static_cast<double>(total)) {
            continue;
        }
        const std::int64_t from =
            std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(a)));
        const std::int64_t to =
            std::min<std::int64_t>(total, static_cast<std::int64_t>(std::ceil(b)));
        Accumulator acc;
        std::int64_t pos = from;
        for (int l = chosen; l >= 0 && pos < to; --l) {
            pos = accumulate(l, channel, pos, to, total, acc);
        }
        if (!acc.any && framesPerPixel < static_cast<double>(kFineBlockFrames)) {
            // Narrower than a block: show the block the pixel lies in.
            const std::int64_t k =
                std::max<std::int64_t>(0, static_cast<std::int64_t>(a)) / kFineBlockFrames;
            if (k >= fineCount || k * kFineBlockFrames >= total) {
                continue;
            }
            addEntry(*publishedSlot(levels_[0], channel, k),
                     std::min(kFineBlockFrames, total - k * kFineBlockFrames), acc);
        }
        if (!acc.any) {
            continue;
        }
        out[i].min = SummaryEntry::decodePeak(acc.min);
        out[i].max = SummaryEntry::decodePeak(acc.max);
        out[i].rms =
            acc.frames > 0
                ? static_cast<float>(std::sqrt(acc.sumSquares / static_cast<double>(acc.frames)))
                : 0.0f;
        out[i].valid = true;
    }
}

} // namespace tapedeck
