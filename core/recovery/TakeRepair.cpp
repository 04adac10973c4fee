#include "core/recovery/TakeRepair.h"
#include "core/io/FileDescriptor.h"

#include <sndfile.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <limits>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace tapedeck {

namespace {

constexpr std::uint64_t kMaxRiffSize = 0xFFFFFFFFu;
constexpr std::uint32_t kSizeInDs64 = 0xFFFFFFFFu; // RF64: "see the ds64 chunk"
constexpr std::int64_t kCopyChunkFrames = 65536;
// A WAV file this small whose header cannot be parsed was cut off while its header was
// written: it holds no audio.
constexpr std::uint64_t kLargestHeader = 512;
constexpr std::uint64_t kLargestRewrittenHeader = 1 << 20;
// The metadata libsndfile writes before the first FLAC frame is well under this.
constexpr std::uintmax_t kLargestFlacWithoutFrames = 8192;

Error unreadable(const std::string& path, const std::string& why) {
    return {ErrorCode::FileUnreadable, "Cannot repair " + path + ": " + why};
}

Error writeFailed(const std::string& path, int errnoValue) {
    return {ErrorCode::WriteFailed,
            "Cannot repair " + path + ": " + std::strerror(errnoValue) + "."};
}

bool readExact(int fd, std::uint64_t offset, void* out, std::size_t size) {
    auto* bytes = static_cast<unsigned char*>(out);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, bytes + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool writeExact(int fd, std::uint64_t offset, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n =
            ::pwrite(fd, bytes + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::uint32_t le32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

std::uint16_t le16(const unsigned char* p) {
    return static_cast<std::uint16_t>(p[0] | p[1] << 8);
}

std::array<unsigned char, 4> toLe32(std::uint32_t v) {
    return {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
            static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
}

std::array<unsigned char, 8> toLe64(std::uint64_t v) {
    std::array<unsigned char, 8> out{};
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<unsigned char>(v >> (8 * i));
    }
    return out;
}

std::optional<std::uint64_t> fileSize(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(st.st_size);
}

void syncFolderOf(const std::string& path) {
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (parent.empty()) {
        parent = ".";
    }
    const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// The frames libsndfile finds in the file: announced by the header (WAV, whose header was
// just checked), or counted by decoding the whole file (compressed formats).
std::optional<RepairOutcome> measure(const std::string& path, RepairMethod method, bool decode) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return std::nullopt;
    }
    RepairOutcome outcome;
    outcome.method = method;
    outcome.sampleRate = info.samplerate;
    if (!decode) {
        outcome.frames = info.frames;
    } else if (info.channels > 0) {
        std::vector<float> buffer(static_cast<std::size_t>(kCopyChunkFrames) * info.channels);
        for (;;) {
            const sf_count_t n = sf_readf_float(file, buffer.data(), kCopyChunkFrames);
            if (n <= 0) {
                break;
            }
            outcome.frames += n;
        }
    }
    sf_close(file);
    return outcome;
}

// ---- WAV / RF64 ------------------------------------------------------------------------

struct WavLayout {
    bool rf64 = false;
    std::uint64_t dataOffset = 0; // of the "data" chunk header
    std::uint16_t blockAlign = 0;
    std::optional<std::uint64_t> ds64Offset;
    std::uint32_t ds64Size = 0;
    std::optional<std::uint64_t> factOffset;
    std::uint32_t declaredRiffSize = 0;
    std::uint32_t declaredDataSize = 0;
};

std::optional<WavLayout> parseWav(int fd, std::uint64_t size) {
    unsigned char head[12];
    if (size < 12 || !readExact(fd, 0, head, sizeof head) || std::memcmp(head + 8, "WAVE", 4)) {
        return std::nullopt;
    }
    WavLayout w;
    w.rf64 = std::memcmp(head, "RF64", 4) == 0;
    w.declaredRiffSize = le32(head + 4);
    std::uint64_t offset = 12;
    while (offset + 8 <= size) {
        unsigned char chunk[8];
        if (!readExact(fd, offset, chunk, sizeof chunk)) {
            return std::nullopt;
        }
        const std::uint32_t chunkSize = le32(chunk + 4);
        if (std::memcmp(chunk, "data", 4) == 0) {
            w.dataOffset = offset;
            w.declaredDataSize = chunkSize;
            return w.blockAlign > 0 ? std::optional(w) : std::nullopt;
        }
        if (std::memcmp(chunk, "fmt ", 4) == 0 && chunkSize >= 16) {
            unsigned char fmt[16];
            if (!readExact(fd, offset + 8, fmt, sizeof fmt)) {
                return std::nullopt;
            }
            w.blockAlign = le16(fmt + 12);
        } else if (std::memcmp(chunk, "ds64", 4) == 0) {
            w.ds64Offset = offset;
            w.ds64Size = chunkSize;
        } else if (std::memcmp(chunk, "fact", 4) == 0 && chunkSize >= 4) {
            w.factOffset = offset;
        }
        offset += 8 + static_cast<std::uint64_t>(chunkSize) + (chunkSize & 1u);
    }
    return std::nullopt;
}

// A plain WAV header past 4 GiB becomes RF64, in the same number of bytes so the audio
// stays where it is: "RF64", a ds64 chunk with the 64-bit sizes, the original chunks but
// JUNK/fact (libsndfile's auto-downgrading writer reserves exactly this room), a filler
// chunk, and "data".
std::optional<Error> upgradeToRf64(const std::string& path, int fd, const WavLayout& w,
                                   std::uint64_t riffSize, std::uint64_t dataBytes,
                                   std::uint64_t frames) {
    const std::uint64_t oldLength = w.dataOffset + 8;
    if (oldLength > kLargestRewrittenHeader) {
        return unreadable(path, "its header is too large to convert to RF64.");
    }
    std::vector<unsigned char> old(static_cast<std::size_t>(oldLength));
    if (!readExact(fd, 0, old.data(), old.size())) {
        return writeFailed(path, errno != 0 ? errno : EIO);
    }
    std::vector<unsigned char> header;
    const auto append = [&header](const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        header.insert(header.end(), bytes, bytes + size);
    };
    append("RF64", 4);
    append(toLe32(kSizeInDs64).data(), 4);
    append("WAVE", 4);
    append("ds64", 4);
    append(toLe32(28).data(), 4);
    append(toLe64(riffSize).data(), 8);
    append(toLe64(dataBytes).data(), 8);
    append(toLe64(frames).data(), 8);
    append(toLe32(0).data(), 4); // no table entries
    for (std::uint64_t offset = 12; offset + 8 <= w.dataOffset;) {
        const unsigned char* chunk = old.data() + offset;
        const std::uint32_t size = le32(chunk + 4);
        const std::uint64_t total = 8 + static_cast<std::uint64_t>(size) + (size & 1u);
        if (offset + total > w.dataOffset) {
            break;
        }
        if (std::memcmp(chunk, "JUNK", 4) != 0 && std::memcmp(chunk, "fact", 4) != 0 &&
            std::memcmp(chunk, "PAD ", 4) != 0 && std::memcmp(chunk, "ds64", 4) != 0) {
            append(chunk, static_cast<std::size_t>(total));
        }
        offset += total;
    }
    const std::uint64_t room = w.dataOffset - header.size();
    if (header.size() > w.dataOffset || (room > 0 && room < 8)) {
        return unreadable(path, "it is larger than 4 GiB and its header has no room for the "
                                "RF64 sizes.");
    }
    if (room > 0) {
        append("JUNK", 4);
        append(toLe32(static_cast<std::uint32_t>(room - 8)).data(), 4);
        header.resize(header.size() + static_cast<std::size_t>(room - 8), 0);
    }
    append("data", 4);
    append(toLe32(kSizeInDs64).data(), 4);
    if (!writeExact(fd, 0, header.data(), header.size())) {
        return writeFailed(path, errno != 0 ? errno : EIO);
    }
    return std::nullopt;
}

Result<RepairOutcome> repairWav(const std::string& path, int fd, std::uint64_t size) {
    const auto layout = parseWav(fd, size);
    if (!layout) {
        return unreadable(path, "its WAV header is damaged (no format or data chunk).");
    }
    const WavLayout& w = *layout;
    const std::uint64_t dataStart = w.dataOffset + 8;
    const std::uint64_t available = size > dataStart ? size - dataStart : 0;
    const std::uint64_t dataBytes = available - available % w.blockAlign;
    const std::uint64_t frames = dataBytes / w.blockAlign;
    const std::uint64_t pad = dataBytes & 1u;
    const std::uint64_t riffEnd = dataStart + dataBytes + pad;
    const std::uint64_t riffSize = riffEnd - 8;

    // A finalized file: its header already covers the file (chunks may follow the data).
    std::uint64_t declaredRiffSize = w.declaredRiffSize;
    if (w.rf64 && w.ds64Offset && w.ds64Size >= 8) {
        unsigned char riff64[8];
        declaredRiffSize = 0;
        if (readExact(fd, *w.ds64Offset + 8, riff64, 8)) {
            for (int i = 7; i >= 0; --i) {
                declaredRiffSize = declaredRiffSize << 8 | riff64[i];
            }
        }
    }
    if (declaredRiffSize + 8 == size) {
        if (const auto outcome = measure(path, RepairMethod::AlreadyWhole, false)) {
            return *outcome;
        }
    }
    if (size < riffEnd) { // an odd data size needs its pad byte
        const unsigned char zero = 0;
        if (!writeExact(fd, size, &zero, 1)) {
            return writeFailed(path, errno);
        }
    } else if (size > riffEnd && ::ftruncate(fd, static_cast<off_t>(riffEnd)) != 0) {
        return writeFailed(path, errno); // drops a partial last frame, never a whole one
    }

    bool ok = true;
    if (!w.rf64 && riffSize <= kMaxRiffSize) {
        ok = writeExact(fd, 4, toLe32(static_cast<std::uint32_t>(riffSize)).data(), 4) &&
             writeExact(fd, w.dataOffset + 4, toLe32(static_cast<std::uint32_t>(dataBytes)).data(),
                        4);
        if (ok && w.factOffset && frames <= kMaxRiffSize) {
            ok = writeExact(fd, *w.factOffset + 8,
                            toLe32(static_cast<std::uint32_t>(frames)).data(), 4);
        }
    } else if (!w.rf64) {
        if (const auto error = upgradeToRf64(path, fd, w, riffSize, dataBytes, frames)) {
            return *error;
        }
    } else {
        // RF64 already: 64-bit sizes in the ds64 chunk, 0xFFFFFFFF in the 32-bit fields.
        if (!w.ds64Offset || w.ds64Size < 24) {
            return unreadable(path, "its RF64 header has no ds64 chunk.");
        }
        const std::uint64_t ds64 = *w.ds64Offset;
        ok = writeExact(fd, 4, toLe32(kSizeInDs64).data(), 4) &&
             writeExact(fd, ds64 + 8, toLe64(riffSize).data(), 8) &&
             writeExact(fd, ds64 + 16, toLe64(dataBytes).data(), 8) &&
             writeExact(fd, ds64 + 24, toLe64(frames).data(), 8) &&
             writeExact(fd, w.dataOffset + 4, toLe32(kSizeInDs64).data(), 4);
    }
    if (!ok || ::fsync(fd) != 0) {
        return writeFailed(path, errno != 0 ? errno : EIO);
    }
    const auto outcome = measure(path, RepairMethod::HeaderPatched, false);
    if (!outcome) {
        return unreadable(path, std::string("libsndfile still cannot read it (") +
                                    sf_strerror(nullptr) + ").");
    }
    return *outcome;
}

// ---- Ogg -------------------------------------------------------------------------------

std::uint32_t oggCrc(const unsigned char* data, std::size_t size) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t r = i << 24;
            for (int k = 0; k < 8; ++k) {
                r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : r << 1;
            }
            t[i] = r;
        }
        return t;
    }();
    std::uint32_t crc = 0;
    for (std::size_t i = 0; i < size; ++i) {
        crc = (crc << 8) ^ table[((crc >> 24) ^ data[i]) & 0xFFu];
    }
    return crc;
}

