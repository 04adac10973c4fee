#include "FakeSleepServices.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

FakeLogind::~FakeLogind() {
    if (writeEnd_ >= 0)
        ::close(writeEnd_);
}

QDBusUnixFileDescriptor FakeLogind::Inhibit(const QString& what, const QString& who,
                                            const QString& why, const QString& mode) {
    ++calls;
    lastCall = {what, who, why, mode};
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return {};
    if (writeEnd_ >= 0)
        ::close(writeEnd_);
    writeEnd_ = fds[1];
    QDBusUnixFileDescriptor handed(fds[0]); // takes a copy
    ::close(fds[0]);
    return handed;
}

bool FakeLogind::held() const {
    if (writeEnd_ < 0)
        return false;
    pollfd p{writeEnd_, 0, 0};
    // With no reader left, the write end reports an error.
    return ::poll(&p, 1, 0) == 0 || (p.revents & (POLLERR | POLLHUP)) == 0;
}
