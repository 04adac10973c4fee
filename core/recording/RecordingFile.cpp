#include "core/recording/RecordingFile.h"

#include "core/markers/FlacMarkerComments.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace tapedeck {

namespace {

std::string folderOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

Error openFailure(int errnoValue, const std::string& path) {
    switch (errnoValue) {
    case EEXIST:
        return {ErrorCode::FileExists,
                path + " already exists. Tapedeck never records over a file; choose another name."};
    case ENOENT:
        if (std::error_code ec; std::filesystem::is_directory(folderOf(path), ec)) {
            // Special file systems such as /proc answer ENOENT for a folder that exists.
            return {ErrorCode::Unwritable,
                    "Files cannot be created in " + folderOf(path) + ". Choose another folder."};
        }
        return {ErrorCode::Unwritable,
                "The folder " + folderOf(path) + " does not exist. Create it or choose another."};
    case EACCES:
    case EPERM:
        return {ErrorCode::Unwritable, "You do not have permission to write in " + folderOf(path) +
                                           ". Choose another folder."};
    case EROFS:
        return {ErrorCode::Unwritable,
                folderOf(path) + " is on a read-only disk. Choose another folder."};
    case ENOSPC:
        return {ErrorCode::WriteFailed, "The disk holding " + folderOf(path) +
                                            " is full. Free some space or choose "
                                            "another folder."};
    default:
        return {ErrorCode::Unwritable, "Cannot create " + path + ": " + std::strerror(errnoValue)};
    }
}

} // namespace

Result<SndfileHandle> createRecordingFile(const std::string& path, FileFormat format,
                                          int sampleRate, int channels) {
    if (path.empty()) {
        return Error{ErrorCode::InvalidArgument, "No file name was given for the recording."};
    }
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    info.format = sndfileFormat(format);
    if (!sf_format_check(&info)) {
        return Error{ErrorCode::UnsupportedFormat,
                     describeFileFormat(format) + " cannot hold " + std::to_string(channels) +
                         " channels at " + std::to_string(sampleRate) + " Hz. Choose WAV."};
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        return openFailure(errno, path);
    }
    SNDFILE* handle = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);
    if (handle == nullptr) {
        const std::string reason = sf_strerror(nullptr);
        ::close(fd);
        ::unlink(path.c_str());
        return Error{ErrorCode::UnsupportedFormat, "Cannot write " + path + ": " + reason};
    }
    SndfileHandle file(handle);
    // Clip samples beyond full scale instead of wrapping them around (integer WAV) or
    // making the FLAC encoder give up and lose the rest of the take.
    sf_command(handle, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    // Room for the markers, which are known only when the take ends: they replace this
    // comment in place (libsndfile writes no FLAC padding, and growing the metadata of a
    // FLAC or Ogg file would copy the whole file).
    if ((info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_FLAC ||
        (info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_OGG) {
        sf_set_string(handle, SF_STR_COMMENT, flac_markers::reservedSpace().c_str());
    }
    // Stay a plain WAV file below 4 GiB; switch to RF64 only if the take grows past it.
    if ((info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_RF64) {
        sf_command(handle, SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
    }
    return file;
}

std::string describeWriteFailure(int errnoValue, const std::string& path) {
    switch (errnoValue) {
    case ENOSPC:
        return "The disk is full. The recording stopped; " + path +
               " keeps everything recorded until then. Free some space to record again.";
    case EFBIG:
        return "The file reached the largest size allowed here. The recording stopped; " + path +
               " keeps everything recorded until then.";
    case EDQUOT:
        return "Your disk quota is used up. The recording stopped; " + path +
               " keeps everything recorded until then.";
    default:
        return std::string("Writing the recording failed (") + std::strerror(errnoValue) +
               "). The recording stopped; " + path + " keeps everything recorded until then.";
    }
}

} // namespace tapedeck