// The end of the last whole, checksum-valid Ogg page counted from the start of the file.
std::uint64_t endOfWholePages(int fd, std::uint64_t size) {
    std::uint64_t offset = 0;
    std::vector<unsigned char> page;
    while (offset + 27 <= size) {
        unsigned char header[27 + 255];
        if (!readExact(fd, offset, header, 27) || std::memcmp(header, "OggS", 4) != 0) {
            break;
        }
        const unsigned segments = header[26];
        if (offset + 27 + segments > size || !readExact(fd, offset + 27, header + 27, segments)) {
            break;
        }
        std::size_t body = 0;
        for (unsigned i = 0; i < segments; ++i) {
            body += header[27 + i];
        }
        const std::size_t pageSize = 27 + segments + body;
        if (offset + pageSize > size) {
            break;
        }
        page.resize(pageSize);
        if (!readExact(fd, offset, page.data(), pageSize)) {
            break;
        }
        const std::uint32_t stored = le32(page.data() + 22);
        std::memset(page.data() + 22, 0, 4);
        if (oggCrc(page.data(), pageSize) != stored) {
            break;
        }
        offset += pageSize;
    }
    return offset;
}

Result<RepairOutcome> repairOgg(const std::string& path, int fd, std::uint64_t size) {
    const std::uint64_t end = endOfWholePages(fd, size);
    RepairMethod method = RepairMethod::AlreadyWhole;
    if (end < size) {
        if (::ftruncate(fd, static_cast<off_t>(end)) != 0 || ::fsync(fd) != 0) {
            return writeFailed(path, errno);
        }
        method = RepairMethod::Truncated;
    }
    const auto outcome = measure(path, method, true);
    if (!outcome) {
        return unreadable(path,
                          std::string("its Ogg stream is damaged (") + sf_strerror(nullptr) + ").");
    }
    return *outcome;
}

