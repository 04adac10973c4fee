#include "LoopbackTrace.h"

#include "SignalComparison.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

namespace tapedeck::testing {

namespace {

constexpr double kNoMatch = std::numeric_limits<double>::infinity();
// A sample matches when it is within this factor of the block's allowed difference; the
// factor lets single samples of an unchanged block stand out a little from the block's mean.
constexpr double kSampleToleranceFactor = 4.0;
// Reference blocks quieter than this carry no alignment (a signal's leading silence, say).
constexpr double kSilentBlockMeanSquare = 1e-12;
// Shorter stretches can match at a wrong lag by chance.
constexpr int64_t kShortestSearchedFrames = 32;

double dbToEnergyRatio(double db) {
    return std::pow(10.0, db / 10.0);
}

// The difference between reference[begin, begin+n) and the recording at that lag, in dB
// below the reference; kNoMatch when the block does not fit in the recording or its
// difference is already past `limitDb` (the early exit keeps a lag search fast).
double blockDifferenceDb(std::span<const float> reference, std::span<const float> recorded,
                         int64_t begin, int64_t n, int64_t lag, double limitDb) {
    if (begin + lag < 0 || begin + lag + n > static_cast<int64_t>(recorded.size())) {
        return kNoMatch;
    }
    double referenceEnergy = 0.0;
    for (int64_t i = begin; i < begin + n; ++i) {
        referenceEnergy += static_cast<double>(reference[i]) * reference[i];
    }
    const double limit = referenceEnergy * dbToEnergyRatio(limitDb);
    double differenceEnergy = 0.0;
    for (int64_t i = begin; i < begin + n; ++i) {
        const double d = static_cast<double>(recorded[i + lag]) - reference[i];
        differenceEnergy += d * d;
        if (differenceEnergy > limit) {
            return kNoMatch;
        }
    }
    if (differenceEnergy <= 0.0) {
        return SignalComparison::kResidualFloorDb;
    }
    return std::max(SignalComparison::kResidualFloorDb,
                    10.0 * std::log10(differenceEnergy / referenceEnergy));
}

struct BlockMatch {
    int64_t lag = 0;
    double db = kNoMatch;
};

class Tracer {
public:
    Tracer(std::span<const float> reference, std::span<const float> recorded,
           const LoopbackTrace::Options& options)
        : reference_(reference), recorded_(recorded), options_(options) {
        double energy = 0.0;
        for (float x : reference) {
            energy += static_cast<double>(x) * x;
        }
        const double meanSquare = reference.empty() ? 0.0 : energy / reference.size();
        sampleTolerance_ =
            kSampleToleranceFactor * std::sqrt(meanSquare * dbToEnergyRatio(options.matchDb));
    }

    BlockMatch at(int64_t begin, int64_t n, int64_t lag) const {
        return {lag, blockDifferenceDb(reference_, recorded_, begin, n, lag, options_.matchDb)};
    }

    // Every lag within maxJumpFrames of `around`, nearest first, so that of equally good
    // matches (a block of silence in both) the one closest to the last alignment wins.
    BlockMatch search(int64_t begin, int64_t n, int64_t around) const {
        BlockMatch best;
        for (int64_t distance = 0; distance <= options_.maxJumpFrames; ++distance) {
            for (const int64_t lag : {around - distance, around + distance}) {
                const BlockMatch m = at(begin, n, lag);
                if (m.db < best.db) {
                    best = m;
                }
                if (distance == 0) {
                    break;
                }
            }
        }
        return best;
    }

    bool sampleMatches(int64_t index, int64_t lag) const {
        const int64_t at = index + lag;
        if (at < 0 || at >= static_cast<int64_t>(recorded_.size())) {
            return false;
        }
        return std::abs(static_cast<double>(recorded_[at]) - reference_[index]) <= sampleTolerance_;
    }

    bool isSilent(int64_t begin) const {
        double energy = 0.0;
        for (int64_t i = begin; i < begin + options_.blockFrames; ++i) {
            energy += static_cast<double>(reference_[i]) * reference_[i];
        }
        return energy / options_.blockFrames < kSilentBlockMeanSquare;
    }

