#include "SoundFileIo.h"

#include <memory>
#include <sndfile.h>

namespace tapedeck::testing {

namespace {

struct SndfileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

std::string libsndfileMessage(SNDFILE* file) {
    return sf_strerror(file);
}

} // namespace

Status writeSoundFile(const std::string& path, const std::vector<float>& samples, int channels,
                      int sampleRate, int sfFormat) {
    if (channels <= 0 || sampleRate <= 0 || samples.size() % channels != 0) {
        return Error{ErrorCode::InvalidArgument,
                     "samples do not form whole frames of the given channel count"};
    }
    SF_INFO info{};
    info.channels = channels;
    info.samplerate = sampleRate;
    info.format = sfFormat;
    if (!sf_format_check(&info)) {
        return Error{ErrorCode::UnsupportedFormat, "libsndfile rejects this format: " + path};
    }
    SndfilePtr file(sf_open(path.c_str(), SFM_WRITE, &info));
    if (!file) {
        return Error{ErrorCode::Unwritable, path + ": " + libsndfileMessage(nullptr)};
    }
    // Without this, floats beyond full scale wrap around in integer formats.
    sf_command(file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
    const sf_count_t frames = static_cast<sf_count_t>(samples.size()) / channels;
    if (sf_writef_float(file.get(), samples.data(), frames) != frames) {
        return Error{ErrorCode::WriteFailed, path + ": " + libsndfileMessage(file.get())};
    }
    return success();
}

Result<AudioBuffer> readSoundFile(const std::string& path) {
    SF_INFO info{};
    SndfilePtr file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file) {
        return Error{ErrorCode::FileUnreadable, path + ": " + libsndfileMessage(nullptr)};
    }
    AudioBuffer buffer;
    buffer.channels = info.channels;
    buffer.sampleRate = info.samplerate;
    buffer.samples.resize(static_cast<size_t>(info.frames) * info.channels);
    const sf_count_t read = sf_readf_float(file.get(), buffer.samples.data(), info.frames);
    if (read != info.frames) {
        return Error{ErrorCode::FileUnreadable, path + ": file ends early, " +
                                                    std::to_string(read) + " of " +
                                                    std::to_string(info.frames) + " frames"};
    }
    return buffer;
}

} // namespace tapedeck::testing
