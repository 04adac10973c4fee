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

// EBU Tech 3341: momentary loudness is over 400 ms, short-term over 3 s, both sliding
// windows; the loudness range takes one short-term value a second (Tech 3342 allows any
// overlap of at least 2/3; libebur128 uses exactly that).
constexpr unsigned long kMomentaryMs = 400;
constexpr unsigned long kShortTermMs = 3000;
constexpr unsigned long kRangeEveryMs = 1000;
// The windows slide in steps of 10 ms, and their maxima are taken at every step. Tech 3341
// asks a live meter for at least 10 updates a second, but its cases 13 and 14 place 400 ms
// tones 20 ms apart: in 100 ms steps a window could miss 40 ms of such a tone and read its
// maximum 0.46 LU low (the tolerance is 0.1); in 10 ms steps it misses at most 5 ms (0.05 LU).
constexpr unsigned long kStepMs = 10;
// A step is the whole frames in 10 ms, as ebur128_loudness_window counts them: exact at every
// rate that is a multiple of 100 Hz; at 22.05 and 11.025 kHz the windows come out 0.2 %
// short (399.1 ms, 2.993 s). Under 100 Hz, which libebur128 accepts but no sound card uses,
// 10 ms holds no frame at all, and a step is 100 ms.
constexpr unsigned long kCoarseStepMs = 100;
constexpr int kMaxShortTermSteps = static_cast<int>(kShortTermMs / kStepMs);
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
    unsigned long stepMs = kStepMs;
    int momentarySteps = 0;          // steps in a momentary window (40 of 10 ms)
    int shortTermSteps = 0;          // steps in a short-term window (300 of 10 ms)
    int rangeStepsApart = 0;         // steps between two short-term values of the range
    std::int64_t framesPerStep = 0;  // whole frames in a step, as libebur128 counts a window
    std::int64_t framesPer100ms = 0; // libebur128's 100 ms, rounded as it rounds its blocks
    std::int64_t framesIntoStep = 0; // frames since the last step boundary
    std::int64_t framesMeasured = 0;
    std::int64_t stepsDone = 0; // whole steps so far
    std::optional<double> maxMomentary;
    std::optional<double> maxShortTerm;
    std::int64_t rangeBlocksAboveGate = 0;

    // The weighted energy of each of the last shortTermSteps steps, oldest overwritten: the
    // momentary and short-term windows are sums of the last momentarySteps and
    // shortTermSteps of them. Asking libebur128 for a 3 s window at every step instead would
    // sum 3 s of samples a hundred times a second, which costs more than the whole filter.
    std::array<double, kMaxShortTermSteps> stepEnergy{};

    // Mean-square energy → LUFS (BS.1770: -0.691 + 10·log10), empty for silence.
    std::optional<double> windowLufs(int steps) const {
        if (stepsDone < steps)
            return std::nullopt;
        double sum = 0.0;
        for (int i = 0; i < steps; ++i)
            sum += stepEnergy[static_cast<std::size_t>((stepsDone - 1 - i) % shortTermSteps)];
        if (!(sum > 0.0))
            return std::nullopt;
        return -0.691 + 10.0 * std::log10(sum / steps);
    }

    void afterStep() {
        // libebur128's loudness of the last step, turned back into energy (exact in double).
        double lufs = 0.0;
        double energy = 0.0;
        if (ebur128_loudness_window(ebur.get(), stepMs, &lufs) == EBUR128_SUCCESS &&
            std::isfinite(lufs))
            energy = std::pow(10.0, (lufs + 0.691) / 10.0);
        stepEnergy[static_cast<std::size_t>(stepsDone % shortTermSteps)] = energy;
        ++stepsDone;
        if (const std::optional<double> m = windowLufs(momentarySteps))
            maxMomentary = maxMomentary ? std::max(*maxMomentary, *m) : *m;
        if (const std::optional<double> st = windowLufs(shortTermSteps)) {
            maxShortTerm = maxShortTerm ? std::max(*maxShortTerm, *st) : *st;
            if ((stepsDone - shortTermSteps) % rangeStepsApart == 0 && *st > kAbsoluteGateLufs)
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
    State& s = *state_;
    s.stepMs = sampleRate >= 1000 / static_cast<int>(kStepMs) ? kStepMs : kCoarseStepMs;
    s.momentarySteps = static_cast<int>(kMomentaryMs / s.stepMs);
    s.shortTermSteps = static_cast<int>(kShortTermMs / s.stepMs);
    s.rangeStepsApart = static_cast<int>(kRangeEveryMs / s.stepMs);
    // ebur128_loudness_window's own rounding, so a step's window holds exactly its frames.
    s.framesPerStep =
        static_cast<std::int64_t>(sampleRate) * static_cast<std::int64_t>(s.stepMs) / 1000;
    s.framesPer100ms = (sampleRate + 5) / 10;
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
    // Fed up to each step boundary and no further, so every step's energy is measured over
    // exactly its own frames.
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
    return state_->windowLufs(state_->momentarySteps);
}

std::optional<double> LoudnessMeter::shortTermLufs() const {
    return state_->windowLufs(state_->shortTermSteps);
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
        // libebur128's first gating block is four of its 100 ms, its first range block 30.
        if (s.framesMeasured < 4 * s.framesPer100ms)
            reasons.push_back("shorter than 0.4 s, the shortest span loudness is measured over");
        else
            reasons.push_back("too quiet: no 400 ms block is louder than -70 LUFS");
    }

    if (s.framesMeasured < 30 * s.framesPer100ms) {
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
