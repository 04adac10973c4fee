#include "core/loudness/LoudnessMeter.h"

#include "core/loudness/TruePeakMeter.h"

#include <ebur128.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace tapedeck {

namespace {

// EBU Tech 3341: momentary loudness is over 400 ms, short-term over 3 s; both advance in
// 100 ms steps, and the loudness range takes one short-term value a second (Tech 3342
// allows any overlap of at least 2/3; libebur128 uses exactly that).
constexpr unsigned long kStepMs = 100;
constexpr int kMomentarySteps = 4;
constexpr int kShortTermSteps = 30;
constexpr int kRangeStepsApart = 10;
// BS.1770-4's absolute gate; a block below it never counts.
constexpr double kAbsoluteGateLufs = -70.0;

struct StateDeleter {
    void operator()(ebur128_state* st) const { ebur128_destroy(&st); }
};

std::optional<double> finiteOrEmpty(double value) {
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

void setChannelWeights(ebur128_state* st, int channels) {
    // libebur128 already maps 3, 4, 5 and 6+ channels by the usual WAV order; mono and
    // stereo are set here so the choice is visible. A mono take is one loudspeaker
    // (weight 1.0), not dual mono: that is what the -19 LUFS mono podcast target assumes.
    if (channels == 1) {
        ebur128_set_channel(st, 0, EBUR128_CENTER);
    } else if (channels == 2) {
        ebur128_set_channel(st, 0, EBUR128_LEFT);
        ebur128_set_channel(st, 1, EBUR128_RIGHT);
    } else if (channels == 6) {
        ebur128_set_channel(st, 0, EBUR128_LEFT);
        ebur128_set_channel(st, 1, EBUR128_RIGHT);
        ebur128_set_channel(st, 2, EBUR128_CENTER);
        ebur128_set_channel(st, 3, EBUR128_UNUSED);
        ebur128_set_channel(st, 4, EBUR128_LEFT_SURROUND);
        ebur128_set_channel(st, 5, EBUR128_RIGHT_SURROUND);
    }
}

} // namespace

struct LoudnessMeter::State {
    std::unique_ptr<ebur128_state, StateDeleter> ebur;
    int channels = 0;
    int sampleRate = 0;
    std::optional<TruePeakMeter> truePeak; // empty with Peak::None
    std::int64_t framesPerStep = 0;        // 100 ms, rounded as libebur128 rounds it
    std::int64_t framesIntoStep = 0;       // frames since the last 100 ms boundary
    std::int64_t framesMeasured = 0;
    std::int64_t stepsDone = 0; // whole 100 ms steps so far
    std::optional<double> maxMomentary;
    std::optional<double> maxShortTerm;
    std::int64_t rangeBlocksAboveGate = 0;

    // The weighted energy of each of the last 30 steps of 100 ms, oldest overwritten: the
    // momentary and short-term windows are sums of 4 and 30 of them. Asking libebur128 for
    // a 3 s window at every step instead would sum 3 s of samples ten times a second,
    // which costs more than the whole filter.
    std::array<double, kShortTermSteps> stepEnergy{};

    // Mean-square energy → LUFS (BS.1770: -0.691 + 10·log10), empty for silence.
    std::optional<double> windowLufs(int steps) const {
        if (stepsDone < steps)
            return std::nullopt;
        double sum = 0.0;
        for (int i = 0; i < steps; ++i)
            sum += stepEnergy[static_cast<std::size_t>((stepsDone - 1 - i) % kShortTermSteps)];
        if (!(sum > 0.0))
            return std::nullopt;
        return -0.691 + 10.0 * std::log10(sum / steps);
    }

