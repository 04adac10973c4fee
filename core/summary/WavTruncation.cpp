#include "core/summary/WavTruncation.h"

#include <array>
#include <cstring>
#include <fstream>

namespace tapedeck {

namespace {

// Header chunks before "data" are small (fmt, fact, bext, LIST…): give up past this.
constexpr std::int64_t kMaxHeaderBytes = 1 << 20;
constexpr std::uint32_t kUnknownSize = 0xFFFFFFFFu;
constexpr int kChunkHeaderBytes = 8;
constexpr int kBlockAlignOffset = 12; // in the fmt chunk

std::uint32_t littleEndian32(const unsigned char* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) | static_cast<std::uint32_t>(bytes[1]) << 8 |
           static_cast<std::uint32_t>(bytes[2]) << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
}

std::uint16_t littleEndian16(const unsigned char* bytes) {
    return static_cast<std::uint16_t>(bytes[0] | bytes[1] << 8);
}

} // namespace

std::optional<WavTruncation> findWavTruncation(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    const std::int64_t fileSize = in.tellg();
    in.seekg(0);
    std::array<unsigned char, 12> riff{};
    if (!in.read(reinterpret_cast<char*>(riff.data()), riff.size()) ||
        std::memcmp(riff.data(), "RIFF", 4) != 0 || std::memcmp(riff.data() + 8, "WAVE", 4) != 0) {
        return std::nullopt;
    }
    int blockAlign = 0;
    std::int64_t offset = static_cast<std::int64_t>(riff.size());
    while (offset + kChunkHeaderBytes <= fileSize && offset < kMaxHeaderBytes) {
        std::array<unsigned char, kChunkHeaderBytes> chunk{};
        in.seekg(offset);
        if (!in.read(reinterpret_cast<char*>(chunk.data()), chunk.size())) {
            return std::nullopt;
        }
        const std::uint32_t size = littleEndian32(chunk.data() + 4);
        const std::int64_t body = offset + kChunkHeaderBytes;
        if (std::memcmp(chunk.data(), "fmt ", 4) == 0) {
            std::array<unsigned char, kBlockAlignOffset + 2> fmt{};
            if (size < fmt.size() || !in.read(reinterpret_cast<char*>(fmt.data()), fmt.size())) {
                return std::nullopt;
            }
            blockAlign = littleEndian16(fmt.data() + kBlockAlignOffset);
        } else if (std::memcmp(chunk.data(), "data", 4) == 0) {
            if (blockAlign <= 0 || size == 0 || size == kUnknownSize) {
                return std::nullopt;
            }
            const std::int64_t present = fileSize - body;
            if (present >= static_cast<std::int64_t>(size)) {
                return std::nullopt;
            }
            WavTruncation cut;
            cut.announcedFrames = size / blockAlign;
            cut.presentFrames = present / blockAlign;
            cut.presentBytes = present;
            return cut;
        }
        offset = body + size + (size & 1u); // chunks are padded to an even length
    }
    return std::nullopt;
}

} // namespace tapedeck
