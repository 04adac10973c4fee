#include "core/markers/WavMarkerChunks.h"
#include "core/io/FileDescriptor.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <unistd.h>
#include <utility>
#include <vector>

namespace tapedeck::wav_markers {

namespace {

void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        out += static_cast<char>((v >> (8 * i)) & 0xff);
    }
}

std::uint32_t get32(const unsigned char* p) {
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

std::uint64_t get64(const unsigned char* p) {
    return get32(p) | (static_cast<std::uint64_t>(get32(p + 4)) << 32);
}

void putChunk(std::string& out, const char* id, const std::string& body) {
    out.append(id, 4);
    put32(out, static_cast<std::uint32_t>(body.size()));
    out += body;
    if (body.size() % 2 != 0) {
        out += '\0'; // chunks start on even offsets
    }
}

// A cue point's position is 32 bits: a marker past 2^32 frames (a day at 48 kHz) is kept at
// the largest position a cue chunk can hold rather than wrapping to the start.
std::uint32_t cuePosition(std::int64_t frame) {
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(frame, 0, 0xffffffffLL));
}

std::string chunksFor(const std::vector<Marker>& markers) {
    std::string cue;
    put32(cue, static_cast<std::uint32_t>(markers.size()));
    for (std::size_t i = 0; i < markers.size(); ++i) {
        put32(cue, static_cast<std::uint32_t>(i + 1)); // identifier
        put32(cue, cuePosition(markers[i].frame));     // position (play order)
        cue.append("data", 4);                         // the chunk the cue points into
        put32(cue, 0);                                 // chunk start
        put32(cue, 0);                                 // block start
        put32(cue, cuePosition(markers[i].frame));     // sample offset
    }
    std::string list = "adtl";
    for (std::size_t i = 0; i < markers.size(); ++i) {
        std::string labl;
        put32(labl, static_cast<std::uint32_t>(i + 1));
        labl += markers[i].name;
        labl += '\0';
        putChunk(list, "labl", labl);
    }
    std::string out;
    putChunk(out, "cue ", cue);
    putChunk(out, "LIST", list);
    return out;
}

bool writeAll(int fd, const void* data, std::size_t size, off_t at) {
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, p, size, at);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        p += n;
        size -= static_cast<std::size_t>(n);
        at += n;
    }
    return true;
}

bool readAll(int fd, void* data, std::size_t size, off_t at) {
    auto* p = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t n = ::pread(fd, p, size, at);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            return false;
        }
        p += n;
        size -= static_cast<std::size_t>(n);
        at += n;
    }
    return true;
}

Error notWave(const std::string& path) {
    return {ErrorCode::FileUnreadable, path + " is not a WAV file: its markers cannot be read."};
}

struct ChunkSpan {
    char id[4];
    off_t at = 0;           // where its header starts
    std::uint64_t size = 0; // body size, without the pad byte
    bool adtl = false;      // a LIST chunk of type adtl
};

// The top-level chunks of a RIFF/RF64 WAVE file.
std::vector<ChunkSpan> listChunks(int fd, off_t end, bool rf64) {
    std::vector<ChunkSpan> chunks;
    std::uint64_t rf64DataSize = 0;
    off_t at = 12;
    unsigned char header[8];
    while (at + 8 <= end && readAll(fd, header, 8, at)) {
        ChunkSpan chunk;
        std::memcpy(chunk.id, header, 4);
        chunk.at = at;
        chunk.size = get32(header + 4);
        if (rf64 && std::memcmp(header, "ds64", 4) == 0 && chunk.size >= 16) {
            unsigned char ds64[16];
            if (readAll(fd, ds64, 16, at + 8)) {
                rf64DataSize = get64(ds64 + 8);
            }
        } else if (rf64 && std::memcmp(header, "data", 4) == 0 && chunk.size == 0xffffffffULL) {
            chunk.size = rf64DataSize;
        }
        char type[4] = {};
        chunk.adtl = std::memcmp(header, "LIST", 4) == 0 && chunk.size >= 4 &&
                     readAll(fd, type, 4, at + 8) && std::memcmp(type, "adtl", 4) == 0;
        chunks.push_back(chunk);
        at += 8 + static_cast<off_t>(chunk.size + chunk.size % 2);
    }
    return chunks;
}

