#pragma once

#include "core/recording/Dropout.h"

#include <cstdio>
#include <string>

namespace tapedeck {

// The dropout sidecar of a take, "<take>.dropouts": one line per dropout (frame, seconds,
// lost frames, kind), written as each one happens so a crash keeps them. Created only when
// the first dropout happens. Disk thread. DropoutMarkers.h reads it back.
class DropoutLog {
public:
    DropoutLog(std::string takePath, int sampleRate);
    ~DropoutLog();
    DropoutLog(const DropoutLog&) = delete;
    DropoutLog& operator=(const DropoutLog&) = delete;

    static std::string pathFor(const std::string& takePath);

    void add(const Dropout& dropout);
    int count() const { return count_; }

private:
    std::string path_;
    int sampleRate_;
    std::FILE* file_ = nullptr;
    int count_ = 0;
};

} // namespace tapedeck
