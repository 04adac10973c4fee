#include "core/io/BroadcastInfo.h"
#include "core/markers/WavMarkerChunks.h"
#include "engine/CliProcess.h"
#include "export/SpeechLikeSignal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>
#include <taglib/chapterframe.h>
#include <taglib/commentsframe.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tableofcontentsframe.h>
#include <taglib/xiphcomment.h>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;

QString text(const TagLib::String& s) {
    return QString::fromStdString(s.to8Bit(true));
}

} // namespace

// Tags and chapters of MP3 and Opus exports, read back with TagLib as a player would: the
// take's name as the title, the bext date and description, and its markers as chapters.
class ExportTagsTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString take_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        take_ = dir_.filePath("Morning interview.wav");
        SF_INFO info{};
        info.samplerate = kRate;
        info.channels = 2;
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_24;
        SNDFILE* file = sf_open(take_.toLocal8Bit().constData(), SFM_WRITE, &info);
        QVERIFY(file != nullptr);
        BroadcastInfo bext;
        bext.description = "USB Microphone";
        bext.originator = "Tapedeck";
        bext.originationDate = "2026-03-01";
        bext.originationTime = "09:30:00";
        QVERIFY(setBroadcastInfo(file, bext));
        const std::vector<float> sound = speechLikeSignal(10.0, 2, kRate, 0.2, 9);
        QCOMPARE(sf_writef_float(file, sound.data(), 10 * kRate), sf_count_t(10 * kRate));
        sf_close(file);
        QVERIFY(wav_markers::append(take_.toStdString(),
                                    {{2 * kRate, "Intro"}, {13 * kRate / 2, "Guest"}})
                    .ok());
    }

    void mp3HasId3TagsAndChapterFrames() {
        const QString out = dir_.filePath("interview.mp3");
        // From 1 s: the chapters move with the span.
        const CliRun run = runTapedeck({"--export", take_, out, "--from", "1", "--bitrate", "128"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("2 marker(s) as chapters"), qPrintable(run.out));
        TagLib::MPEG::File file(out.toLocal8Bit().constData());
        QVERIFY(file.isValid());
        QCOMPARE(file.audioProperties()->bitrate(), 128);
        TagLib::ID3v2::Tag* tag = file.ID3v2Tag();
        QVERIFY(tag != nullptr);
        QCOMPARE(text(tag->title()), QString("Morning interview"));
        QCOMPARE(text(tag->frameListMap()["TDRC"].front()->toString()), QString("2026-03-01"));
        QCOMPARE(text(tag->comment()), QString("USB Microphone"));
        const TagLib::ID3v2::FrameList chapters = tag->frameListMap()["CHAP"];
        QCOMPARE(chapters.size(), 2u);
        auto* first = dynamic_cast<TagLib::ID3v2::ChapterFrame*>(chapters[0]);
        auto* second = dynamic_cast<TagLib::ID3v2::ChapterFrame*>(chapters[1]);
        QVERIFY(first != nullptr && second != nullptr);
        QCOMPARE(first->startTime(), 1000u);
        QCOMPARE(first->endTime(), 5500u);
        QCOMPARE(second->startTime(), 5500u);
        QCOMPARE(second->endTime(), 9000u);
        QCOMPARE(text(first->embeddedFrameListMap()["TIT2"].front()->toString()), QString("Intro"));
        QCOMPARE(text(second->embeddedFrameListMap()["TIT2"].front()->toString()),
                 QString("Guest"));
        const TagLib::ID3v2::FrameList tables = tag->frameListMap()["CTOC"];
        QCOMPARE(tables.size(), 1u);
        auto* toc = dynamic_cast<TagLib::ID3v2::TableOfContentsFrame*>(tables.front());
        QVERIFY(toc != nullptr);
        QVERIFY(toc->isTopLevel());
        QVERIFY(toc->isOrdered());
        QCOMPARE(toc->entryCount(), 2u);
        QCOMPARE(toc->childElements()[0], first->elementID());
    }

    void opusHasVorbisCommentsAndChapters() {
        const QString out = dir_.filePath("interview.opus");
        const CliRun run = runTapedeck({"--export", take_, out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        TagLib::Ogg::Opus::File file(out.toLocal8Bit().constData());
        QVERIFY(file.isValid());
        TagLib::Ogg::XiphComment* comments = file.tag();
        QVERIFY(comments != nullptr);
        QCOMPARE(text(comments->title()), QString("Morning interview"));
        const TagLib::Ogg::FieldListMap fields = comments->fieldListMap();
        QCOMPARE(text(fields["DATE"].front()), QString("2026-03-01"));
        QCOMPARE(text(fields["DESCRIPTION"].front()), QString("USB Microphone"));
        QCOMPARE(text(fields["CHAPTER001"].front()), QString("00:00:02.000"));
        QCOMPARE(text(fields["CHAPTER001NAME"].front()), QString("Intro"));
        QCOMPARE(text(fields["CHAPTER002"].front()), QString("00:00:06.500"));
        QCOMPARE(text(fields["CHAPTER002NAME"].front()), QString("Guest"));
        QVERIFY(!fields.contains("CHAPTER003"));
    }
};

QTEST_GUILESS_MAIN(ExportTagsTest)
#include "ExportTagsTest.moc"