bool isMarkerChunk(const ChunkSpan& chunk) {
    return std::memcmp(chunk.id, "cue ", 4) == 0 || chunk.adtl;
}

} // namespace

Status append(const std::string& path, const std::vector<Marker>& markers) {
    if (markers.empty()) {
        return success();
    }
    FileDescriptor fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
    if (fd.get() < 0) {
        return Error{ErrorCode::WriteFailed,
                     "The markers cannot be saved in " + path + ": " + std::strerror(errno) + "."};
    }
    // "RIFF"/"RF64", size, "WAVE", and for RF64 the ds64 chunk's id, size and RIFF size.
    unsigned char header[28] = {};
    const off_t end = ::lseek(fd.get(), 0, SEEK_END);
    if (end < 12 || !readAll(fd.get(), header, end >= 28 ? 28 : 12, 0) ||
        std::memcmp(header + 8, "WAVE", 4) != 0) {
        return notWave(path);
    }
    const bool rf64 = std::memcmp(header, "RF64", 4) == 0;
    if (!rf64 && std::memcmp(header, "RIFF", 4) != 0) {
        return notWave(path);
    }
    if (rf64 && (end < 28 || std::memcmp(header + 12, "ds64", 4) != 0)) {
        return notWave(path);
    }
    std::string chunks;
    off_t at = end;
    if (at % 2 != 0) {
        chunks += '\0'; // the pad byte of an odd-sized last chunk
    }
    chunks += chunksFor(markers);
    const std::uint64_t riffSize = static_cast<std::uint64_t>(at) + chunks.size() - 8;
    if (!rf64 && riffSize > 0xffffffffULL) {
        return Error{ErrorCode::WriteFailed,
                     "The markers do not fit in " + path + ": the file is at the WAV size limit."};
    }
    if (!writeAll(fd.get(), chunks.data(), chunks.size(), at)) {
        const int saved = errno;
        [[maybe_unused]] const int ignored = ::ftruncate(fd.get(), end); // keep the file as it was
        return Error{ErrorCode::WriteFailed,
                     "The markers cannot be saved in " + path + ": " + std::strerror(saved) + "."};
    }
    std::string size;
    if (rf64) {
        // RF64 keeps 0xFFFFFFFF in the RIFF size and the real one in ds64.
        put32(size, static_cast<std::uint32_t>(riffSize & 0xffffffffULL));
        put32(size, static_cast<std::uint32_t>(riffSize >> 32));
        at = 20;
    } else {
        put32(size, static_cast<std::uint32_t>(riffSize));
        at = 4;
    }
    if (!writeAll(fd.get(), size.data(), size.size(), at) || ::fsync(fd.get()) != 0) {
        return Error{ErrorCode::WriteFailed,
                     "The markers cannot be saved in " + path + ": " + std::strerror(errno) + "."};
    }
    return success();
}

Status replace(const std::string& path, const std::vector<Marker>& markers) {
    {
        FileDescriptor fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
        if (fd.get() < 0) {
            return Error{ErrorCode::WriteFailed, "The markers cannot be saved in " + path + ": " +
                                                     std::strerror(errno) + "."};
        }
        unsigned char header[12];
        const off_t end = ::lseek(fd.get(), 0, SEEK_END);
        if (end < 12 || !readAll(fd.get(), header, 12, 0) ||
            std::memcmp(header + 8, "WAVE", 4) != 0 ||
            (std::memcmp(header, "RIFF", 4) != 0 && std::memcmp(header, "RF64", 4) != 0)) {
            return notWave(path);
        }
        const bool rf64 = std::memcmp(header, "RF64", 4) == 0;
        const std::vector<ChunkSpan> chunks = listChunks(fd.get(), end, rf64);
        // The marker chunks at the very end are cut off; the others are blanked.
        std::size_t tail = chunks.size();
        while (tail > 0 && isMarkerChunk(chunks[tail - 1])) {
            --tail;
        }
        for (std::size_t i = 0; i < tail; ++i) {
            if (isMarkerChunk(chunks[i]) && !writeAll(fd.get(), "JUNK", 4, chunks[i].at)) {
                return Error{ErrorCode::WriteFailed, "The markers cannot be saved in " + path +
                                                         ": " + std::strerror(errno) + "."};
            }
        }
        if (tail < chunks.size()) {
            const off_t cut = chunks[tail].at;
            std::string size;
            const std::uint64_t riffSize = static_cast<std::uint64_t>(cut) - 8;
            if (rf64) {
                put32(size, static_cast<std::uint32_t>(riffSize & 0xffffffffULL));
                put32(size, static_cast<std::uint32_t>(riffSize >> 32));
            } else {
                put32(size, static_cast<std::uint32_t>(riffSize));
            }
            if (::ftruncate(fd.get(), cut) != 0 ||
                !writeAll(fd.get(), size.data(), size.size(), rf64 ? 20 : 4) ||
                ::fsync(fd.get()) != 0) {
                return Error{ErrorCode::WriteFailed, "The markers cannot be saved in " + path +
                                                         ": " + std::strerror(errno) + "."};
            }
        }
    }
    return append(path, markers);
}

