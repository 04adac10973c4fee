#include "core/markers/OggMarkerComments.h"

#include "core/markers/FlacMarkerComments.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>

namespace tapedeck::ogg_markers {

namespace {

constexpr std::size_t kPageHeaderBytes = 27;

// Where one packet's bytes lie in the file: pieces, in order, each inside one page.
struct PacketSpan {
    std::vector<std::pair<std::int64_t, std::size_t>> pieces; // file offset, length
    std::vector<std::int64_t> pages;                          // offsets of those pages
};

std::uint32_t le32(const unsigned char* p) {
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

void putLe32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        out += static_cast<char>((v >> (8 * i)) & 0xff);
    }
}

// The Ogg page checksum: CRC-32, polynomial 0x04c11db7, not reflected, starting at 0.
std::uint32_t oggCrc(const std::string& page) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t r = i << 24;
            for (int b = 0; b < 8; ++b) {
                r = (r & 0x80000000u) != 0 ? (r << 1) ^ 0x04c11db7u : r << 1;
            }
            t[i] = r;
        }
        return t;
    }();
    std::uint32_t crc = 0;
    for (const char c : page) {
        crc = (crc << 8) ^ table[((crc >> 24) & 0xff) ^ static_cast<unsigned char>(c)];
    }
    return crc;
}

// The first `count` packets of the stream, as spans and as bytes.
bool readPackets(std::fstream& file, std::size_t count, std::vector<PacketSpan>& spans,
                 std::vector<std::string>& packets) {
    spans.assign(1, {});
    std::int64_t at = 0;
    bool complete = false;
    while (!complete) {
        unsigned char header[kPageHeaderBytes];
        file.seekg(at);
        if (!file.read(reinterpret_cast<char*>(header), kPageHeaderBytes) ||
            std::memcmp(header, "OggS", 4) != 0) {
            return false;
        }
        std::string lacing(header[26], '\0');
        if (!file.read(lacing.data(), static_cast<std::streamsize>(lacing.size()))) {
            return false;
        }
        const std::int64_t body = at + static_cast<std::int64_t>(kPageHeaderBytes + lacing.size());
        std::size_t offset = 0;
        std::size_t pieceStart = 0;
        for (const char l : lacing) {
            const auto length = static_cast<unsigned char>(l);
            offset += length;
            if (length < 255) { // the packet ends here
                spans.back().pieces.emplace_back(body + static_cast<std::int64_t>(pieceStart),
                                                 offset - pieceStart);
                spans.back().pages.push_back(at);
                pieceStart = offset;
                if (spans.size() == count) {
                    complete = true;
                    break;
                }
                spans.emplace_back();
            }
        }
        if (!complete && pieceStart < offset) { // the packet goes on in the next page
            spans.back().pieces.emplace_back(body + static_cast<std::int64_t>(pieceStart),
                                             offset - pieceStart);
            spans.back().pages.push_back(at);
        }
        std::size_t bodyBytes = 0;
        for (const char l : lacing) {
            bodyBytes += static_cast<unsigned char>(l);
        }
        at = body + static_cast<std::int64_t>(bodyBytes);
    }
    packets.assign(spans.size(), {});
    for (std::size_t p = 0; p < spans.size(); ++p) {
        for (const auto& [offset, length] : spans[p].pieces) {
            std::string piece(length, '\0');
            file.seekg(offset);
            if (!file.read(piece.data(), static_cast<std::streamsize>(length))) {
                return false;
            }
            packets[p] += piece;
        }
    }
    return true;
}

struct CommentHeader {
    std::string vendor;
    std::vector<std::string> entries;
};

bool parseComments(const std::string& packet, CommentHeader& out) {
    if (packet.size() < 7 + 8 || packet.compare(0, 7, "\x03vorbis") != 0) {
        return false;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(packet.data());
    std::size_t at = 7;
    const std::uint32_t vendorLength = le32(p + at);
    at += 4;
    if (at + vendorLength + 4 > packet.size()) {
        return false;
    }
    out.vendor = packet.substr(at, vendorLength);
    at += vendorLength;
    const std::uint32_t count = le32(p + at);
    at += 4;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (at + 4 > packet.size()) {
            return false;
        }
        const std::uint32_t length = le32(p + at);
        at += 4;
        if (at + length > packet.size()) {
            return false;
        }
        out.entries.push_back(packet.substr(at, length));
        at += length;
    }
    return true;
}

bool isChapter(const std::string& entry) {
    if (entry.size() < 7) {
        return false;
    }
    for (std::size_t i = 0; i < 7; ++i) {
        if (std::toupper(static_cast<unsigned char>(entry[i])) != "CHAPTER"[i]) {
            return false;
        }
    }
    return true;
}

bool isPlaceholder(const std::string& entry) {
    const auto eq = entry.find('=');
    return eq != std::string::npos &&
           entry.compare(eq + 1, std::strlen(flac_markers::kReservedSpacePrefix),
                         flac_markers::kReservedSpacePrefix) == 0;
}

