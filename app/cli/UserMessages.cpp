#include "app/cli/UserMessages.h"

#include "core/devices/QuietStderr.h"

#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace tapedeck::cli {

namespace {
std::FILE* userStream = nullptr;
int userFd = STDERR_FILENO;
} // namespace

void UserMessages::separateFromLibraryOutput() {
    if (userStream != nullptr || QuietStderr::debugRequested()) {
        return;
    }
    const int saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    const int devNull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved < 0 || devNull < 0) {
        return;
    }
    std::FILE* stream = fdopen(saved, "w");
    if (stream == nullptr) {
        close(saved);
        close(devNull);
        return;
    }
    setvbuf(stream, nullptr, _IONBF, 0);
    std::fflush(stderr);
    dup2(devNull, STDERR_FILENO);
    close(devNull);
    userStream = stream;
    userFd = saved;
}

std::FILE* UserMessages::stream() {
    return userStream != nullptr ? userStream : stderr;
}

bool UserMessages::isTerminal() {
    return isatty(userFd) == 1;
}

} // namespace tapedeck::cli
