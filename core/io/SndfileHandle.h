#pragma once

#include <sndfile.h>
#include <utility>

namespace tapedeck {

// Owns a SNDFILE* open for writing; closes it (finalizing the header) when destroyed.
// Used by one thread at a time. Reading goes through core/summary/SoundFile.h.
class SndfileHandle {
public:
    SndfileHandle() = default;
    explicit SndfileHandle(SNDFILE* handle) : handle_(handle) {}
    ~SndfileHandle() { close(); }
    SndfileHandle(SndfileHandle&& other) noexcept
        : handle_(std::exchange(other.handle_, nullptr)) {}
    SndfileHandle& operator=(SndfileHandle&& other) noexcept {
        if (this != &other) {
            close();
            handle_ = std::exchange(other.handle_, nullptr);
        }
        return *this;
    }
    SndfileHandle(const SndfileHandle&) = delete;
    SndfileHandle& operator=(const SndfileHandle&) = delete;

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
