#include "core/io/TakeExporter.h"
#include "core/io/SpanMarkers.h"
#include "core/markers/FlacMarkerComments.h"
#include "core/markers/OggMarkerComments.h"
#include "core/markers/TakeMarkers.h"
#include "core/markers/WavMarkerChunks.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>

#include <atomic>
#include <cstring>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;

// A mono 16-bit WAV whose sample i is (i % 30000) - 15000, with a bext chunk and named
// markers (cue and label chunks, as takes keep them) at `cues`, each called "at FRAME".
bool writeSource(const QString& path, int frames, std::uint64_t timeReference,
                 const std::vector<std::uint32_t>& cues) {
    SF_INFO info{};
    info.samplerate = kRate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.toLocal8Bit().constData(), SFM_WRITE, &info);
    if (file == nullptr)
        return false;
    SF_BROADCAST_INFO bext{};
    std::strcpy(bext.description, "Interview, take 3");
    std::strcpy(bext.originator, "Tapedeck");
    bext.time_reference_low = static_cast<std::uint32_t>(timeReference & 0xFFFFFFFFu);
    bext.time_reference_high = static_cast<std::uint32_t>(timeReference >> 32);
    bool ok = sf_command(file, SFC_SET_BROADCAST_INFO, &bext, sizeof bext) == SF_TRUE;
    std::vector<short> samples(frames);
    for (int i = 0; i < frames; ++i)
        samples[i] = static_cast<short>(i % 30000 - 15000);
    ok = ok && sf_writef_short(file, samples.data(), frames) == frames;
    sf_close(file);
    std::vector<Marker> markers;
    for (std::uint32_t frame : cues)
        markers.push_back({frame, "at " + std::to_string(frame)});
    return ok && wav_markers::append(path.toStdString(), markers).ok();
}

// A take of `frames` frames in `sndfileFormat` (stereo noise) with these markers saved in it
// the way Tapedeck saves a take's: WAV chunks, FLAC or Ogg chapter comments (an Ogg take is
// made with the placeholder the recorder writes).
bool writeTake(const std::string& path, int sndfileFormat, int frames,
               const std::vector<Marker>& markers) {
    SF_INFO info{};
    info.samplerate = kRate;
    info.channels = 2;
    info.format = sndfileFormat;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (file == nullptr)
        return false;
    if ((sndfileFormat & SF_FORMAT_TYPEMASK) != SF_FORMAT_WAV)
        sf_set_string(file, SF_STR_COMMENT, flac_markers::reservedSpace().c_str());
    std::vector<float> samples(static_cast<std::size_t>(frames) * 2);
    std::uint32_t state = 99;
    for (float& x : samples) {
        state = state * 1664525u + 1013904223u;
        x = static_cast<float>((state >> 8) % 20001) / 40000.0f - 0.25f;
    }
    const bool ok = sf_writef_float(file, samples.data(), frames) == frames;
    sf_close(file);
    return ok && take_markers::replace(path, markers, kRate).ok();
}

std::int64_t framesOf(const std::string& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr)
        return -1;
    sf_close(file);
    return info.frames;
}

// The comment libsndfile reads from a FLAC or Ogg file (empty when none).
std::string commentOf(const std::string& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr)
        return "(unreadable)";
    const char* comment = sf_get_string(file, SF_STR_COMMENT);
    std::string text = comment != nullptr ? comment : "";
    sf_close(file);
    return text;
}

const char* extensionOf(int sndfileFormat) {
    switch (sndfileFormat & SF_FORMAT_TYPEMASK) {
    case SF_FORMAT_FLAC:
        return ".flac";
    case SF_FORMAT_OGG:
        return ".ogg";
    default:
        return ".wav";
    }
}

} // namespace