Error unreadable(const std::string& path) {
    return {ErrorCode::FileUnreadable,
            path + " is not an Ogg Vorbis file: its markers cannot be read or saved."};
}

} // namespace

Status write(const std::string& path, const std::vector<Marker>& markers, int sampleRate) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    std::vector<PacketSpan> spans;
    std::vector<std::string> packets;
    CommentHeader comments;
    if (!file || !readPackets(file, 2, spans, packets) || !parseComments(packets[1], comments)) {
        return unreadable(path);
    }
    const bool hadRoom =
        std::any_of(comments.entries.begin(), comments.entries.end(), isPlaceholder);
    std::string packet = "\x03vorbis";
    putLe32(packet, static_cast<std::uint32_t>(comments.vendor.size()));
    packet += comments.vendor;
    std::vector<std::string> entries;
    for (const std::string& e : comments.entries) {
        if (!isChapter(e) && !isPlaceholder(e)) {
            entries.push_back(e);
        }
    }
    for (std::size_t i = 0; i < markers.size(); ++i) {
        char key[32];
        std::snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
        entries.push_back(std::string(key) + '=' +
                          flac_markers::chapterTime(markers[i].frame, sampleRate));
        entries.push_back(std::string(key) + "NAME=" + markers[i].name);
    }
    putLe32(packet, static_cast<std::uint32_t>(entries.size()));
    for (const std::string& e : entries) {
        putLe32(packet, static_cast<std::uint32_t>(e.size()));
        packet += e;
    }
    packet += '\x01'; // the framing bit
    if (packet.size() > packets[1].size()) {
        return Error{ErrorCode::WriteFailed,
                     hadRoom
                         ? "The markers do not fit in " + path + "; save fewer or shorter names."
                         : "Markers can be saved only in Ogg files Tapedeck recorded; " + path +
                               " has no room for them."};
    }
    packet.resize(packets[1].size(), '\0'); // decoders stop at the framing bit
    std::size_t done = 0;
    for (const auto& [offset, length] : spans[1].pieces) {
        file.seekp(offset);
        file.write(packet.data() + done, static_cast<std::streamsize>(length));
        done += length;
    }
    // New checksums for the pages the packet lies in.
    for (const std::int64_t page : spans[1].pages) {
        unsigned char header[kPageHeaderBytes];
        file.seekg(page);
        file.read(reinterpret_cast<char*>(header), kPageHeaderBytes);
        std::string lacing(header[26], '\0');
        file.read(lacing.data(), static_cast<std::streamsize>(lacing.size()));
        std::size_t bodyBytes = 0;
        for (const char l : lacing) {
            bodyBytes += static_cast<unsigned char>(l);
        }
        std::string whole(kPageHeaderBytes + lacing.size() + bodyBytes, '\0');
        file.seekg(page);
        file.read(whole.data(), static_cast<std::streamsize>(whole.size()));
        std::memset(whole.data() + 22, 0, 4);
        std::string crc;
        putLe32(crc, oggCrc(whole));
        file.seekp(page + 22);
        file.write(crc.data(), 4);
    }
    file.flush();
    if (!file) {
        return Error{ErrorCode::WriteFailed, "The markers cannot be saved in " + path + "."};
    }
    return success();
}

Result<std::vector<Marker>> read(const std::string& path) {
    std::fstream file(path, std::ios::in | std::ios::binary);
    std::vector<PacketSpan> spans;
    std::vector<std::string> packets;
    CommentHeader comments;
    if (!file || !readPackets(file, 2, spans, packets) || !parseComments(packets[1], comments) ||
        packets[0].size() < 16 || packets[0].compare(0, 7, "\x01vorbis") != 0) {
        return unreadable(path);
    }
    const auto rate =
        static_cast<int>(le32(reinterpret_cast<const unsigned char*>(packets[0].data()) + 12));
    std::map<std::string, std::int64_t> times;
    std::map<std::string, std::string> names;
    for (const std::string& e : comments.entries) {
        const auto eq = e.find('=');
        if (eq == std::string::npos || !isChapter(e)) {
            continue;
        }
        std::string key = e.substr(0, eq);
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const std::string value = e.substr(eq + 1);
        if (key.ends_with("NAME")) {
            names[key.substr(0, key.size() - 4)] = value;
        } else if (const auto frame = flac_markers::parseChapterTime(value, rate)) {
            times[key] = *frame;
        }
    }
    std::vector<Marker> markers;
    for (const auto& [key, frame] : times) {
        const auto name = names.find(key);
        markers.push_back({frame, name != names.end() ? name->second : std::string()});
    }
    std::stable_sort(markers.begin(), markers.end(),
                     [](const Marker& a, const Marker& b) { return a.frame < b.frame; });
    return markers;
}

} // namespace tapedeck::ogg_markers
