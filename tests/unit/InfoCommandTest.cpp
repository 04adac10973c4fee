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

    // EBU R128 loudness: Tech 3341 case 1 (a stereo 1 kHz sine at -23 dBFS, 20 s) reads
    // -23.0 LUFS, its true peak -23.0 dBTP, in the text and in the JSON.
    void loudnessIsMeasuredByTheStandard() {
        constexpr int kRate = 48000;
        const QString file = dir_.filePath("ebu-3341-1.wav");
        QVERIFY(writeSoundFile(file.toStdString(),
                               SignalGenerator::sine(1000.0, std::pow(10.0, -23.0 / 20.0),
                                                     20 * kRate, 2, kRate),
                               2, kRate, SF_FORMAT_WAV | SF_FORMAT_FLOAT)
                    .ok());
        const CliRun run = runTapedeck({"--info", file, "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject l =
            QJsonDocument::fromJson(run.out.toUtf8()).object()["loudness"].toObject();
        QVERIFY(std::abs(l["integrated_lufs"].toDouble() + 23.0) <= 0.1);
        QVERIFY(std::abs(l["max_momentary_lufs"].toDouble() + 23.0) <= 0.1);
        QVERIFY(std::abs(l["max_short_term_lufs"].toDouble() + 23.0) <= 0.1);
        QVERIFY(std::abs(l["true_peak_dbtp"].toDouble() + 23.0) <= 0.2);
        QVERIFY(l["range_lu"].isDouble() && l["range_lu"].toDouble() < 0.1);
        QVERIFY(!l.contains("reason"));
        const CliRun text = runTapedeck({"--info", file});
        QVERIFY2(text.out.contains("Loudness:    -23.0 LUFS integrated, range 0.0 LU, true peak "
                                   "-23.0 dBTP"),
                 qPrintable(text.out));
    }

    // Too short (0.2 s) or silent: null figures and a reason, never a made-up number.
    void tooShortOrSilentGivesNullsAndAReason_data() {
        QTest::addColumn<double>("amplitude");
        QTest::addColumn<int>("frames");
        QTest::addColumn<QString>("why");
        QTest::newRow("0.2 s tone") << 0.5 << 9600 << "shorter than 0.4 s";
        QTest::newRow("5 s of silence") << 0.0 << 5 * 48000 << "too quiet";
    }
    void tooShortOrSilentGivesNullsAndAReason() {
        QFETCH(double, amplitude);
        QFETCH(int, frames);
        QFETCH(QString, why);
        const QString file = dir_.filePath(QStringLiteral("short-or-silent-%1.wav").arg(frames));
        QVERIFY(writeSoundFile(file.toStdString(),
                               SignalGenerator::sine(440.0, amplitude, frames, 2, 48000), 2, 48000,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        const CliRun run = runTapedeck({"--info", "--json", file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject l =
            QJsonDocument::fromJson(run.out.toUtf8()).object()["loudness"].toObject();
        for (const char* key :
             {"integrated_lufs", "range_lu", "max_momentary_lufs", "max_short_term_lufs"}) {
            QVERIFY2(l.contains(key) && l[key].isNull(), key);
        }
        QCOMPARE(l["true_peak_dbtp"].isNull(), amplitude == 0.0);
        QVERIFY2(l["reason"].toString().contains(why), qPrintable(l["reason"].toString()));
        const CliRun text = runTapedeck({"--info", file});
        QVERIFY2(text.out.contains("not measured") && text.out.contains(why), qPrintable(text.out));
    }

    // --no-loudness leaves the loudness out (text and JSON) and still gives the levels; a
    // later --info measures it after all, from a cache that lacked it.
    void noLoudnessLeavesItOut() {
        const QString file = dir_.filePath("quick.wav");
        QVERIFY(writeSoundFile(file.toStdString(),
                               SignalGenerator::sine(1000.0, 0.5, 48000 * 4, 2, 48000), 2, 48000,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        const CliRun json = runTapedeck({"--info", file, "--json", "--no-loudness"});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(!o.contains("loudness"));
        QCOMPARE(o["perChannel"].toArray().size(), 2);
        const CliRun text = runTapedeck({"--no-loudness", "--info", file});
        QVERIFY2(text.exitCode == 0 && !text.out.contains("Loudness"), qPrintable(text.out));
        const CliRun after = runTapedeck({"--info", file, "--json"});
        QVERIFY(QJsonDocument::fromJson(after.out.toUtf8())
                    .object()["loudness"]
                    .toObject()["integrated_lufs"]
                    .isDouble());
        const CliRun misplaced = runTapedeck({"--play", file, "--no-loudness"});
        QVERIFY(misplaced.exitCode != 0);
        QVERIFY2(misplaced.err.contains("--no-loudness goes with --info"),
                 qPrintable(misplaced.err));
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
