#pragma once

#include <cstddef>
#include <soxr.h>

namespace tapedeck {

// Sample-rate conversion of interleaved float frames with libsoxr (Debian libsoxr-dev: a
// well-kept, high-quality resampler; writing our own would be worse and slower).
// Used by one disk thread.
class Resampler {
public:
    Resampler(double inputRate, double outputRate, int channels);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    bool valid() const { return soxr_ != nullptr; }

    // Converts as much as fits; `input == nullptr` flushes the tail at the end of the input.
    // Returns the output frames produced; *consumed receives the input frames used.
    std::size_t process(const float* input, std::size_t inputFrames, std::size_t* consumed,
                        float* output, std::size_t outputCapacity);
    // Forgets all state (after a seek).
    void clear();

private:
    soxr_t soxr_ = nullptr;
};

} // namespace tapedeck
