#include "core/export/ExportTags.h"

#include "core/markers/FlacMarkerComments.h"

#include <taglib/chapterframe.h>
#include <taglib/commentsframe.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tableofcontentsframe.h>
#include <taglib/textidentificationframe.h>
#include <taglib/xiphcomment.h>

#include <cstdio>

namespace tapedeck {

namespace {

TagLib::String utf8(const std::string& text) {
    return TagLib::String(text, TagLib::String::UTF8);
}

unsigned int milliseconds(std::int64_t frame, int sampleRate) {
    return static_cast<unsigned int>(frame * 1000 / sampleRate);
}

TagLib::ID3v2::TextIdentificationFrame* textFrame(const char* id, const std::string& text) {
    auto* frame = new TagLib::ID3v2::TextIdentificationFrame(id, TagLib::String::UTF8);
    frame->setText(utf8(text));
    return frame;
}

bool writeMp3(const std::string& path, const ExportTagValues& values) {
    TagLib::MPEG::File file(path.c_str(), false);
    if (!file.isValid()) {
        return false;
    }
    TagLib::ID3v2::Tag* tag = file.ID3v2Tag(true);
    if (!values.title.empty()) {
        tag->addFrame(textFrame("TIT2", values.title));
    }
    if (!values.date.empty()) {
        tag->addFrame(textFrame("TDRC", values.date));
    }
    if (!values.comment.empty()) {
        auto* comment = new TagLib::ID3v2::CommentsFrame(TagLib::String::UTF8);
        comment->setLanguage("eng");
        comment->setText(utf8(values.comment));
        tag->addFrame(comment);
    }
    if (!values.chapters.empty()) {
        TagLib::ByteVectorList children;
        const unsigned int end = milliseconds(values.frames, values.sampleRate);
        for (std::size_t i = 0; i < values.chapters.size(); ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "chp%zu", i + 1);
            const unsigned int start = milliseconds(values.chapters[i].frame, values.sampleRate);
            const unsigned int stop =
                i + 1 < values.chapters.size()
                    ? milliseconds(values.chapters[i + 1].frame, values.sampleRate)
                    : std::max(end, start);
            TagLib::ID3v2::FrameList embedded;
            embedded.append(textFrame("TIT2", values.chapters[i].name));
            // Byte offsets unknown: 0xFFFFFFFF, as ID3v2's chapter addendum asks.
            tag->addFrame(new TagLib::ID3v2::ChapterFrame(TagLib::ByteVector(id), start, stop,
                                                          0xFFFFFFFFu, 0xFFFFFFFFu, embedded));
            children.append(TagLib::ByteVector(id));
        }
        auto* toc = new TagLib::ID3v2::TableOfContentsFrame("toc", children);
        toc->setIsTopLevel(true);
        toc->setIsOrdered(true);
        tag->addFrame(toc);
    }
    return file.save(TagLib::MPEG::File::ID3v2, TagLib::File::StripOthers, TagLib::ID3v2::v4);
}

bool writeOpus(const std::string& path, const ExportTagValues& values) {
    TagLib::Ogg::Opus::File file(path.c_str(), false);
    if (!file.isValid() || file.tag() == nullptr) {
        return false;
    }
    TagLib::Ogg::XiphComment* comments = file.tag();
    if (!values.title.empty()) {
        comments->addField("TITLE", utf8(values.title));
    }
    if (!values.date.empty()) {
        comments->addField("DATE", utf8(values.date));
    }
    if (!values.comment.empty()) {
        comments->addField("DESCRIPTION", utf8(values.comment));
    }
    for (std::size_t i = 0; i < values.chapters.size(); ++i) {
        char key[32];
        std::snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
        comments->addField(
            key, utf8(flac_markers::chapterTime(values.chapters[i].frame, values.sampleRate)));
        comments->addField(std::string(key) + "NAME", utf8(values.chapters[i].name));
    }
    return file.save();
}

} // namespace

Status writeExportTags(const std::string& path, ExportFormat format,
                       const ExportTagValues& values) {
    bool written = true;
    if (format == ExportFormat::Mp3) {
        written = writeMp3(path, values);
    } else if (format == ExportFormat::Opus) {
        written = writeOpus(path, values);
    }
    if (!written) {
        return Error{ErrorCode::WriteFailed,
                     "The title and chapters could not be written into the new file. Is the "
                     "disk full?"};
    }
    return success();
}

} // namespace tapedeck
