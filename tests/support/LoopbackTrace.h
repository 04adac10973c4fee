#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tapedeck::testing {

// One place where a recording stops following the signal that was played.
struct LoopbackGlitch {
    enum class Kind {
        // The rest of the signal arrived later than before: silence was put in between.
        // The player fell behind (its stream ran dry), or a dropout was padded with silence
        // without holding back what came after.
        Inserted,
        // The rest of the signal arrived earlier than before: a stretch of it never reached
        // the recording. The recorder fell behind and the server dropped what it could not
        // hold.
        Lost,
        // The signal went on at the same place, but a stretch of it differs (a dropout kept as
        // silence of the same length, or damaged samples).
        Replaced,
    };
    Kind kind = Kind::Inserted;
    int64_t referenceFrame = 0; // where in the played signal it happened
    int64_t frames = 0;         // frames inserted, lost or replaced
};

// A recording of a known signal, followed block by block: where each block of the reference
// sits in the recording, which blocks arrived unchanged, and where the alignment jumps.
//
// Loopback tests use it to tell who caused a glitch. In a loopback test one side is Tapedeck
// and the other a helper client (pacat); each side can only cause some kinds of glitch:
// - a player that falls behind inserts silence (Inserted);
// - a recorder that falls behind loses samples (Lost);
// - Tapedeck's recorder, when its disk cannot keep up, keeps the lost span as silence of the
//   same length (Replaced) and counts it.
// A test accepts the kinds only the helper can cause, reports them, and fails on the rest.
class LoopbackTrace {
public:
    struct Options {
        // Small enough to place a glitch within a few milliseconds, large enough that a block
        // of a sweep matches at one lag only.
        int64_t blockFrames = 256;
        // A block counts as unchanged when (recorded - reference) is this far below the
        // reference; bit-exact paths give the floor, 24-bit files about -135 dB.
        double matchDb = -50.0;
        // How far from the overall alignment a block is searched for after a glitch.
        int64_t maxJumpFrames = 48000;
        // Blocks searched for at every lag before the trace gives up on the rest: a recording
        // that holds nothing of the signal must not take minutes to say so.
        int maxSearches = 64;
    };

    // Both signals mono (see SignalComparison::channel), at the same rate.
    static LoopbackTrace follow(std::span<const float> reference, std::span<const float> recorded,
                                const Options& options);
    static LoopbackTrace follow(std::span<const float> reference, std::span<const float> recorded) {
        return follow(reference, recorded, Options{});
    }

    // Where the first unchanged block of the reference starts in the recording.
    int64_t firstLag() const { return firstLag_; }
    int64_t referenceFrames() const { return referenceFrames_; }
    // Reference frames found unchanged, in order.
    int64_t unchangedFrames() const { return unchangedFrames_; }
    // Reference frames that lie past the end of the recording at the last alignment.
    int64_t cutOffFrames() const { return cutOffFrames_; }
    // The worst (highest) block difference among the unchanged blocks, in dB below the
    // reference; SignalComparison::kResidualFloorDb when every one is bit-exact.
    double worstUnchangedDb() const { return worstUnchangedDb_; }
    const std::vector<LoopbackGlitch>& glitches() const { return glitches_; }

    // True when every glitch is of this kind (or there is none).
    bool glitchesAreAll(LoopbackGlitch::Kind kind) const;
    // Frames inserted, lost or replaced by glitches of this kind.
    int64_t glitchFrames(LoopbackGlitch::Kind kind) const;

    // The verdict of a loopback test: empty when the recording holds the whole signal, every
    // unchanged block within `worstAllowedDb`, and nothing wrong but glitches of the kind the
    // helper client can cause (`helperKind`), which are reported, not failed. Otherwise says
    // what is wrong, for the test's failure message.
    std::string faultsBeyond(LoopbackGlitch::Kind helperKind, double worstAllowedDb) const;

    // One line for the test log: the alignment, how much arrived unchanged, each glitch.
    std::string describe(int sampleRate) const;

private:
    int64_t firstLag_ = 0;
    int64_t referenceFrames_ = 0;
    int64_t unchangedFrames_ = 0;
    int64_t cutOffFrames_ = 0;
    double worstUnchangedDb_ = 0.0;
    std::vector<LoopbackGlitch> glitches_;
};

} // namespace tapedeck::testing
