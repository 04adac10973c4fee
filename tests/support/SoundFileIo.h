#pragma once

#include "AudioBuffer.h"
#include "core/base/Result.h"

#include <string>
#include <vector>

namespace tapedeck::testing {

// Writes interleaved float samples with libsndfile. sfFormat is a libsndfile format such as
// SF_FORMAT_WAV | SF_FORMAT_PCM_16; integer formats are clipped, not wrapped, at full scale.
Status writeSoundFile(const std::string& path, const std::vector<float>& samples, int channels,
                      int sampleRate, int sfFormat);

// Reads a whole file as interleaved floats in [-1, 1] (libsndfile's normalised float view).
Result<AudioBuffer> readSoundFile(const std::string& path);

} // namespace tapedeck::testing
