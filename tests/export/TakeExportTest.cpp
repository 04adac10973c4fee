#include "core/export/TakeExport.h"
#include "export/SpeechLikeSignal.h"

#include "support/SoundFileIo.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>

using namespace tapedeck;
using namespace tapedeck::testing;

// exportTake called as the window's export job calls it: cancelled, failed and raced exports
// leave no file behind, and the format decides the rate and channels.
class TakeExportTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString take_;

    QStringList leftovers() const {
        QStringList names = QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden);
        names.removeAll("take.wav");
        return names;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        take_ = dir_.filePath("take.wav");
        QVERIFY(writeSoundFile(take_.toStdString(), speechLikeSignal(6.0, 2, 96000, 0.2, 1), 2,
                               96000, SF_FORMAT_WAV | SF_FORMAT_PCM_24)
                    .ok());
    }

    void aCancelledExportLeavesNothing_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("loudness");
        QTest::newRow("mp3 while measuring") << "a.mp3" << true;
        QTest::newRow("opus while encoding") << "b.opus" << false;
        QTest::newRow("wav while levelling") << "c.wav" << true;
    }

    void aCancelledExportLeavesNothing() {
        QFETCH(QString, name);
        QFETCH(bool, loudness);
        ExportRequest request;
        request.sourcePath = take_.toStdString();
        request.destinationPath = dir_.filePath(name).toStdString();
        ExportSettings settings;
        if (loudness) {
            settings.loudness = LoudnessTarget{-16.0, -1.0};
        }
        std::atomic<bool> cancel{false};
        int calls = 0;
        // As the window's Cancel button does: the flag turns true while the export works.
        const auto progress = [&](std::int64_t, std::int64_t) {
            if (++calls == 2) {
                cancel.store(true);
            }
        };
        const Result<TakeExportOutcome> done = exportTake(request, settings, progress, &cancel);
        QVERIFY(!done.ok());
        QVERIFY(calls >= 2);
        QCOMPARE(leftovers(), QStringList());
    }

    void aFileThatAppearsMeanwhileIsNeverWrittenOver() {
        const QString out = dir_.filePath("raced.mp3");
        ExportRequest request;
        request.sourcePath = take_.toStdString();
        request.destinationPath = out.toStdString();
        bool created = false;
        const auto progress = [&](std::int64_t, std::int64_t) {
            if (!created) {
                QFile other(out);
                created = other.open(QIODevice::WriteOnly);
                other.write("someone else's");
            }
        };
        const Result<TakeExportOutcome> done = exportTake(request, {}, progress);
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, ErrorCode::FileExists);
        QFile other(out);
        QVERIFY(other.open(QIODevice::ReadOnly));
        QCOMPARE(other.readAll(), QByteArray("someone else's"));
        other.close();
        QFile::remove(out);
        QCOMPARE(leftovers(), QStringList());
    }

    void formatsGetTheirRatesAndChannels_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("outChannels");
        QTest::newRow("mp3 at 96 kHz comes down to 48") << "r.mp3" << 0 << 48000 << 2;
        QTest::newRow("opus is always 48 kHz, mono fold") << "r.opus" << 1 << 48000 << 1;
        QTest::newRow("flac keeps the rate, folded") << "r.flac" << 1 << 96000 << 1;
    }

    void formatsGetTheirRatesAndChannels() {
        QFETCH(QString, name);
        QFETCH(int, channels);
        QFETCH(int, rate);
        QFETCH(int, outChannels);
        ExportRequest request;
        request.sourcePath = take_.toStdString();
        request.destinationPath = dir_.filePath(name).toStdString();
        ExportSettings settings;
        settings.channels = channels;
        const Result<TakeExportOutcome> done = exportTake(request, settings);
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().message.c_str());
        QCOMPARE(done->sampleRate, rate);
        QCOMPARE(done->channels, outChannels);
        const Result<AudioBuffer> decoded = readSoundFile(request.destinationPath);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->sampleRate, rate);
        QCOMPARE(decoded->channels, outChannels);
        // Lossy codecs pad and trim a little; the length stays within 50 ms.
        QVERIFY(std::abs(decoded->frames() - 6 * rate) < rate / 20);
        QFile::remove(QString::fromStdString(request.destinationPath));
    }
};

QTEST_GUILESS_MAIN(TakeExportTest)
#include "TakeExportTest.moc"
