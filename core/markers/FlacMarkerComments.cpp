#include "core/markers/FlacMarkerComments.h"

#include <FLAC/metadata.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

namespace tapedeck::flac_markers {

namespace {

struct ChainDeleter {
    void operator()(FLAC__Metadata_Chain* c) const { FLAC__metadata_chain_delete(c); }
};
struct IteratorDeleter {
    void operator()(FLAC__Metadata_Iterator* i) const { FLAC__metadata_iterator_delete(i); }
};
struct BlockDeleter {
    void operator()(FLAC__StreamMetadata* b) const { FLAC__metadata_object_delete(b); }
};

bool startsWithChapter(const char* entry, std::size_t length) {
    static constexpr char kPrefix[] = "CHAPTER";
    if (length < sizeof kPrefix - 1) {
        return false;
    }
    for (std::size_t i = 0; i < sizeof kPrefix - 1; ++i) {
        if (std::toupper(static_cast<unsigned char>(entry[i])) != kPrefix[i]) {
            return false;
        }
    }
    return true;
}

Error writeFailed(const std::string& path, FLAC__Metadata_Chain* chain) {
    const auto status = FLAC__metadata_chain_status(chain);
    return {ErrorCode::WriteFailed, "The markers cannot be saved in " + path + " (" +
                                        FLAC__Metadata_ChainStatusString[status] + ")."};
}

bool isReservedSpace(const char* entry, std::size_t length) {
    const std::string text(entry, length);
    const auto eq = text.find('=');
    return eq != std::string::npos &&
           text.compare(eq + 1, std::strlen(kReservedSpacePrefix), kReservedSpacePrefix) == 0;
}

} // namespace

std::string reservedSpace() {
    std::string text = kReservedSpacePrefix;
    text.resize(kReservedSpaceBytes, ' ');
    return text;
}

std::string reservedSpaceFor(const std::vector<Marker>& markers, int sampleRate) {
    // Each comment is stored as a 32-bit length and "KEY=value"; the placeholder's own
    // length field and key are freed with it, so its text needs no room for them.
    constexpr std::size_t kMargin = 64; // so that libFLAC can leave the rest as padding
    std::size_t bytes = kMargin;
    for (std::size_t i = 0; i < markers.size(); ++i) {
        char key[32];
        const int keyLength = std::snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
        bytes += 4 + static_cast<std::size_t>(keyLength) + 1 +
                 chapterTime(markers[i].frame, sampleRate).size();
        bytes += 4 + static_cast<std::size_t>(keyLength) + 4 + 1 + markers[i].name.size();
    }
    std::string text = kReservedSpacePrefix;
    text.resize(std::max(bytes, text.size()), ' ');
    return text;
}

std::string chapterTime(std::int64_t frame, int sampleRate) {
    const auto ms = static_cast<std::int64_t>(
        std::llround(static_cast<double>(frame) * 1000.0 / std::max(sampleRate, 1)));
    char text[48];
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld",
                  static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                  static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
    return text;
}

std::optional<std::int64_t> parseChapterTime(const std::string& text, int sampleRate) {
    long long h = 0;
    long long m = 0;
    double s = 0;
    int used = 0;
    if (std::sscanf(text.c_str(), "%lld:%lld:%lf%n", &h, &m, &s, &used) != 3 ||
        used != static_cast<int>(text.size()) || h < 0 || m < 0 || s < 0) {
        return std::nullopt;
    }
    return std::llround((static_cast<double>(h) * 3600 + static_cast<double>(m) * 60 + s) *
                        sampleRate);
}

Status write(const std::string& path, const std::vector<Marker>& markers, int sampleRate,
             bool evenIfEmpty) {
    if (markers.empty() && !evenIfEmpty) {
        return success();
    }
    std::unique_ptr<FLAC__Metadata_Chain, ChainDeleter> chain(FLAC__metadata_chain_new());
    std::unique_ptr<FLAC__Metadata_Iterator, IteratorDeleter> it(FLAC__metadata_iterator_new());
    if (!chain || !it) {
        return Error{ErrorCode::WriteFailed, "Out of memory while saving markers in " + path + "."};
    }
    if (!FLAC__metadata_chain_read(chain.get(), path.c_str())) {
        return Error{ErrorCode::FileUnreadable,
                     path + " is not a FLAC file: its markers cannot be saved."};
    }
    FLAC__metadata_iterator_init(it.get(), chain.get());
    FLAC__StreamMetadata* comments = nullptr;
    do {
        if (FLAC__metadata_iterator_get_block_type(it.get()) ==
            FLAC__METADATA_TYPE_VORBIS_COMMENT) {
            comments = FLAC__metadata_iterator_get_block(it.get());
            break;
        }
    } while (FLAC__metadata_iterator_next(it.get()));
    if (comments == nullptr) {
        std::unique_ptr<FLAC__StreamMetadata, BlockDeleter> block(
            FLAC__metadata_object_new(FLAC__METADATA_TYPE_VORBIS_COMMENT));
        FLAC__metadata_iterator_init(it.get(), chain.get()); // after STREAMINFO
        if (!block || !FLAC__metadata_iterator_insert_block_after(it.get(), block.get())) {
            return writeFailed(path, chain.get());
        }
        comments = block.release(); // the chain owns it now
    }
    // Replace earlier chapters so that writing twice does not list every marker twice, and
    // give the placeholder's room to the markers.
    for (int i = static_cast<int>(comments->data.vorbis_comment.num_comments) - 1; i >= 0; --i) {
        const auto& entry = comments->data.vorbis_comment.comments[i];
        const auto* text = reinterpret_cast<const char*>(entry.entry);
        if (startsWithChapter(text, entry.length) || isReservedSpace(text, entry.length)) {
            FLAC__metadata_object_vorbiscomment_delete_comment(comments, static_cast<unsigned>(i));
        }
    }
    for (std::size_t i = 0; i < markers.size(); ++i) {
        char key[32];
        std::snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
        const std::string nameKey = std::string(key) + "NAME";
        const std::string time = chapterTime(markers[i].frame, sampleRate);
        for (const auto& [name, value] :
             {std::pair<std::string, std::string>{key, time}, {nameKey, markers[i].name}}) {
            FLAC__StreamMetadata_VorbisComment_Entry entry;
            if (!FLAC__metadata_object_vorbiscomment_entry_from_name_value_pair(
                    &entry, name.c_str(), value.c_str()) ||
                !FLAC__metadata_object_vorbiscomment_append_comment(comments, entry, false)) {
                return writeFailed(path, chain.get());
            }
        }
    }
    FLAC__metadata_chain_sort_padding(chain.get());
    if (!FLAC__metadata_chain_write(chain.get(), true, false)) {
        return writeFailed(path, chain.get());
    }
    return success();
}

Result<std::vector<Marker>> read(const std::string& path) {
    FLAC__StreamMetadata info;
    if (!FLAC__metadata_get_streaminfo(path.c_str(), &info)) {
        return Error{ErrorCode::FileUnreadable,
                     path + " is not a FLAC file: its markers cannot be read."};
    }
    const int rate = static_cast<int>(info.data.stream_info.sample_rate);
    FLAC__StreamMetadata* raw = nullptr;
    std::vector<Marker> markers;
    if (!FLAC__metadata_get_tags(path.c_str(), &raw) || raw == nullptr) {
        return markers; // no comments at all
    }
    std::unique_ptr<FLAC__StreamMetadata, BlockDeleter> tags(raw);
    std::map<std::string, std::int64_t> times;
    std::map<std::string, std::string> names;
    for (unsigned i = 0; i < tags->data.vorbis_comment.num_comments; ++i) {
        const auto& entry = tags->data.vorbis_comment.comments[i];
        const std::string text(reinterpret_cast<const char*>(entry.entry), entry.length);
        const auto eq = text.find('=');
        if (eq == std::string::npos || !startsWithChapter(text.data(), eq)) {
            continue;
        }
        std::string key = text.substr(0, eq);
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const std::string value = text.substr(eq + 1);
        if (key.ends_with("NAME")) {
            names[key.substr(0, key.size() - 4)] = value;
        } else if (const auto frame = parseChapterTime(value, rate)) {
            times[key] = *frame;
        }
    }
    for (const auto& [key, frame] : times) {
        const auto name = names.find(key);
        markers.push_back({frame, name != names.end() ? name->second : std::string()});
    }
    std::stable_sort(markers.begin(), markers.end(),
                     [](const Marker& a, const Marker& b) { return a.frame < b.frame; });
    return markers;
}

} // namespace tapedeck::flac_markers
