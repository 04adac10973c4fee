#include "engine/CliProcess.h"

#include "core/markers/WavMarkerChunks.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <sndfile.h>

using namespace tapedeck::testing;

// `tapedeck --info` as a user runs it, checked against figures computed here independently.
class InfoCommandTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    // Markers saved in a WAV file are listed with their frame, time and name; a file with no
    // bext chunk says so with null.
    void jsonListsTheMarkers() {
        const QString file = dir_.filePath("marked.wav");
        QVERIFY(writeSoundFile(file.toStdString(), SignalGenerator::silence(96000, 1), 1, 48000,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        QVERIFY(
            tapedeck::wav_markers::append(file.toStdString(), {{24000, "Verse"}, {72000, "Paused"}})
                .ok());
        const CliRun run = runTapedeck({"--info", file, "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(o.contains("bext") && o["bext"].isNull());
        const QJsonArray markers = o["markers"].toArray();
        QCOMPARE(markers.size(), 2);
        QCOMPARE(markers[0].toObject()["frame"].toInteger(), qint64(24000));
        QCOMPARE(markers[0].toObject()["seconds"].toDouble(), 0.5);
        QCOMPARE(markers[0].toObject()["name"].toString(), QStringLiteral("Verse"));
        QCOMPARE(markers[1].toObject()["name"].toString(), QStringLiteral("Paused"));
        const CliRun text = runTapedeck({"--info", file});
        QVERIFY(text.out.contains("Marker:      1.500 s (frame 72000) Paused"));
    }

    void jsonFiguresMatchAnIndependentComputation() {
        constexpr int kRate = 44100;
        constexpr int kFrames = kRate * 2;
        // Left: a 0.5 sine; right: DC at 0.25 with three samples driven to full scale.
        std::vector<float> samples(kFrames * 2);
        for (int i = 0; i < kFrames; ++i) {
            samples[i * 2] = 0.5f * static_cast<float>(std::sin(2 * M_PI * 1000.0 * i / kRate));
            samples[i * 2 + 1] = 0.25f;
        }
        for (int i : {100, 2000, 30000}) {
            samples[i * 2 + 1] = 1.0f;
        }
        const QString file = dir_.filePath("known.wav");
        QVERIFY(
            writeSoundFile(file.toStdString(), samples, 2, kRate, SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                .ok());

        const CliRun run = runTapedeck({"--info", file, "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o["sampleRate"].toInt(), kRate);
        QCOMPARE(o["channels"].toInt(), 2);
        QCOMPARE(o["frames"].toInteger(), qint64(kFrames));
        QCOMPARE(o["durationSeconds"].toDouble(), 2.0);
        QVERIFY(!o["format"].toString().isEmpty());
        const QJsonArray channels = o["perChannel"].toArray();
        QCOMPARE(channels.size(), 2);

        for (int c = 0; c < 2; ++c) {
            double peak = 0;
            double sumSquares = 0;
            qint64 clipped = 0;
            for (int i = 0; i < kFrames; ++i) {
                const double x = samples[i * 2 + c];
                peak = std::max(peak, std::abs(x));
                sumSquares += x * x;
                clipped += std::abs(x) >= 1.0 ? 1 : 0;
            }
            const double peakDb = 20 * std::log10(peak);
            const double rmsDb = 10 * std::log10(sumSquares / kFrames);
            const QJsonObject ch = channels[c].toObject();
            QVERIFY(std::abs(ch["peakDbfs"].toDouble() - peakDb) < 0.01);
            QVERIFY(std::abs(ch["rmsDbfs"].toDouble() - rmsDb) < 0.01);
            QCOMPARE(ch["clippedSamples"].toInteger(), clipped);
        }
    }

    void aBadFileIsOneClearLine() {
        const QString file = dir_.filePath("words.wav");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not audio, only words\n");
        f.close();
        const CliRun run = runTapedeck({"--info", file});
        QVERIFY(run.exitCode != 0);
        QCOMPARE(run.err.trimmed().split('\n').size(), 1);
        QVERIFY2(run.err.startsWith("tapedeck: "), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(InfoCommandTest)
#include "InfoCommandTest.moc"
