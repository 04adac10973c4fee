#include "CrashedTake.h"

#include "core/recording/RecordingFile.h"

#include <algorithm>
#include <csignal>
#include <sndfile.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tapedeck::testing {

namespace {
constexpr std::int64_t kChunkFrames = 4096;

void writeChunks(SNDFILE* file, int channels, const std::vector<float>& interleaved,
                 std::int64_t headerUpdateAfterFrames) {
    const auto frames = static_cast<std::int64_t>(interleaved.size()) / channels;
    bool updated = false;
    for (std::int64_t done = 0; done < frames;) {
        const std::int64_t n = std::min(kChunkFrames, frames - done);
        sf_writef_float(file, interleaved.data() + done * channels, n);
        done += n;
        if (headerUpdateAfterFrames > 0 && !updated && done >= headerUpdateAfterFrames) {
            sf_command(file, SFC_UPDATE_HEADER_NOW, nullptr, 0);
            sf_write_sync(file);
            updated = true;
        }
    }
}
} // namespace

bool writeCrashedTake(const std::string& path, FileFormat format, int sampleRate, int channels,
                      const std::vector<float>& interleaved, std::int64_t headerUpdateAfterFrames) {
    const pid_t child = ::fork();
    if (child == 0) {
        auto file = createRecordingFile(path, format, sampleRate, channels);
        if (!file) {
            ::_exit(1);
        }
        writeChunks(file->get(), channels, interleaved, headerUpdateAfterFrames);
        ::raise(SIGKILL); // the file is never closed
        ::_exit(2);
    }
    int status = 0;
    if (child < 0 || ::waitpid(child, &status, 0) != child) {
        return false;
    }
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

bool writeFinishedTake(const std::string& path, FileFormat format, int sampleRate, int channels,
                       const std::vector<float>& interleaved) {
    auto file = createRecordingFile(path, format, sampleRate, channels);
    if (!file) {
        return false;
    }
    writeChunks(file->get(), channels, interleaved, 0);
    return file->close() == 0;
}

std::vector<float> decodeAll(const std::string& path, int* channelsOut, std::int64_t maxFrames) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return {};
    }
    std::vector<float> out;
    std::vector<float> chunk(static_cast<std::size_t>(kChunkFrames) * info.channels);
    std::int64_t total = 0;
    while (total < maxFrames) {
        const sf_count_t n = sf_readf_float(file, chunk.data(), kChunkFrames);
        if (n <= 0) {
            break;
        }
        out.insert(out.end(), chunk.begin(), chunk.begin() + n * info.channels);
        total += n;
    }
    sf_close(file);
    if (channelsOut != nullptr) {
        *channelsOut = info.channels;
    }
    return out;
}

std::int64_t headerFrames(const std::string& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return -1;
    }
    sf_close(file);
    return info.frames;
}

} // namespace tapedeck::testing
