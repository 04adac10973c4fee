#include "core/summary/SampleReader.h"

#include "core/summary/SoundFile.h"

#include <algorithm>

namespace tapedeck {

Result<SampleWindow> SampleReader::read(const std::string& path, std::int64_t startFrame,
                                        std::int64_t frames) {
    if (startFrame < 0 || frames < 0) {
        return Error{ErrorCode::InvalidArgument, "A sample window cannot start before the file."};
    }
    Result<SoundFile> file = SoundFile::open(path);
    if (!file) {
        return file.error();
    }
    SampleWindow window;
    window.channels = file->format().channels;
    window.startFrame = std::min(startFrame, file->format().frames);
    frames = std::clamp<std::int64_t>(file->format().frames - window.startFrame, 0,
                                      std::min(frames, kMaxWindowFrames));
    if (frames == 0) {
        return window;
    }
    if (!file->seek(window.startFrame)) {
        return Error{ErrorCode::FileUnreadable, "The file " + path + " cannot be read there."};
    }
    window.samples.resize(static_cast<std::size_t>(frames * window.channels));
    window.frames = file->read(window.samples.data(), frames);
    window.samples.resize(static_cast<std::size_t>(window.frames * window.channels));
    return window;
}

} // namespace tapedeck
