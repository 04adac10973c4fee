#include "SignalComparison.h"

#include <algorithm>
#include <cmath>

namespace tapedeck::testing {

namespace {

// Multiply-adds allowed for an exhaustive search before the coarse-to-fine search takes
// over: about 10 ms of work.
constexpr double kExhaustiveBudget = 2.0e7;
// Candidates kept from each coarse view. More than one, because a periodic or band-limited
// signal can have a false coarse peak close in height to the true one.
constexpr int kCandidatesPerView = 3;
// The true lag is within one block of a coarse peak; two blocks leave a margin.
constexpr int64_t kRefineBlocks = 2;

struct Overlap {
    int64_t begin = 0; // index into the reference
    int64_t end = 0;
    int64_t frames() const { return end - begin; }
};

Overlap overlapAt(int64_t referenceSize, int64_t recordedSize, int64_t lag) {
    Overlap o;
    o.begin = std::max<int64_t>(0, -lag);
    o.end = std::min<int64_t>(referenceSize, recordedSize - lag);
    if (o.end < o.begin) {
        o.end = o.begin;
    }
    return o;
}

int64_t minimumOverlap(int64_t referenceSize, int64_t recordedSize) {
    return std::max<int64_t>(1, std::min(referenceSize, recordedSize) / 2);
}

// Four independent accumulators let the loop run at the adder's throughput rather than its
// latency; the sums are in double so long signals do not lose precision.
double dot(const float* a, const float* b, int64_t n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += static_cast<double>(a[i]) * b[i];
        s1 += static_cast<double>(a[i + 1]) * b[i + 1];
        s2 += static_cast<double>(a[i + 2]) * b[i + 2];
        s3 += static_cast<double>(a[i + 3]) * b[i + 3];
    }
    for (; i < n; ++i) {
        s0 += static_cast<double>(a[i]) * b[i];
    }
    return (s0 + s1) + (s2 + s3);
}

// Prefix sums of squares: the energy of any range in O(1), which keeps the per-lag
// normalisation free.
class EnergyTable {
public:
    explicit EnergyTable(std::span<const float> x) : sums_(x.size() + 1, 0.0) {
        for (size_t i = 0; i < x.size(); ++i) {
            sums_[i + 1] = sums_[i] + static_cast<double>(x[i]) * x[i];
        }
    }
    double energy(int64_t begin, int64_t end) const { return sums_[end] - sums_[begin]; }

private:
    std::vector<double> sums_;
};

class Correlator {
public:
    Correlator(std::span<const float> reference, std::span<const float> recorded)
        : reference_(reference), recorded_(recorded), referenceEnergy_(reference),
          recordedEnergy_(recorded),
          minimumOverlap_(minimumOverlap(static_cast<int64_t>(reference.size()),
                                         static_cast<int64_t>(recorded.size()))) {}

    // Returns -2 (below any correlation) for lags that are not eligible.
    double at(int64_t lag) const {
        const Overlap o = overlapAt(static_cast<int64_t>(reference_.size()),
                                    static_cast<int64_t>(recorded_.size()), lag);
        if (o.frames() < minimumOverlap_) {
            return kIneligible;
        }
        const double energy = referenceEnergy_.energy(o.begin, o.end) *
                              recordedEnergy_.energy(o.begin + lag, o.end + lag);
        if (energy <= 0.0) {
            return 0.0;
        }
        return dot(reference_.data() + o.begin, recorded_.data() + o.begin + lag, o.frames()) /
               std::sqrt(energy);
    }

