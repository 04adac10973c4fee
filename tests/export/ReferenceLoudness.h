#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace tapedeck::testing {

// An independent loudness meter for the export tests, written apart from core/ (which uses
// libebur128 and its own interpolator) straight from ITU-R BS.1770-4: K-weighting from the
// standard's analogue prototypes at any rate, 400 ms blocks every 100 ms, the -70 LUFS
// absolute and -10 LU relative gates, channels summed with weight 1 (mono, stereo); true
// peak by 4× oversampling with a long (64 taps per phase) Hann-windowed sinc in double
// precision. The tests compare the product's exports against it, so a shared mistake would
// have to be made twice.
struct ReferenceReading {
    std::optional<double> integratedLufs;
    double truePeakDbtp = -300.0;
    double samplePeakDbfs = -300.0;
};

ReferenceReading measureReference(const std::vector<float>& interleaved, int channels,
                                  int sampleRate);

} // namespace tapedeck::testing