// ---- FLAC ------------------------------------------------------------------------------

Result<RepairOutcome> rewriteFlac(const std::string& path) {
    SF_INFO inInfo{};
    SNDFILE* in = sf_open(path.c_str(), SFM_READ, &inInfo);
    if (in == nullptr) {
        std::error_code ec;
        if (std::filesystem::file_size(path, ec) <= kLargestFlacWithoutFrames && !ec) {
            // Stopped before the encoder wrote its first block: only the metadata is there,
            // and libsndfile reads no FLAC file without frames. Nothing to keep or repair.
            RepairOutcome outcome;
            outcome.method = RepairMethod::EmptyTake;
            return outcome;
        }
        return unreadable(path, std::string("its FLAC stream is damaged (") + sf_strerror(nullptr) +
                                    ").");
    }
    const std::string temporary = path + ".repairing";
    SF_INFO outInfo{};
    outInfo.samplerate = inInfo.samplerate;
    outInfo.channels = inInfo.channels;
    outInfo.format = inInfo.format;
    ::unlink(temporary.c_str());
    SNDFILE* out = sf_open(temporary.c_str(), SFM_WRITE, &outInfo);
    if (out == nullptr) {
        const std::string reason = sf_strerror(nullptr);
        sf_close(in);
        return Error{ErrorCode::WriteFailed, "Cannot repair " + path + ": " + reason + "."};
    }
    // Integers in, integers out: the copy is bit-exact.
    std::vector<int> buffer(static_cast<std::size_t>(kCopyChunkFrames) * inInfo.channels);
    std::int64_t frames = 0;
    bool writeOk = true;
    for (;;) {
        const sf_count_t n = sf_readf_int(in, buffer.data(), kCopyChunkFrames);
        if (n <= 0) {
            break;
        }
        if (sf_writef_int(out, buffer.data(), n) != n) {
            writeOk = false;
            break;
        }
        frames += n;
    }
    sf_close(in);
    const int closeError = sf_close(out);
    if (writeOk && closeError == 0 && frames == 0) {
        // No frame decodes: keep the file as it is (libsndfile reads no FLAC file without
        // frames, so a rewritten one would be no better).
        ::unlink(temporary.c_str());
        RepairOutcome outcome;
        outcome.method = RepairMethod::EmptyTake;
        outcome.sampleRate = inInfo.samplerate;
        return outcome;
    }
    if (!writeOk || closeError != 0) {
        ::unlink(temporary.c_str());
        return Error{ErrorCode::WriteFailed,
                     "Cannot repair " + path + ": writing the repaired copy failed."};
    }
    {
        FileDescriptor synced(::open(temporary.c_str(), O_RDONLY | O_CLOEXEC));
        if (!synced || ::fsync(synced.get()) != 0) {
            ::unlink(temporary.c_str());
            return writeFailed(path, errno);
        }
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        return writeFailed(path, err);
    }
    syncFolderOf(path);
    RepairOutcome outcome;
    outcome.method = RepairMethod::Rewritten;
    outcome.frames = frames;
    outcome.sampleRate = inInfo.samplerate;
    return outcome;
}

