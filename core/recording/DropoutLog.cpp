#include "core/recording/DropoutLog.h"

namespace tapedeck {

DropoutLog::DropoutLog(std::string takePath, int sampleRate)
    : path_(pathFor(takePath)), sampleRate_(sampleRate) {}

DropoutLog::~DropoutLog() {
    if (file_ != nullptr) {
        std::fclose(file_);
    }
}

std::string DropoutLog::pathFor(const std::string& takePath) {
    return takePath + ".dropouts";
}

void DropoutLog::add(const Dropout& dropout) {
    ++count_;
    if (file_ == nullptr) {
        file_ = std::fopen(path_.c_str(), "w");
        if (file_ == nullptr) {
            return; // the take itself matters more than its markers; they are still counted
        }
        std::fputs("# Tapedeck dropouts: frame\tseconds\tlost frames\tkind\n", file_);
    }
    std::fprintf(file_, "%lld\t%.6f\t%lld\t%s\n", static_cast<long long>(dropout.frame),
                 static_cast<double>(dropout.frame) / sampleRate_,
                 static_cast<long long>(dropout.lostFrames),
                 dropout.kind == DropoutKind::RingOverflow ? "overflow" : "xrun");
    std::fflush(file_);
}

} // namespace tapedeck