// The exporter in core: metadata carried over and shifted, progress, cancel, and never
// overwriting.
class TakeExporterTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void markersInsideTheSpanAreShifted() {
        const std::vector<Marker> all = {{500, "b"}, {100, "a"}, {1000, "c"}, {2000, "d"}};
        QCOMPARE(markersInSpan(all, 100, 1000), (std::vector<Marker>{{0, "a"}, {400, "b"}}));
        QVERIFY(markersInSpan(all, 2001, 3000).empty());
    }

    void bextAndCuesAreCarriedAndShifted() {
        const QString in = dir_.filePath("bext.wav");
        const std::uint64_t reference = (std::uint64_t{1} << 32) + 1000; // crosses 32 bits
        QVERIFY(writeSource(in, 2 * kRate, reference, {1000, 30000, 60000, 90000}));

        ExportRequest request;
        request.sourcePath = in.toStdString();
        request.destinationPath = dir_.filePath("span.wav").toStdString();
        request.fromFrame = 24000;
        request.toFrame = 72000;
        std::int64_t lastDone = 0;
        int calls = 0;
        const auto done = exportSpan(request, [&](std::int64_t doneFrames, std::int64_t total) {
            QCOMPARE(total, qint64(48000));
            QVERIFY(doneFrames > lastDone);
            lastDone = doneFrames;
            ++calls;
        });
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().message.c_str());
        QCOMPARE(done->frames, qint64(48000));
        QVERIFY(done->bextCarried);
        QCOMPARE(done->markersCarried, 2);
        QCOMPARE(lastDone, qint64(48000));
        QVERIFY(calls >= 1);

        SF_INFO info{};
        SNDFILE* out = sf_open(request.destinationPath.c_str(), SFM_READ, &info);
        QVERIFY(out != nullptr);
        QCOMPARE(info.frames, sf_count_t{48000});
        SF_BROADCAST_INFO bext{};
        QCOMPARE(sf_command(out, SFC_GET_BROADCAST_INFO, &bext, sizeof bext), SF_TRUE);
        QCOMPARE(QString(bext.description), QStringLiteral("Interview, take 3"));
        const std::uint64_t shifted =
            static_cast<std::uint64_t>(bext.time_reference_high) << 32 | bext.time_reference_low;
        QCOMPARE(shifted, reference + 24000);
        // Names too: the cue points and their labels.
        const auto markers = wav_markers::read(request.destinationPath);
        QVERIFY(markers.ok());
        QCOMPARE(*markers,
                 (std::vector<Marker>{{30000 - 24000, "at 30000"}, {60000 - 24000, "at 60000"}}));
        std::vector<short> samples(48000);
        QCOMPARE(sf_readf_short(out, samples.data(), 48000), sf_count_t{48000});
        sf_close(out);
        for (int i = 0; i < 48000; ++i)
            QCOMPARE(samples[i], static_cast<short>((24000 + i) % 30000 - 15000));
    }

    // The take's dropout sidecar goes along: those inside the span, shifted.
    void dropoutsInsideTheSpanAreCarried() {
        const QString in = dir_.filePath("dropped.wav");
        QVERIFY(writeSource(in, 2 * kRate, 0, {}));
        QFile sidecar(in + ".dropouts");
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("# Tapedeck dropouts: frame\tseconds\tlost frames\tkind\n"
                      "1000\t0.020833\t256\toverflow\n"
                      "50000\t1.041667\t0\txrun\n"
                      "90000\t1.875000\t128\toverflow\n");
        sidecar.close();
        ExportRequest request;
        request.sourcePath = in.toStdString();
        request.destinationPath = dir_.filePath("dropped-span.wav").toStdString();
        request.fromFrame = 2000;
        request.toFrame = 80000;
        const auto done = exportSpan(request);
        QVERIFY(done.ok());
        QCOMPARE(done->dropoutsCarried, 1);
        QFile carried(dir_.filePath("dropped-span.wav.dropouts"));
        QVERIFY(carried.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = carried.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("# Tapedeck dropouts"));
        QCOMPARE(lines.at(1), QByteArray("48000\t1.000000\t0\txrun"));
    }

    // Every pair of containers a take can be in: the markers inside the span arrive with
    // their names, shifted by the span's start; those before it, at its end frame and after
    // it are dropped. Positions are whole milliseconds, which FLAC and Ogg chapter comments
    // hold exactly.
    void namedMarkersGoFromEveryFormatToEveryFormat_data() {
        QTest::addColumn<int>("sourceFormat");
        QTest::addColumn<int>("destinationFormat");
        const std::pair<const char*, int> formats[] = {{"wav", SF_FORMAT_WAV | SF_FORMAT_PCM_24},
                                                       {"flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24},
                                                       {"ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS}};
        for (const auto& [from, fromFormat] : formats)
            for (const auto& [to, toFormat] : formats)
                QTest::addRow("%s to %s", from, to) << fromFormat << toFormat;
    }

    void namedMarkersGoFromEveryFormatToEveryFormat() {
        QFETCH(int, sourceFormat);
        QFETCH(int, destinationFormat);
        const std::string in =
            dir_.filePath(QStringLiteral("named-%1-%2").arg(sourceFormat).arg(destinationFormat))
                .toStdString() +
            extensionOf(sourceFormat);
        const std::vector<Marker> markers = {{4800, "Before the span"},
                                             {24000, "Intro, at the start"},
                                             {36000, "Vèrse — ünïcode"},
                                             {48048, ""},
                                             {71952, "Last millisecond in"},
                                             {72000, "At the end: out"},
                                             {90000, "After"}};
        QVERIFY(writeTake(in, sourceFormat, 2 * kRate, markers));
        QCOMPARE(take_markers::load(in), markers); // the source holds them all

        ExportRequest request;
        request.sourcePath = in;
        request.destinationPath = in + "-span" + extensionOf(destinationFormat);
        request.fromFrame = 24000;
        request.toFrame = 72000;
        const auto done = exportSpan(request);
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().message.c_str());
        QCOMPARE(done->sndfileFormat & SF_FORMAT_TYPEMASK, destinationFormat & SF_FORMAT_TYPEMASK);
        QCOMPARE(done->markersCarried, 4);
        QCOMPARE(take_markers::load(request.destinationPath),
                 (std::vector<Marker>{{0, "Intro, at the start"},
                                      {12000, "Vèrse — ünïcode"},
                                      {24048, ""},
                                      {47952, "Last millisecond in"}}));
        QCOMPARE(framesOf(request.destinationPath), std::int64_t{48000});
        // The room kept for the chapters is gone: no placeholder comment is left behind.
        QVERIFY(
            !commentOf(request.destinationPath).starts_with(flac_markers::kReservedSpacePrefix));
    }

    // More markers than the recorder's 8 KiB of room hold: the exporter keeps as much room as
    // they need. Positions off the millisecond grid are kept to the millisecond in Ogg.
    void manyLongNamedMarkersFitInAnOggExport() {
        const std::string in = dir_.filePath("many.wav").toStdString();
        std::vector<Marker> markers;
        for (int i = 0; i < 300; ++i)
            markers.push_back(
                {1000 + i * 317, "Marker " + std::to_string(i) + ": " +
                                     std::string(60, static_cast<char>('a' + i % 26))});
        QVERIFY(writeTake(in, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 2 * kRate, markers));
        ExportRequest request;
        request.sourcePath = in;
        request.destinationPath = dir_.filePath("many.ogg").toStdString();
        request.fromFrame = 1001; // drops the first marker
        const auto done = exportSpan(request);
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().message.c_str());
        QCOMPARE(done->markersCarried, 299);
        std::vector<Marker> expected;
        for (std::size_t i = 1; i < markers.size(); ++i) {
            const std::int64_t frame = markers[i].frame - 1001;
            expected.push_back(
                {*flac_markers::parseChapterTime(flac_markers::chapterTime(frame, kRate), kRate),
                 markers[i].name});
        }
        const auto read = ogg_markers::read(request.destinationPath);
        QVERIFY(read.ok());
        QCOMPARE(*read, expected);
        QCOMPARE(framesOf(request.destinationPath), std::int64_t{2 * kRate - 1001});
    }

    // A span with no markers in it leaves no marker room or chunks behind.
    void aSpanWithoutMarkersGetsNone() {
        const std::string in = dir_.filePath("none-inside.wav").toStdString();
        QVERIFY(writeTake(in, SF_FORMAT_WAV | SF_FORMAT_PCM_16, kRate, {{100, "Early"}}));
        for (const char* name : {"none-inside.flac", "none-inside-span.wav"}) {
            ExportRequest request;
            request.sourcePath = in;
            request.destinationPath = dir_.filePath(name).toStdString();
            request.fromFrame = 200;
            const auto done = exportSpan(request);
            QVERIFY(done.ok());
            QCOMPARE(done->markersCarried, 0);
            QVERIFY(take_markers::load(request.destinationPath).empty());
            QCOMPARE(commentOf(request.destinationPath), std::string());
        }
    }

    void cancellingRemovesTheNewFile() {
        const QString in = dir_.filePath("long.wav");
        QVERIFY(writeSource(in, 10 * kRate, 0, {}));
        ExportRequest request;
        request.sourcePath = in.toStdString();
        request.destinationPath = dir_.filePath("cancelled.wav").toStdString();
        std::atomic<bool> cancel{false};
        const auto done = exportSpan(
            request, [&cancel](std::int64_t, std::int64_t) { cancel.store(true); }, &cancel);
        QVERIFY(!done.ok());
        QVERIFY(!QFile::exists(QString::fromStdString(request.destinationPath)));
        QVERIFY(QFile::exists(in));
    }

    void neverOverwritesAndNeverExportsOntoItself() {
        const QString in = dir_.filePath("self.wav");
        QVERIFY(writeSource(in, kRate, 0, {}));
        const QByteArray before = [&] {
            QFile f(in);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        ExportRequest request;
        request.sourcePath = in.toStdString();
        request.destinationPath = in.toStdString();
        const auto onto = exportSpan(request);
        QVERIFY(!onto.ok());
        QCOMPARE(onto.error().code, ErrorCode::FileExists);
        QFile f(in);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void spansOutsideTheFileAreRefused() {
        const QString in = dir_.filePath("short.wav");
        QVERIFY(writeSource(in, kRate, 0, {}));
        ExportRequest request;
        request.sourcePath = in.toStdString();
        request.destinationPath = dir_.filePath("outside.wav").toStdString();
        request.fromFrame = 100;
        request.toFrame = kRate + 1;
        QCOMPARE(exportSpan(request).error().code, ErrorCode::InvalidArgument);
        request.toFrame = 100;
        QCOMPARE(exportSpan(request).error().code, ErrorCode::FileEmpty);
        QVERIFY(!QFile::exists(QString::fromStdString(request.destinationPath)));
    }

    void formatsFollowTheNameAndKeepTheEncoding() {
        QCOMPARE(exportFormatForPath("a/b/Take.WAV"), std::optional(ExportFormat::Wav));
        QCOMPARE(exportFormatForPath("x.flac"), std::optional(ExportFormat::Flac));
        QCOMPARE(exportFormatForPath("x.oga"), std::optional(ExportFormat::Ogg));
        QCOMPARE(exportFormatForPath("x.MP3"), std::optional(ExportFormat::Mp3));
        QCOMPARE(exportFormatForPath("x.opus"), std::optional(ExportFormat::Opus));
        QVERIFY(!exportFormatForPath("x.aac"));
        QCOMPARE(exportSndfileFormat(ExportFormat::Wav, SF_FORMAT_FLAC | SF_FORMAT_PCM_16),
                 SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        QCOMPARE(exportSndfileFormat(ExportFormat::Wav, SF_FORMAT_WAVEX | SF_FORMAT_PCM_24),
                 SF_FORMAT_WAVEX | SF_FORMAT_PCM_24);
        QCOMPARE(exportSndfileFormat(ExportFormat::Wav, SF_FORMAT_OGG | SF_FORMAT_VORBIS),
                 SF_FORMAT_WAV | SF_FORMAT_PCM_24);
        QCOMPARE(exportSndfileFormat(ExportFormat::Flac, SF_FORMAT_WAV | SF_FORMAT_FLOAT),
                 SF_FORMAT_FLAC | SF_FORMAT_PCM_24);
        QCOMPARE(exportSndfileFormat(ExportFormat::Wav16, SF_FORMAT_WAV | SF_FORMAT_PCM_24),
                 SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        QCOMPARE(parseExportFormat("wav32f"), std::optional(ExportFormat::Wav32f));
        QVERIFY(!parseExportFormat("aiff"));
    }
};

QTEST_GUILESS_MAIN(TakeExporterTest)
#include "TakeExporterTest.moc"
