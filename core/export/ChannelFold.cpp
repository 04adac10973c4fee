#include "core/export/ChannelFold.h"

#include <algorithm>

namespace tapedeck {

void foldChannels(const float* in, int from, float* out, int to, std::int64_t frames) {
    if (to == from) {
        std::copy(in, in + frames * from, out);
        return;
    }
    if (to == 1) {
        const float weight = 1.0f / static_cast<float>(from);
        for (std::int64_t f = 0; f < frames; ++f) {
            float sum = 0.0f;
            for (int c = 0; c < from; ++c) {
                sum += in[f * from + c];
            }
            out[f] = sum * weight;
        }
        return;
    }
    // to == 2 (from is 1 or more than 2): a mono source goes to both sides.
    if (from == 1) {
        for (std::int64_t f = 0; f < frames; ++f) {
            out[2 * f] = out[2 * f + 1] = in[f];
        }
        return;
    }
    const int left = (from + 1) / 2;
    const int right = from / 2;
    for (std::int64_t f = 0; f < frames; ++f) {
        float l = 0.0f;
        float r = 0.0f;
        for (int c = 0; c < from; c += 2) {
            l += in[f * from + c];
        }
        for (int c = 1; c < from; c += 2) {
            r += in[f * from + c];
        }
        out[2 * f] = l / static_cast<float>(left);
        out[2 * f + 1] = r / static_cast<float>(right);
    }
}

} // namespace tapedeck
