// libFuzzer entry point: any bytes, opened as a sound file the way Tapedeck opens one. The
// input lives in a memory file (memfd) reached through /proc/self/fd, so the code under test
// sees an ordinary path. Each run must end without a crash, a sanitizer report or an
// uncaught exception; errors returned as values are fine.

#include "core/summary/AudioFileInfo.h"
#include "core/summary/SampleReader.h"
#include "core/summary/SoundFile.h"
#include "core/summary/SummaryBuilder.h"
#include "core/summary/WaveformSummary.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace {

// A memory file holding the input; closed when destroyed.
class MemoryFile {
public:
    MemoryFile(const std::uint8_t* data, std::size_t size)
        : fd_(::memfd_create("fuzz-input", MFD_CLOEXEC)) {
        std::size_t done = 0;
        while (fd_ >= 0 && done < size) {
            const ssize_t n = ::write(fd_, data + done, size - done);
            if (n <= 0) {
                break;
            }
            done += static_cast<std::size_t>(n);
        }
    }
    ~MemoryFile() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    bool ok() const { return fd_ >= 0; }
    std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

private:
    int fd_;
};

void scanWithBuilder(const std::string& path) {
    auto file = tapedeck::SoundFile::open(path);
    if (!file) {
        return;
    }
    const auto& format = file->format();
    if (format.channels > tapedeck::WaveformSummary::kMaxChannels) {
        return;
    }
    // The GUI's sizing: the announced length, at least one block.
    const std::int64_t capacity =
        std::clamp<std::int64_t>(format.frames, tapedeck::WaveformSummary::kBlockFrames[0],
                                 tapedeck::WaveformSummary::kDefaultCapacityFrames);
    auto summary = std::make_shared<tapedeck::WaveformSummary>(format.channels, capacity);
    tapedeck::SummaryBuilder builder(std::move(*file), summary);
    builder.start();
    builder.wait();
    (void)builder.progress();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    MemoryFile input(data, size);
    if (!input.ok()) {
        return 0;
    }
    const std::string path = input.path();
    scanWithBuilder(path);
    (void)tapedeck::analyzeAudioFile(path);
    (void)tapedeck::SampleReader::read(path, 0, 4096);
    (void)tapedeck::SampleReader::read(path, 1000, 100);
    return 0;
}