    void afterStep() {
        // libebur128's loudness of the last 100 ms, turned back into energy (exact in double).
        double lufs = 0.0;
        double energy = 0.0;
        if (ebur128_loudness_window(ebur.get(), kStepMs, &lufs) == EBUR128_SUCCESS &&
            std::isfinite(lufs))
            energy = std::pow(10.0, (lufs + 0.691) / 10.0);
        stepEnergy[static_cast<std::size_t>(stepsDone % kShortTermSteps)] = energy;
        ++stepsDone;
        if (const std::optional<double> m = windowLufs(kMomentarySteps))
            maxMomentary = maxMomentary ? std::max(*maxMomentary, *m) : *m;
        if (const std::optional<double> st = windowLufs(kShortTermSteps)) {
            maxShortTerm = maxShortTerm ? std::max(*maxShortTerm, *st) : *st;
            if ((stepsDone - kShortTermSteps) % kRangeStepsApart == 0 && *st > kAbsoluteGateLufs)
                ++rangeBlocksAboveGate;
        }
    }
};

LoudnessMeter::LoudnessMeter(int channels, int sampleRate, Peak peak)
    : state_(std::make_unique<State>()) {
    if (!supports(channels, sampleRate))
        throw std::invalid_argument("LoudnessMeter: unsupported channel count or sample rate");
    // True peak is measured by TruePeakMeter, not EBUR128_MODE_TRUE_PEAK: the same filter,
    // about six times faster (it skips blocks that cannot raise the peak and vectorizes).
    const int mode = EBUR128_MODE_M | EBUR128_MODE_S | EBUR128_MODE_I | EBUR128_MODE_LRA;
    state_->ebur.reset(ebur128_init(static_cast<unsigned>(channels),
                                    static_cast<unsigned long>(sampleRate), mode));
    if (!state_->ebur)
        throw std::bad_alloc();
    setChannelWeights(state_->ebur.get(), channels);
    state_->channels = channels;
    state_->sampleRate = sampleRate;
    if (peak == Peak::True)
        state_->truePeak.emplace(channels, sampleRate);
    state_->framesPerStep = (sampleRate + 5) / 10;
}

bool LoudnessMeter::supports(int channels, int sampleRate) {
    return channels >= 1 && channels <= 64 && sampleRate >= 16 && sampleRate <= 2822400;
}

LoudnessMeter::~LoudnessMeter() = default;
LoudnessMeter::LoudnessMeter(LoudnessMeter&&) noexcept = default;
LoudnessMeter& LoudnessMeter::operator=(LoudnessMeter&&) noexcept = default;

void LoudnessMeter::addFrames(const float* interleaved, std::int64_t frames) {
    State& s = *state_;
    if (s.truePeak)
        s.truePeak->addFrames(interleaved, frames);
    // Fed up to each 100 ms boundary and no further, so the momentary and short-term
    // maxima are read at exactly the points libebur128 gates at.
    while (frames > 0) {
        const std::int64_t piece = std::min(frames, s.framesPerStep - s.framesIntoStep);
        ebur128_add_frames_float(s.ebur.get(), interleaved, static_cast<std::size_t>(piece));
        interleaved += piece * s.channels;
        frames -= piece;
        s.framesMeasured += piece;
        s.framesIntoStep += piece;
        if (s.framesIntoStep == s.framesPerStep) {
            s.framesIntoStep = 0;
            s.afterStep();
        }
    }
}

std::optional<double> LoudnessMeter::momentaryLufs() const {
    return state_->windowLufs(kMomentarySteps);
}

std::optional<double> LoudnessMeter::shortTermLufs() const {
    return state_->windowLufs(kShortTermSteps);
}

std::optional<double> LoudnessMeter::integratedLufs() const {
    double i = 0.0;
    if (ebur128_loudness_global(state_->ebur.get(), &i) != EBUR128_SUCCESS)
        return std::nullopt;
    return finiteOrEmpty(i);
}

LoudnessReading LoudnessMeter::reading() const {
    const State& s = *state_;
    LoudnessReading r;
    std::vector<std::string> reasons;

    r.integratedLufs = integratedLufs();
    r.maxMomentaryLufs = s.maxMomentary;
    r.maxShortTermLufs = s.maxShortTerm;
    if (!r.integratedLufs) {
        if (s.stepsDone < kMomentarySteps)
            reasons.push_back("shorter than 0.4 s, the shortest span loudness is measured over");
        else
            reasons.push_back("too quiet: no 400 ms block is louder than -70 LUFS");
    }

    if (s.stepsDone < kShortTermSteps) {
        if (r.integratedLufs)
            reasons.push_back("shorter than 3 s, too short for a loudness range");
    } else if (s.rangeBlocksAboveGate > 0) {
        double range = 0.0;
        if (ebur128_loudness_range(s.ebur.get(), &range) == EBUR128_SUCCESS)
            r.rangeLu = finiteOrEmpty(range);
    } else if (r.integratedLufs) {
        reasons.push_back("too quiet for a loudness range: no 3 s block is louder than -70 LUFS");
    }

    if (!s.truePeak) {
        reasons.push_back("true peak not measured");
    } else if (s.framesMeasured > 0) {
        const double highest = s.truePeak->truePeak();
        if (highest > 0.0)
            r.truePeakDbtp = 20.0 * std::log10(highest);
        else
            reasons.push_back("digital silence has no peak");
    }

    for (std::size_t i = 0; i < reasons.size(); ++i)
        r.reason += (i == 0 ? "" : "; ") + reasons[i];
    return r;
}

int LoudnessMeter::channels() const {
    return state_->channels;
}
int LoudnessMeter::sampleRate() const {
    return state_->sampleRate;
}
std::int64_t LoudnessMeter::framesMeasured() const {
    return state_->framesMeasured;
}

} // namespace tapedeck