    int64_t recordedFrames() const { return static_cast<int64_t>(recorded_.size()); }

private:
    std::span<const float> reference_;
    std::span<const float> recorded_;
    LoopbackTrace::Options options_;
    double sampleTolerance_ = 0.0;
};

const char* kindName(LoopbackGlitch::Kind kind) {
    switch (kind) {
    case LoopbackGlitch::Kind::Inserted:
        return "inserted";
    case LoopbackGlitch::Kind::Lost:
        return "lost";
    case LoopbackGlitch::Kind::Replaced:
        return "replaced";
    }
    return "?";
}

} // namespace

LoopbackTrace LoopbackTrace::follow(std::span<const float> reference,
                                    std::span<const float> recorded, const Options& options) {
    LoopbackTrace trace;
    const Tracer tracer(reference, recorded, options);
    const int64_t blockFrames = options.blockFrames;
    const int64_t blocks = static_cast<int64_t>(reference.size()) / blockFrames;
    trace.referenceFrames_ = blocks * blockFrames;
    trace.worstUnchangedDb_ = SignalComparison::kResidualFloorDb;
    const int64_t overall =
        SignalComparison::findLag(reference, recorded, static_cast<int64_t>(recorded.size()))
            .lagFrames;

    std::optional<int64_t> lag; // alignment of the last unchanged block
    int64_t spanStart = -1;     // first reference frame not accounted for since then
    int searches = 0;

    // Accounts for reference[spanStart, end) between an alignment `before` (none at the
    // start) and `after`: as much as matches sample by sample on either side is unchanged,
    // the jump between the two alignments is a glitch, and whatever else differs was replaced.
    auto closeSpan = [&](int64_t end, std::optional<int64_t> before, int64_t after) {
        const int64_t start = spanStart < 0 ? end : spanStart;
        const int64_t n = end - start;
        int64_t prefix = 0;
        if (before) {
            while (prefix < n && tracer.sampleMatches(start + prefix, *before)) {
                ++prefix;
            }
        }
        int64_t suffix = 0;
        while (suffix < n - prefix && tracer.sampleMatches(end - 1 - suffix, after)) {
            ++suffix;
        }
        // A glitch within the signal's first block leaves no earlier alignment: look for
        // what came before it on its own.
        if (!before && n - suffix >= kShortestSearchedFrames) {
            const BlockMatch head = tracer.search(start, n - suffix, after);
            if (head.db != kNoMatch) {
                before = head.lag;
                trace.firstLag_ = head.lag;
                while (prefix < n - suffix && tracer.sampleMatches(start + prefix, *before)) {
                    ++prefix;
                }
            }
        }
        trace.unchangedFrames_ += prefix + suffix;
        int64_t unexplained = n - prefix - suffix;
        if (before && after != *before) {
            const bool inserted = after > *before;
            trace.glitches_.push_back(
                {inserted ? LoopbackGlitch::Kind::Inserted : LoopbackGlitch::Kind::Lost,
                 start + prefix, std::abs(after - *before)});
            // Lost samples are, by definition, reference frames found nowhere.
            if (!inserted) {
                unexplained -= *before - after;
            }
        }
        if (unexplained > 0) {
            trace.glitches_.push_back(
                {LoopbackGlitch::Kind::Replaced, start + prefix, unexplained});
        }
        spanStart = -1;
    };

    for (int64_t b = 0; b < blocks; ++b) {
        const int64_t begin = b * blockFrames;
        if (tracer.isSilent(begin)) {
            continue;
        }
        const int64_t predicted = lag.value_or(overall);
        if (lag && begin + predicted + blockFrames > tracer.recordedFrames()) {
            trace.cutOffFrames_ = trace.referenceFrames_ - begin;
            break;
        }
        BlockMatch match = tracer.at(begin, blockFrames, predicted);
        if (match.db == kNoMatch && searches < options.maxSearches) {
            ++searches;
            match = tracer.search(begin, blockFrames, predicted);
        }
        if (match.db == kNoMatch) {
            if (spanStart < 0) {
                spanStart = begin;
            }
            continue;
        }
        if (!lag) {
            trace.firstLag_ = match.lag; // unless closeSpan() finds an earlier alignment
        }
        if (spanStart >= 0 || (lag && match.lag != *lag)) {
            closeSpan(begin, lag, match.lag);
        }
        lag = match.lag;
        trace.unchangedFrames_ += blockFrames;
        trace.worstUnchangedDb_ = std::max(trace.worstUnchangedDb_, match.db);
    }
    if (spanStart >= 0) {
        const int64_t end = trace.referenceFrames_ - trace.cutOffFrames_;
        trace.glitches_.push_back({LoopbackGlitch::Kind::Replaced, spanStart, end - spanStart});
    }
    if (!lag) {
        trace.worstUnchangedDb_ = 0.0; // nothing matched at all
    }
    return trace;
}

bool LoopbackTrace::glitchesAreAll(LoopbackGlitch::Kind kind) const {
    return std::all_of(glitches_.begin(), glitches_.end(),
                       [kind](const LoopbackGlitch& g) { return g.kind == kind; });
}

int64_t LoopbackTrace::glitchFrames(LoopbackGlitch::Kind kind) const {
    int64_t frames = 0;
    for (const auto& g : glitches_) {
        if (g.kind == kind) {
            frames += g.frames;
        }
    }
    return frames;
}

std::string LoopbackTrace::faultsBeyond(LoopbackGlitch::Kind helperKind,
                                        double worstAllowedDb) const {
    std::string faults;
    if (unchangedFrames_ == 0) {
        return "nothing of the signal is in the recording";
    }
    if (!glitchesAreAll(helperKind)) {
        faults += "a glitch the helper client cannot cause; ";
    }
    if (cutOffFrames_ > 0) {
        faults += "the recording ends before the signal does; ";
    }
    if (worstUnchangedDb_ > worstAllowedDb) {
        char line[96];
        std::snprintf(line, sizeof line, "a block differs by %.1f dB, more than %.1f dB; ",
                      worstUnchangedDb_, worstAllowedDb);
        faults += line;
    }
    return faults;
}

std::string LoopbackTrace::describe(int sampleRate) const {
    char line[256];
    std::snprintf(line, sizeof line,
                  "lag %lld, %lld of %lld frames unchanged (worst block %.1f dB), %lld cut off",
                  static_cast<long long>(firstLag_), static_cast<long long>(unchangedFrames_),
                  static_cast<long long>(referenceFrames_), worstUnchangedDb_,
                  static_cast<long long>(cutOffFrames_));
    std::string text = line;
    if (glitches_.empty()) {
        return text + ", no glitch";
    }
    for (const auto& g : glitches_) {
        std::snprintf(line, sizeof line, "; %lld frames %s at %.4f s",
                      static_cast<long long>(g.frames), kindName(g.kind),
                      static_cast<double>(g.referenceFrame) / sampleRate);
        text += line;
    }
    return text;
}

} // namespace tapedeck::testing
