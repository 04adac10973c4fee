#include "core/dsp/Resampler.h"

namespace tapedeck {

Resampler::Resampler(double inputRate, double outputRate, int channels) {
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    soxr_error_t error = nullptr;
    soxr_ = soxr_create(inputRate, outputRate, static_cast<unsigned>(channels), &error, &io,
                        &quality, nullptr);
    if (error != nullptr) {
        soxr_ = nullptr;
    }
}

Resampler::~Resampler() {
    if (soxr_ != nullptr) {
        soxr_delete(soxr_);
    }
}

std::size_t Resampler::process(const float* input, std::size_t inputFrames, std::size_t* consumed,
                               float* output, std::size_t outputCapacity) {
    std::size_t used = 0;
    std::size_t produced = 0;
    soxr_process(soxr_, input, inputFrames, &used, output, outputCapacity, &produced);
    if (consumed != nullptr) {
        *consumed = used;
    }
    return produced;
}

void Resampler::clear() {
    soxr_clear(soxr_);
}

} // namespace tapedeck
