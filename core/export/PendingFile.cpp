#include "core/export/PendingFile.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace tapedeck {

namespace {

std::string folderOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

Error exists(const std::string& path) {
    return {ErrorCode::FileExists,
            path + " already exists. Tapedeck never writes over a file; choose another name."};
}

Error createFailure(int errnoValue, const std::string& destination) {
    switch (errnoValue) {
    case ENOENT:
    case ENOTDIR:
        return {ErrorCode::Unwritable, "The folder " + folderOf(destination) +
                                           " does not exist. Create it or choose another."};
    case EACCES:
    case EPERM:
    case EROFS:
        return {ErrorCode::Unwritable, "You do not have permission to write in " +
                                           folderOf(destination) + ". Choose another folder."};
    default:
        return {ErrorCode::WriteFailed,
                "Cannot create " + destination + ": " + std::strerror(errnoValue) + "."};
    }
}

} // namespace

Result<PendingFile> PendingFile::create(const std::string& destination) {
    struct stat st {};
    if (::lstat(destination.c_str(), &st) == 0) {
        return exists(destination);
    }
    const std::filesystem::path target(destination);
    std::string pattern =
        (target.parent_path() / ("." + target.filename().string() + ".partial-XXXXXX")).string();
    if (target.parent_path().empty()) {
        pattern = "." + target.filename().string() + ".partial-XXXXXX";
    }
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) {
        return createFailure(errno, destination);
    }
    ::fchmod(fd, 0644);
    ::close(fd);
    PendingFile file;
    file.destination_ = destination;
    file.path_ = name.data();
    return file;
}

PendingFile::PendingFile(PendingFile&& other) noexcept
    : destination_(std::move(other.destination_)), path_(std::move(other.path_)) {
    other.path_.clear();
}

PendingFile& PendingFile::operator=(PendingFile&& other) noexcept {
    if (this != &other) {
        if (!path_.empty()) {
            ::unlink(path_.c_str());
        }
        destination_ = std::move(other.destination_);
        path_ = std::move(other.path_);
        other.path_.clear();
    }
    return *this;
}

PendingFile::~PendingFile() {
    if (!path_.empty()) {
        ::unlink(path_.c_str());
    }
}

int PendingFile::openForWriting() const {
    return ::open(path_.c_str(), O_RDWR | O_TRUNC | O_CLOEXEC);
}

Status PendingFile::publish() {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    // Never over a file: RENAME_NOREPLACE where the file system has it, else a hard link
    // (which fails on an existing name too), else a check just before the rename.
    if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, destination_.c_str(), RENAME_NOREPLACE) ==
        0) {
        path_.clear();
        return success();
    }
    if (errno == EEXIST) {
        return exists(destination_);
    }
    if (::link(path_.c_str(), destination_.c_str()) == 0) {
        ::unlink(path_.c_str());
        path_.clear();
        return success();
    }
    if (errno == EEXIST) {
        return exists(destination_);
    }
    struct stat st {};
    if (::lstat(destination_.c_str(), &st) == 0) {
        return exists(destination_);
    }
    if (::rename(path_.c_str(), destination_.c_str()) != 0) {
        return createFailure(errno, destination_);
    }
    path_.clear();
    return success();
}

} // namespace tapedeck
