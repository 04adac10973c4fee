#include "io/TakeExporter.h"
#include "io/SpanMarkers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>

#include <atomic>
#include <cstring>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;

// A mono 16-bit WAV whose sample i is (i % 30000) - 15000, with a bext chunk and cue points.
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
    std::vector<SpanMarker> markers;
    for (std::uint32_t frame : cues)
        markers.push_back({frame, "at " + std::to_string(frame)});
    CueChunkMarkers store;
    ok = ok && store.write(file, markers);
    std::vector<short> samples(frames);
    for (int i = 0; i < frames; ++i)
        samples[i] = static_cast<short>(i % 30000 - 15000);
    ok = ok && sf_writef_short(file, samples.data(), frames) == frames;
    sf_close(file);
    return ok;
}

} // namespace

// The exporter in core: metadata carried over and shifted, progress, cancel, and never
// overwriting.
class TakeExporterTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void markersInsideTheSpanAreShifted() {
        const std::vector<SpanMarker> all = {{500, "b"}, {100, "a"}, {1000, "c"}, {2000, "d"}};
        QCOMPARE(markersInSpan(all, 100, 1000), (std::vector<SpanMarker>{{0, "a"}, {400, "b"}}));
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
        CueChunkMarkers store;
        const std::vector<SpanMarker> markers = store.read(out);
        QCOMPARE(markers.size(), std::size_t{2});
        QCOMPARE(markers[0].frame, qint64(30000 - 24000));
        // libsndfile keeps no cue labels in a WAV (they live in an adtl list it does not
        // write): positions only.
        QCOMPARE(markers[1].frame, qint64(60000 - 24000));
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

    // A store other than the cue chunk can be plugged in (labels from elsewhere).
    void anotherMarkerStoreIsUsed() {
        struct FixedStore : SpanMarkerStore {
            std::vector<SpanMarker> written;
            std::vector<SpanMarker> read(SNDFILE*) override { return {{10, "x"}, {5000, "y"}}; }
            bool write(SNDFILE*, const std::vector<SpanMarker>& markers) override {
                written = markers;
                return true;
            }
        } store;
        const QString in = dir_.filePath("plain.wav");
        QVERIFY(writeSource(in, kRate, 0, {}));
        ExportRequest request;
        request.sourcePath = in.toStdString();
        request.destinationPath = dir_.filePath("plain-span.flac").toStdString();
        request.fromFrame = 1000;
        const auto done = exportSpan(request, {}, nullptr, &store);
        QVERIFY(done.ok());
        QCOMPARE(done->frames, qint64(kRate - 1000));
        QCOMPARE(done->sndfileFormat, SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
        QCOMPARE(store.written, (std::vector<SpanMarker>{{4000, "y"}}));
        QVERIFY(!done->bextCarried); // FLAC has no bext chunk
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
        QVERIFY(!exportFormatForPath("x.mp3"));
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
