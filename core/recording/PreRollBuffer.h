#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace tapedeck {

// The last frames of a monitored stream, for the pre-roll of a take: a circular buffer of
// interleaved float frames, sized once when the stream opens. One thread (the disk thread).
class PreRollBuffer {
public:
    PreRollBuffer(std::int64_t capacityFrames, int channels)
        : channels_(channels), capacity_(capacityFrames),
          samples_(static_cast<std::size_t>(std::max<std::int64_t>(capacityFrames, 0) * channels)) {
    }

    std::int64_t capacity() const { return capacity_; }
    std::int64_t size() const { return size_; }
    // The timeline position just after the newest frame.
    std::int64_t end() const { return end_; }
    std::int64_t oldest() const { return end_ - size_; }

    // Appends frames that sit at timeline position end(); the oldest fall out.
    void append(const float* frames, std::int64_t count) {
        if (capacity_ <= 0) {
            end_ += count;
            return;
        }
        std::int64_t skip = std::max<std::int64_t>(0, count - capacity_);
        for (std::int64_t done = skip; done < count;) {
            const std::int64_t at = (end_ + done) % capacity_;
            const std::int64_t piece = std::min(count - done, capacity_ - at);
            std::copy_n(frames + done * channels_, piece * channels_,
                        samples_.data() + at * channels_);
            done += piece;
        }
        end_ += count;
        size_ = std::min(capacity_, size_ + count);
    }

    // Copies up to `count` frames starting at timeline position `from` (oldest() ≤ from <
    // end()); returns how many.
    std::int64_t copy(std::int64_t from, float* out, std::int64_t count) const {
        from = std::max(from, oldest());
        const std::int64_t n = std::clamp<std::int64_t>(end_ - from, 0, count);
        for (std::int64_t done = 0; done < n;) {
            const std::int64_t at = (from + done) % capacity_;
            const std::int64_t piece = std::min(n - done, capacity_ - at);
            std::copy_n(samples_.data() + at * channels_, piece * channels_,
                        out + done * channels_);
            done += piece;
        }
        return n;
    }

private:
    int channels_;
    std::int64_t capacity_;
    std::vector<float> samples_;
    std::int64_t end_ = 0;
    std::int64_t size_ = 0;
};

} // namespace tapedeck
