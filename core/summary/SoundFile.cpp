#include "core/summary/SoundFile.h"

#include <sndfile.h>

#include <sys/stat.h>

#include <cerrno>
#include <utility>
#include <vector>

namespace tapedeck {

namespace {

std::string formatInfoName(int format) {
    SF_FORMAT_INFO info{};
    info.format = format;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof(info)) != 0 ||
        info.name == nullptr) {
        return "Unknown";
    }
    return info.name;
}

// Frames that decode from the current position to the end.
std::int64_t countFrames(SNDFILE* file, int channels) {
    constexpr sf_count_t kChunkFrames = 16384;
    std::vector<float> chunk(static_cast<std::size_t>(kChunkFrames) * channels);
    std::int64_t frames = 0;
    for (;;) {
        const sf_count_t n = sf_readf_float(file, chunk.data(), kChunkFrames);
        if (n <= 0) {
            return frames;
        }
        frames += n;
    }
}

} // namespace

Result<SoundFile> SoundFile::open(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            return Error{ErrorCode::FileNotFound, "The file " + path + " does not exist."};
        }
        return Error{ErrorCode::FileUnreadable, "The file " + path + " cannot be read."};
    }
    if (S_ISDIR(st.st_mode)) {
        return Error{ErrorCode::FileUnreadable, path + " is a folder, not an audio file."};
    }
    if (st.st_size == 0) {
        return Error{ErrorCode::FileEmpty, "The file " + path + " is empty."};
    }
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        // libsndfile's reasons end in a full stop of their own ("Format not recognised.").
        std::string reason = sf_strerror(nullptr);
        while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) {
            reason.pop_back();
        }
        return Error{ErrorCode::FileUnreadable,
                     "The file " + path + " is not audio that Tapedeck can read (" + reason + ")."};
    }
    if (info.channels <= 0 || info.samplerate <= 0) {
        sf_close(file);
        return Error{ErrorCode::FileUnreadable,
                     "The file " + path + " has no usable sample rate or channel count."};
    }
    if (info.frames == SF_COUNT_MAX || info.frames < 0) {
        // libsndfile does not know the length (a FLAC or Ogg file whose writer never
        // finished, e.g. after a crash): count the frames once, then start again.
        info.frames = countFrames(file, info.channels);
        sf_close(file);
        SF_INFO again{};
        file = sf_open(path.c_str(), SFM_READ, &again);
        if (file == nullptr || again.channels != info.channels) {
            if (file != nullptr) {
                sf_close(file);
            }
            return Error{ErrorCode::FileUnreadable, "The file " + path + " cannot be read."};
        }
    }
    AudioFormat format;
    format.sampleRate = info.samplerate;
    format.channels = info.channels;
    format.frames = info.frames;
    format.sndfileFormat = info.format;
    format.formatName = formatInfoName(info.format & SF_FORMAT_TYPEMASK);
    format.encodingName = formatInfoName(info.format & SF_FORMAT_SUBMASK);
    return SoundFile(file, std::move(format), path);
}

SoundFile::SoundFile(sf_private_tag* file, AudioFormat format, std::string path)
    : file_(file), format_(std::move(format)), path_(std::move(path)) {}

SoundFile::SoundFile(SoundFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)), format_(std::move(other.format_)),
      path_(std::move(other.path_)) {}

SoundFile& SoundFile::operator=(SoundFile&& other) noexcept {
    if (this != &other) {
        close();
        file_ = std::exchange(other.file_, nullptr);
        format_ = std::move(other.format_);
        path_ = std::move(other.path_);
    }
    return *this;
}

SoundFile::~SoundFile() {
    close();
}

void SoundFile::close() {
    if (file_ != nullptr) {
        sf_close(file_);
        file_ = nullptr;
    }
}

std::int64_t SoundFile::read(float* interleaved, std::int64_t frames) {
    if (file_ == nullptr || frames <= 0) {
        return 0;
    }
    return sf_readf_float(file_, interleaved, frames);
}

bool SoundFile::holdsInt16() const {
    switch (format_.sndfileFormat & SF_FORMAT_SUBMASK) {
    case SF_FORMAT_PCM_S8:
    case SF_FORMAT_PCM_U8:
    case SF_FORMAT_PCM_16:
        return true;
    default:
        return false;
    }
}

std::int64_t SoundFile::readInt16(std::int16_t* interleaved, std::int64_t frames) {
    if (file_ == nullptr || frames <= 0) {
        return 0;
    }
    return sf_readf_short(file_, interleaved, frames);
}

bool SoundFile::seek(std::int64_t frame) {
    if (file_ == nullptr || frame < 0 || frame > format_.frames) {
        return false;
    }
    return sf_seek(file_, frame, SEEK_SET) == frame;
}

float SoundFile::clipThreshold() const {
    // libsndfile scales integer samples by 1 / 2^(bits-1) when reading floats, so the
    // largest positive code reads as 1 - 2^-(bits-1) and the smallest as exactly -1.
    switch (format_.sndfileFormat & SF_FORMAT_SUBMASK) {
    case SF_FORMAT_PCM_S8:
    case SF_FORMAT_PCM_U8:
        return 127.0f / 128.0f;
    case SF_FORMAT_PCM_16:
        return 32767.0f / 32768.0f;
    case SF_FORMAT_PCM_24:
        return 8388607.0f / 8388608.0f;
    default:
        return 1.0f;
    }
}

} // namespace tapedeck