Result<RepairOutcome> repairFlac(const std::string& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file != nullptr) {
        sf_close(file);
        // A finalized FLAC file announces its length; a crashed one does not (or too much).
        if (info.frames != SF_COUNT_MAX) {
            const auto outcome = measure(path, RepairMethod::AlreadyWhole, true);
            if (outcome && outcome->frames == info.frames) {
                return *outcome;
            }
        }
    }
    return rewriteFlac(path);
}

// ---- No audio at all -------------------------------------------------------------------

Result<RepairOutcome> writeEmptyTake(const std::string& path, const TakeLayout& layout) {
    if (layout.sampleRate <= 0 || layout.channels <= 0) {
        return unreadable(path, "it is empty and its format is unknown.");
    }
    SF_INFO info{};
    info.samplerate = layout.sampleRate;
    info.channels = layout.channels;
    info.format = sndfileFormat(layout.format);
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (file == nullptr) {
        return Error{ErrorCode::WriteFailed,
                     "Cannot repair " + path + ": " + sf_strerror(nullptr) + "."};
    }
    if ((info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_RF64) {
        sf_command(file, SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
    }
    sf_close(file);
    RepairOutcome outcome;
    outcome.method = RepairMethod::EmptyTake;
    outcome.sampleRate = layout.sampleRate;
    return outcome;
}

} // namespace

Result<RepairOutcome> repairTakeFile(const std::string& path, const TakeLayout& layout) {
    std::optional<std::uint64_t> size;
    char magic[4] = {};
    bool isWav = false;
    {
        FileDescriptor fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
        if (!fd) {
            if (errno == ENOENT) {
                RepairOutcome outcome;
                outcome.method = RepairMethod::Missing;
                return outcome;
            }
            return writeFailed(path, errno);
        }
        size = fileSize(fd.get());
        if (!size) {
            return writeFailed(path, errno);
        }
        if (*size >= 4 && !readExact(fd.get(), 0, magic, 4)) {
            return writeFailed(path, errno != 0 ? errno : EIO);
        }
        isWav = std::memcmp(magic, "RIFF", 4) == 0 || std::memcmp(magic, "RF64", 4) == 0;
        if (isWav) {
            auto repaired = repairWav(path, fd.get(), *size);
            if (repaired || *size > kLargestHeader) {
                return repaired;
            }
            // Stopped while the header was being written: no audio reached the file.
        }
        if (std::memcmp(magic, "OggS", 4) == 0) {
            return repairOgg(path, fd.get(), *size);
        }
    }
    if (std::memcmp(magic, "fLaC", 4) == 0) {
        return repairFlac(path);
    }
    if (*size == 0 || isWav) {
        return writeEmptyTake(path, layout);
    }
    return unreadable(path, "it is not a WAV, FLAC or Ogg file.");
}

} // namespace tapedeck