Result<std::vector<Marker>> read(const std::string& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return Error{ErrorCode::FileUnreadable,
                     "Cannot open " + path + ": " + std::strerror(errno) + "."};
    }
    const off_t end = ::lseek(fd.get(), 0, SEEK_END);
    unsigned char header[12];
    if (end < 12 || !readAll(fd.get(), header, sizeof header, 0) ||
        std::memcmp(header + 8, "WAVE", 4) != 0 ||
        (std::memcmp(header, "RIFF", 4) != 0 && std::memcmp(header, "RF64", 4) != 0)) {
        return notWave(path);
    }
    const bool rf64 = std::memcmp(header, "RF64", 4) == 0;
    std::uint64_t rf64DataSize = 0;
    std::map<std::uint32_t, std::uint32_t> positions; // cue id → sample offset
    std::map<std::uint32_t, std::string> labels;
    off_t at = 12;
    unsigned char chunk[8];
    while (at + 8 <= end && readAll(fd.get(), chunk, 8, at)) {
        std::uint64_t size = get32(chunk + 4);
        const off_t body = at + 8;
        if (rf64 && std::memcmp(chunk, "ds64", 4) == 0 && size >= 16) {
            unsigned char ds64[16];
            if (readAll(fd.get(), ds64, 16, body)) {
                rf64DataSize = get64(ds64 + 8);
            }
        } else if (rf64 && std::memcmp(chunk, "data", 4) == 0 && size == 0xffffffffULL) {
            size = rf64DataSize;
        }
        // Small chunks only: a cue or label list is never large.
        const bool small = size <= (1u << 24) && body + static_cast<off_t>(size) <= end;
        if (small && std::memcmp(chunk, "cue ", 4) == 0 && size >= 4) {
            std::string data(size, '\0');
            if (readAll(fd.get(), data.data(), size, body)) {
                const auto* p = reinterpret_cast<const unsigned char*>(data.data());
                const std::uint32_t count = get32(p);
                for (std::uint32_t i = 0; i < count && 4 + (i + 1) * 24ULL <= size; ++i) {
                    const unsigned char* point = p + 4 + i * 24;
                    positions[get32(point)] = get32(point + 20);
                }
            }
        } else if (small && std::memcmp(chunk, "LIST", 4) == 0 && size >= 4) {
            std::string data(size, '\0');
            if (readAll(fd.get(), data.data(), size, body) && data.compare(0, 4, "adtl") == 0) {
                std::size_t sub = 4;
                while (sub + 8 <= data.size()) {
                    const auto* p = reinterpret_cast<const unsigned char*>(data.data() + sub);
                    const std::uint32_t subSize = get32(p + 4);
                    if (sub + 8 + subSize > data.size()) {
                        break;
                    }
                    if (std::memcmp(p, "labl", 4) == 0 && subSize >= 4) {
                        std::string text = data.substr(sub + 12, subSize - 4);
                        text.resize(std::strlen(text.c_str())); // up to the terminating zero
                        labels[get32(p + 8)] = text;
                    }
                    sub += 8 + subSize + (subSize % 2);
                }
            }
        }
        at = body + static_cast<off_t>(size) + static_cast<off_t>(size % 2);
    }
    std::vector<Marker> markers;
    for (const auto& [id, frame] : positions) {
        const auto label = labels.find(id);
        markers.push_back({frame, label != labels.end() ? label->second : std::string()});
    }
    std::stable_sort(markers.begin(), markers.end(),
                     [](const Marker& a, const Marker& b) { return a.frame < b.frame; });
    return markers;
}

} // namespace tapedeck::wav_markers
