#pragma once

#include "core/summary/SummaryTypes.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace tapedeck {

// Multi-resolution waveform summary: per channel, min / max / RMS per block of 512 frames,
// and the same per 8192 and per 131072 frames, each entry quantized to 6 bytes (see
// SummaryEntry: a decoded min/max always contains the true extremes and is at most 1/32767
// wider). Views finer than 512 frames per pixel draw raw samples (SampleReader) instead.
// One writer thread appends samples (the file scanner or the recorder's disk-writer thread);
// any number of reader threads (the GUI) read what has been published, concurrently and
// without locks. The writer also keeps exact per-channel statistics (peak, sum of squares,
// clipped samples) from the samples themselves.
//
// Storage is a preallocated table of fixed-size chunks per level. A chunk never moves once
// allocated, and an entry is written before the published count that covers it is raised
// (release); readers load the count (acquire) and read only below it. About 4.3 MB per hour
// of 48 kHz stereo audio.
class WaveformSummary {
public:
    static constexpr int kLevelCount = 3;
    static constexpr std::array<std::int64_t, kLevelCount> kBlockFrames = {512, 8192, 131072};
    static constexpr std::int64_t kLevelRatio = 16; // blocks of one level per block of the next
    static constexpr std::int64_t kChunkEntries = 4096;
    static constexpr int kMaxChannels = 64;
    // Room for about 8 days at 48 kHz; the chunk table costs 8 bytes per 2^21 frames.
    static constexpr std::int64_t kDefaultCapacityFrames = std::int64_t{1} << 35;

    // Any thread, before the summary is shared. channels in [1, kMaxChannels].
    explicit WaveformSummary(int channels, std::int64_t capacityFrames = kDefaultCapacityFrames);
    ~WaveformSummary();
    WaveformSummary(const WaveformSummary&) = delete;
    WaveformSummary& operator=(const WaveformSummary&) = delete;

    // --- Writer thread only (one thread for the life of the summary) ---

    // Appends `frames` interleaved frames of channels() samples each. Blocks of any size.
    // Allocates a chunk every 2^21 frames (never on the audio thread). Returns false, and
    // drops the samples, once capacityFrames() is reached or after finish().
    bool appendInterleaved(const float* samples, std::int64_t frames);
    // The same for 16-bit integer samples (full scale ±32768), as a 16-bit file stores them:
    // the entries and statistics are exactly those of the same samples read as float.
    bool appendInterleaved(const std::int16_t* samples, std::int64_t frames);

    // The exact figures of whole finest-level blocks, measured on any thread
    // (measureBlocks) and appended in order by the writer (appendMeasured): lets a scan
    // measure the chunks of a file on several cores. Appending a chunk's figures gives the
    // very entries and statistics that appendInterleaved() of its samples gives.
    struct MeasuredBlocks {
        std::int64_t blocks = 0;
        std::vector<float> mins;           // blocks × channels, interleaved by channel
        std::vector<float> maxs;           // the same
        std::vector<float> squares;        // the same: each block's sum of x², in float
        std::vector<std::int64_t> clipped; // per channel, over all the blocks

        // Empties the figures for `channels`, keeping the memory for the next use.
        void clear(int channels);
    };
    // Any thread: measures the first `blocks` whole blocks of `samples` (interleaved,
    // `channels` per frame), with the clip thresholds of setClipThresholds(), and adds their
    // figures after those already in `out` (clear() it to start anew).
    static void measureBlocks(const std::int16_t* samples, std::int64_t blocks, int channels,
                              float clipHigh, float clipLow, MeasuredBlocks& out);
    // Writer thread: appends measured blocks. Only on a block boundary (no partial block
    // waiting); false, and nothing appended, otherwise or past capacityFrames().
    bool appendMeasured(const MeasuredBlocks& measured);
    // Appends ready-made finest-level entries, interleaved by channel (entry i of channel c
    // at [i * channels() + c]); every entry covers a whole kBlockFrames[0] block except
    // possibly the last, which covers `lastEntryFrames` (1..kBlockFrames[0]). Used to
    // restore a cached summary; coarser levels are rebuilt from these entries exactly as
    // appendInterleaved builds them, and statistics() stays empty (the cache keeps them).
    bool appendFineEntries(const SummaryEntry* entries, std::int64_t count,
                           std::int64_t lastEntryFrames);
    // Publishes the trailing partial blocks; no more appends afterwards.
    void finish();
    // Samples x >= high or x <= low count as clipped (default: |x| >= 1). Before appending.
    void setClipThresholds(float high, float low);
    // Clipped samples appended so far. Writer thread, or any thread once the writer is done
    // (after joining it).
    std::int64_t clippedSamples(int channel) const;
    // Exact figures of the samples appended so far to one channel: largest |x| (not clamped
    // to 1), sum of x² (block sums in float, added up in double) and clipped samples. Same
    // threads as clippedSamples().
    ChannelStatistics statistics(int channel) const;

