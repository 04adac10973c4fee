#pragma once

#include <unistd.h>

namespace tapedeck {

// A POSIX file descriptor, closed when it goes out of scope. For the few places that need
// what libsndfile and the standard streams do not give: pwrite at an offset, ftruncate,
// fsync. Any thread; one owner.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }

private:
    int fd_;
};

} // namespace tapedeck
