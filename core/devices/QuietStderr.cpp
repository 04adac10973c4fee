#include "core/devices/QuietStderr.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tapedeck {

bool QuietStderr::debugRequested() {
    const char* value = std::getenv("TAPEDECK_DEBUG_AUDIO");
    return value != nullptr && std::strcmp(value, "1") == 0;
}

QuietStderr::QuietStderr() {
    if (debugRequested()) {
        return; // keep the back ends' messages when debugging device problems
    }
    std::fflush(stderr);
    saved_ = dup(STDERR_FILENO);
    const int devNull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_ < 0 || devNull < 0) {
        if (devNull >= 0) {
            close(devNull);
        }
        return;
    }
    dup2(devNull, STDERR_FILENO);
    close(devNull);
}

QuietStderr::~QuietStderr() {
    if (saved_ >= 0) {
        std::fflush(stderr);
        dup2(saved_, STDERR_FILENO);
        close(saved_);
    }
}

} // namespace tapedeck