    // --- Any thread ---

    int channels() const { return channels_; }
    std::int64_t capacityFrames() const { return capacityFrames_; }
    // Frames covered by published finest-level entries (a multiple of kBlockFrames[0] until
    // finish()).
    std::int64_t frames() const { return publishedFrames_.load(std::memory_order_acquire); }
    bool isComplete() const { return complete_.load(std::memory_order_acquire); }
    // Bytes held for entries: the chunks allocated so far and the chunk tables.
    std::int64_t memoryBytes() const;
    // Published entries of a level.
    std::int64_t entryCount(int level) const;
    // Entry `index` of a level and channel (quantized); index < entryCount(level).
    SummaryEntry entry(int level, int channel, std::int64_t index) const;
    // The coarsest level whose blocks are no wider than framesPerPixel (0 if none).
    static int levelFor(double framesPerPixel);

    // Fills out[i] with the summary of frames [startFrame + i * framesPerPixel,
    // startFrame + (i + 1) * framesPerPixel) of one channel. Each block is counted in the
    // pixel where it starts, so adjacent pixels never share a block; a pixel narrower than a
    // finest-level block shows the block it lies in. Where a coarse level has not yet caught
    // up with the published frames, finer levels fill in. Cost: O(pixels × 16) entries.
    // min/max are the decoded entries (never inside the true extremes, at most 1/32767
    // outside them for |x| <= 1); rms is within 2/65535 of the exact value.
    void query(int channel, double startFrame, double framesPerPixel,
               std::span<PixelSummary> out) const;

private:
    struct Level {
        std::int64_t blockFrames = 0;
        std::int64_t chunkCount = 0;
        std::unique_ptr<std::atomic<SummaryEntry*>[]> chunks; // [channel][entry] per chunk
        std::atomic<std::int64_t> published{0};
        // Writer only:
        std::int64_t written = 0;
        std::vector<SummaryEntry> pending;  // per channel, the block being accumulated
        std::vector<double> pendingSquares; // per channel, sum of decoded rms² × frames
        std::int64_t pendingFrames = 0;
    };

    struct Accumulator {
        int min = 0; // codes, decoded once per pixel
        int max = 0;
        double sumSquares = 0.0;
        std::int64_t frames = 0;
        bool any = false;
    };

    SummaryEntry* slot(Level& level, int channel, std::int64_t index);
    const SummaryEntry* publishedSlot(const Level& level, int channel, std::int64_t index) const;
    void pushEntry(int levelIndex, const SummaryEntry* perChannel, std::int64_t frames);
    template <typename Sample> bool appendSamples(const Sample* samples, std::int64_t frames);
    void summarizeBlock(const float* samples, std::int64_t frames);
    void summarizeBlock(const std::int16_t* samples, std::int64_t frames);
    // Turns the block figures in blockMin_/blockMax_/blockSquares_ into entries.
    void addBlockEntries(std::int64_t frames);
    void publish();
    std::int64_t accumulate(int levelIndex, int channel, std::int64_t from, std::int64_t to,
                            std::int64_t totalFrames, Accumulator& acc) const;
    void addEntry(const SummaryEntry& e, std::int64_t entryFrames, Accumulator& acc) const;

    const int channels_;
    const std::int64_t capacityFrames_;
    std::array<Level, kLevelCount> levels_;
    std::atomic<std::int64_t> publishedFrames_{0};
    std::atomic<bool> complete_{false};

    // Writer only:
    std::int64_t writtenFrames_ = 0;
    std::vector<float> partialBlock_; // interleaved, up to one finest-level block
    std::int64_t partialFrames_ = 0;
    std::vector<float> blockMin_; // per channel scratch: exact figures of the block
    std::vector<float> blockMax_;
    std::vector<float> blockSquares_;
    std::vector<SummaryEntry> blockEntries_; // per channel scratch
    std::vector<std::int64_t> clipped_;      // per channel
    std::vector<float> peak_;                // per channel, largest |x|
    std::vector<double> sumSquares_;         // per channel
    float clipHigh_ = 1.0f;
    float clipLow_ = -1.0f;
    bool finished_ = false;
};

} // namespace tapedeck
