#pragma once

#include <sndfile.h>
#include <utility>

namespace tapedeck {

// Owns a SNDFILE*; closes it when destroyed. Used by one thread at a time.
class SoundFile {
public:
    SoundFile() = default;
    explicit SoundFile(SNDFILE* handle) : handle_(handle) {}
    ~SoundFile() { close(); }
    SoundFile(SoundFile&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
    SoundFile& operator=(SoundFile&& other) noexcept {
        if (this != &other) {
            close();
            handle_ = std::exchange(other.handle_, nullptr);
        }
        return *this;
    }
    SoundFile(const SoundFile&) = delete;
    SoundFile& operator=(const SoundFile&) = delete;

    SNDFILE* get() const { return handle_; }
    explicit operator bool() const { return handle_ != nullptr; }

    // Returns libsndfile's error code (0 on success); closing finalizes the header.
    int close() {
        const int err = handle_ != nullptr ? sf_close(handle_) : 0;
        handle_ = nullptr;
        return err;
    }

private:
    SNDFILE* handle_ = nullptr;
};

} // namespace tapedeck