    static constexpr double kIneligible = -2.0;

private:
    std::span<const float> reference_;
    std::span<const float> recorded_;
    EnergyTable referenceEnergy_;
    EnergyTable recordedEnergy_;
    int64_t minimumOverlap_;
};

enum class BlockView { Mean, Envelope };

// One value per block of blockFrames: the mean keeps the low-frequency content; the mean
// absolute value (minus its average) keeps the loudness contour of content the mean
// cancels, such as a high tone or noise.
std::vector<float> decimate(std::span<const float> x, int64_t blockFrames, BlockView view) {
    const int64_t blocks = static_cast<int64_t>(x.size()) / blockFrames;
    std::vector<float> out(static_cast<size_t>(blocks));
    double total = 0.0;
    for (int64_t b = 0; b < blocks; ++b) {
        double sum = 0.0;
        for (int64_t i = b * blockFrames; i < (b + 1) * blockFrames; ++i) {
            sum += view == BlockView::Mean ? x[i] : std::abs(x[i]);
        }
        out[b] = static_cast<float>(sum / blockFrames);
        total += out[b];
    }
    if (view == BlockView::Envelope && blocks > 0) {
        const auto average = static_cast<float>(total / blocks);
        for (auto& v : out) {
            v -= average;
        }
    }
    return out;
}

struct Candidate {
    int64_t lag;
    double score;
};

// The best few coarse lags (in blocks), at least kRefineBlocks apart.
std::vector<int64_t> coarsePeaks(std::span<const float> reference, std::span<const float> recorded,
                                 int64_t maxLagBlocks) {
    const Correlator correlator(reference, recorded);
    std::vector<Candidate> scores;
    scores.reserve(static_cast<size_t>(2 * maxLagBlocks + 1));
    for (int64_t lag = -maxLagBlocks; lag <= maxLagBlocks; ++lag) {
        scores.push_back({lag, correlator.at(lag)});
    }
    std::sort(scores.begin(), scores.end(),
              [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    std::vector<int64_t> peaks;
    for (const auto& candidate : scores) {
        if (static_cast<int>(peaks.size()) == kCandidatesPerView ||
            candidate.score <= Correlator::kIneligible) {
            break;
        }
        const bool nearKnownPeak = std::any_of(peaks.begin(), peaks.end(), [&](int64_t p) {
            return std::abs(p - candidate.lag) <= kRefineBlocks;
        });
        if (!nearKnownPeak) {
            peaks.push_back(candidate.lag);
        }
    }
    return peaks;
}

// Smallest power-of-two block size that brings the coarse search within budget.
int64_t blockSizeFor(int64_t frames, int64_t maxLagFrames) {
    int64_t block = 1;
    while (static_cast<double>(frames / block) * static_cast<double>(2 * maxLagFrames / block + 1) >
           kExhaustiveBudget) {
        block *= 2;
    }
    return block;
}

} // namespace

LagEstimate SignalComparison::findLag(std::span<const float> reference,
                                      std::span<const float> recorded, int64_t maxLagFrames) {
    const Correlator correlator(reference, recorded);
    LagEstimate best{0, Correlator::kIneligible};
    auto search = [&](int64_t from, int64_t to) {
        for (int64_t lag = std::max(from, -maxLagFrames); lag <= std::min(to, maxLagFrames);
             ++lag) {
            const double c = correlator.at(lag);
            if (c > best.correlation) {
                best = {lag, c};
            }
        }
    };

    const int64_t frames = static_cast<int64_t>(std::min(reference.size(), recorded.size()));
    const int64_t block = blockSizeFor(frames, maxLagFrames);
    if (block == 1) {
        search(-maxLagFrames, maxLagFrames);
    } else {
        for (const BlockView view : {BlockView::Mean, BlockView::Envelope}) {
            const std::vector<float> coarseReference = decimate(reference, block, view);
            const std::vector<float> coarseRecorded = decimate(recorded, block, view);
            for (const int64_t peak :
                 coarsePeaks(coarseReference, coarseRecorded, maxLagFrames / block)) {
                search((peak - kRefineBlocks) * block, (peak + kRefineBlocks) * block);
            }
        }
    }
    if (best.correlation <= Correlator::kIneligible) {
        best = {0, 0.0};
    }
    return best;
}

double SignalComparison::correlationAt(std::span<const float> reference,
                                       std::span<const float> recorded, int64_t lagFrames) {
    const Overlap o = overlapAt(static_cast<int64_t>(reference.size()),
                                static_cast<int64_t>(recorded.size()), lagFrames);
    if (o.frames() == 0) {
        return 0.0;
    }
    const float* ref = reference.data() + o.begin;
    const float* rec = recorded.data() + o.begin + lagFrames;
    const double energy = dot(ref, ref, o.frames()) * dot(rec, rec, o.frames());
    return energy > 0.0 ? dot(ref, rec, o.frames()) / std::sqrt(energy) : 0.0;
}

double SignalComparison::residualDb(std::span<const float> reference,
                                    std::span<const float> recorded, int64_t lagFrames) {
    const Overlap o = overlapAt(static_cast<int64_t>(reference.size()),
                                static_cast<int64_t>(recorded.size()), lagFrames);
    const float* ref = reference.data() + o.begin;
    const float* rec = recorded.data() + o.begin + lagFrames;
    const double referenceEnergy = dot(ref, ref, o.frames());
    if (referenceEnergy <= 0.0) {
        return 0.0; // nothing to match against: the whole recording is residual
    }
    const double gain = dot(ref, rec, o.frames()) / referenceEnergy;
    double residualEnergy = 0.0;
    for (int64_t i = 0; i < o.frames(); ++i) {
        const double difference = rec[i] - gain * ref[i];
        residualEnergy += difference * difference;
    }
    const double matchedEnergy = gain * gain * referenceEnergy;
    if (matchedEnergy <= 0.0) {
        return 0.0;
    }
    if (residualEnergy <= 0.0) {
        return kResidualFloorDb;
    }
    return std::max(kResidualFloorDb, 10.0 * std::log10(residualEnergy / matchedEnergy));
}

Comparison SignalComparison::compare(std::span<const float> reference,
                                     std::span<const float> recorded, int64_t maxLagFrames) {
    const LagEstimate lag = findLag(reference, recorded, maxLagFrames);
    const Overlap o = overlapAt(static_cast<int64_t>(reference.size()),
                                static_cast<int64_t>(recorded.size()), lag.lagFrames);
    Comparison result;
    result.lagFrames = lag.lagFrames;
    result.correlation = correlationAt(reference, recorded, lag.lagFrames);
    result.overlapFrames = o.frames();
    const float* ref = reference.data() + o.begin;
    const float* rec = recorded.data() + o.begin + lag.lagFrames;
    const double referenceEnergy = dot(ref, ref, o.frames());
    result.gain = referenceEnergy > 0.0 ? dot(ref, rec, o.frames()) / referenceEnergy : 0.0;
    result.residualDb = residualDb(reference, recorded, lag.lagFrames);
    return result;
}

std::vector<float> SignalComparison::channel(std::span<const float> interleaved, int channels,
                                             int index) {
    const size_t frames = interleaved.size() / static_cast<size_t>(channels);
    std::vector<float> out(frames);
    for (size_t i = 0; i < frames; ++i) {
        out[i] = interleaved[i * channels + index];
    }
    return out;
}

std::vector<float> SignalComparison::mixToMono(std::span<const float> interleaved, int channels) {
    const size_t frames = interleaved.size() / static_cast<size_t>(channels);
    std::vector<float> out(frames);
    for (size_t i = 0; i < frames; ++i) {
        double sum = 0.0;
        for (int c = 0; c < channels; ++c) {
            sum += interleaved[i * channels + c];
        }
        out[i] = static_cast<float>(sum / channels);
    }
    return out;
}

std::vector<int64_t> SignalComparison::clicks(std::span<const float> interleaved, int channels,
                                              int index, int64_t minGapFrames) {
    std::vector<int64_t> out;
    const auto mono = channel(interleaved, channels, index);
    for (std::size_t i = 0; i < mono.size(); ++i) {
        const auto frame = static_cast<int64_t>(i);
        if (std::fabs(mono[i]) > 0.5f && (out.empty() || frame - out.back() > minGapFrames)) {
            out.push_back(frame);
        }
    }
    return out;
}

} // namespace tapedeck::testing
