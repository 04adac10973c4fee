#include "ReadableFile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tapedeck {

Result<ReadableFile> openReadableFile(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        return Error{ErrorCode::FileNotFound, path + " does not exist. Check the name and folder."};
    }
    if (std::filesystem::is_directory(status)) {
        return Error{ErrorCode::FileUnreadable, path + " is a folder, not a sound file."};
    }
    if (std::filesystem::file_size(path, ec) == 0 && !ec) {
        return Error{ErrorCode::FileEmpty, path + " is empty: it holds no audio."};
    }
    ReadableFile out;
    errno = 0;
    SNDFILE* handle = sf_open(path.c_str(), SFM_READ, &out.info);
    if (handle == nullptr) {
        if (errno == EACCES) {
            return Error{ErrorCode::FileUnreadable,
                         "You do not have permission to read " + path + "."};
        }
        return Error{ErrorCode::FileUnreadable,
                     path + " is not a sound file Tapedeck can read, or it is damaged (" +
                         sf_strerror(nullptr) + ")."};
    }
    out.file = SoundFile(handle);
    if (out.info.channels < 1 || out.info.samplerate < 1) {
        return Error{ErrorCode::FileUnreadable, path + " has no usable audio in it."};
    }
    if (out.info.frames == 0) {
        return Error{ErrorCode::FileEmpty, path + " holds no audio (it is zero seconds long)."};
    }
    return out;
}

} // namespace tapedeck
