#include "CliProcess.h"

#include "support/NamedSource.h"
#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <complex>
#include <numbers>

using namespace tapedeck::testing;

namespace {

constexpr int kServerRate = 48000;
constexpr double kStudioHz = 440.0;
constexpr double kHeadsetHz = 1250.0;
constexpr double kToneAmplitude = 0.5;

// The amplitude of one frequency in a signal (a single DFT bin, any phase).
double amplitudeAt(const std::vector<float>& mono, double hz) {
    std::complex<double> sum;
    const double step = 2.0 * std::numbers::pi * hz / kServerRate;
    for (size_t i = 0; i < mono.size(); ++i) {
        sum += static_cast<double>(mono[i]) * std::polar(1.0, -step * static_cast<double>(i));
    }
    return mono.empty() ? 0.0 : 2.0 * std::abs(sum) / static_cast<double>(mono.size());
}

std::vector<float> firstChannel(const AudioBuffer& buffer) {
    std::vector<float> out;
    for (size_t i = 0; i < buffer.samples.size(); i += static_cast<size_t>(buffer.channels)) {
        out.push_back(buffer.samples[i]);
    }
    return out;
}

// Waits until `count` capture streams (tapedeck's) run, so a signal played after this is
// heard.
bool waitForCaptureStreams(int count) {
    return PulseClient::waitForRunningCaptureStreams(count, 10000);
}

} // namespace

// Microphones of the sound server chosen by the names the desktop shows, on the project's
// private server with two named test microphones.
class NamedDeviceTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    NamedSource studio_{QStringLiteral("studio_mic"), QStringLiteral("Studio Mic"), 2};
    NamedSource headset_{QStringLiteral("headset_mic"), QStringLiteral("Headset Mic"), 1};

    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QVERIFY2(studio_.plug(), qPrintable(studio_.errorString()));
        QVERIFY2(headset_.plug(), qPrintable(headset_.errorString()));
    }

    void everyMicIsListedByItsDescriptionWithItsOwnFormat() {
        const CliRun run = runTapedeck({"--list-devices", "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QJsonObject studio;
        QJsonObject headset;
        QJsonObject monitor;
        QJsonObject sink;
        for (const auto& value : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
            const QJsonObject d = value.toObject();
            if (d["id"] == "studio_mic")
                studio = d;
            if (d["id"] == "headset_mic")
                headset = d;
            if (d["id"] == "testsink.monitor")
                monitor = d;
            if (d["id"] == "testsink")
                sink = d;
        }
        QCOMPARE(studio["name"].toString(), QStringLiteral("Studio Mic"));
        QCOMPARE(studio["kind"].toString(), QStringLiteral("input"));
        QCOMPARE(studio["maxInputChannels"].toInt(), 2);
        QCOMPARE(studio["defaultSampleRate"].toDouble(), double(kServerRate));
        QCOMPARE(headset["name"].toString(), QStringLiteral("Headset Mic"));
        QCOMPARE(headset["maxInputChannels"].toInt(), 1);
        QCOMPARE(monitor["kind"].toString(), QStringLiteral("monitor"));
        QCOMPARE(monitor["name"].toString(),
                 QStringLiteral("Sound from Test Sink (what the computer plays)"));
        QVERIFY(monitor["isDefaultInput"].toBool()); // the test server's default source
        QCOMPARE(sink["kind"].toString(), QStringLiteral("output"));
        QVERIFY(sink["isDefaultOutput"].toBool());

        const CliRun text = runTapedeck({"--list-devices"});
        QVERIFY(text.out.contains("Headset Mic"));
        QVERIFY(text.out.contains("What the computer plays"));
    }

    // Both mics at once, each fed its own tone: two streams to two devices must not cross.
    void eachTakeHoldsItsOwnMicAndNotTheOther() {
        const QString studioTake = path("studio.wav");
        const QString headsetTake = path("headset.wav");
        QProcess studio;
        QProcess headset;
        startTapedeck(studio, {"--record", studioTake, "--input-device", "Studio Mic"});
        startTapedeck(headset, {"--record", headsetTake, "--input-device", "headset"});
        QVERIFY(waitForCaptureStreams(2));
        PulseClient studioFeed;
        PulseClient headsetFeed;
        studioFeed.setSink(studio_.feedSink());
        headsetFeed.setSink(headset_.feedSink());
        const auto studioTone =
            SignalGenerator::sine(kStudioHz, kToneAmplitude, 2 * kServerRate, 2, kServerRate);
        const auto headsetTone =
            SignalGenerator::sine(kHeadsetHz, kToneAmplitude, 2 * kServerRate, 1, kServerRate);
        QVERIFY2(studioFeed.startPlayback(studioTone, 2, kServerRate),
                 qPrintable(studioFeed.errorString()));
        QVERIFY2(headsetFeed.startPlayback(headsetTone, 1, kServerRate),
                 qPrintable(headsetFeed.errorString()));
        QVERIFY(studioFeed.waitForPlaybackFinished());
        QVERIFY(headsetFeed.waitForPlaybackFinished());
        QTest::qWait(500); // the last of the tones is still on its way
        studio.terminate();
        headset.terminate();
        const CliRun studioRun = finishTapedeck(studio, 15000);
        const CliRun headsetRun = finishTapedeck(headset, 15000);
        QVERIFY2(studioRun.exitCode == 0, qPrintable(describe(studioRun)));
        QVERIFY2(headsetRun.exitCode == 0, qPrintable(describe(headsetRun)));

        const auto fromStudio = readSoundFile(studioTake.toStdString());
        const auto fromHeadset = readSoundFile(headsetTake.toStdString());
        QVERIFY(fromStudio.ok() && fromHeadset.ok());
        const auto s = firstChannel(*fromStudio);
        const auto h = firstChannel(*fromHeadset);
        qInfo("studio take: %.3f at %g Hz, %.5f at %g Hz", amplitudeAt(s, kStudioHz), kStudioHz,
              amplitudeAt(s, kHeadsetHz), kHeadsetHz);
        qInfo("headset take: %.3f at %g Hz, %.5f at %g Hz", amplitudeAt(h, kHeadsetHz), kHeadsetHz,
              amplitudeAt(h, kStudioHz), kStudioHz);
        // Each tone fills most of its take; the other mic's tone is not there at all.
        QVERIFY(amplitudeAt(s, kStudioHz) > 0.2);
        QVERIFY(amplitudeAt(s, kHeadsetHz) < 0.001);
        QVERIFY(amplitudeAt(h, kHeadsetHz) > 0.2);
        QVERIFY(amplitudeAt(h, kStudioHz) < 0.001);
    }

    void aMonoMicGivesAMonoTakeAtTheServersRate() {
        const QString take = path("mono.wav");
        const CliRun run =
            runTapedeck({"--record", take, "--input-device", "Headset Mic", "--duration", "0.5"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const auto file = readSoundFile(take.toStdString());
        QVERIFY(file.ok());
        QCOMPARE(file->channels, 1);
        QCOMPARE(file->sampleRate, kServerRate);
        QCOMPARE(file->frames(), qint64(kServerRate / 2));
    }

    // Last: the headset is gone afterwards.
    void unpluggingTheMicEndsTheTakeWithAValidFileAndSaysSo() {
        const QString take = path("unplugged.wav");
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", take, "--input-device", "Headset Mic"});
        QVERIFY(waitForCaptureStreams(1));
        QTest::qWait(1000);
        QVERIFY2(headset_.unplug(), qPrintable(headset_.errorString()));
        const CliRun run = finishTapedeck(tapedeck, 10000);
        QVERIFY2(!run.crashed && run.exitCode != 0, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("Headset Mic was unplugged"), qPrintable(run.err));
        QVERIFY2(run.err.trimmed().split('\n').size() == 1, qPrintable(run.err));
        const auto file = readSoundFile(take.toStdString());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        QCOMPARE(file->channels, 1);
        // About a second was recorded before the unplug; the take does not run on with
        // whatever source the server moved the stream to.
        qInfo("take after unplug: %.2f s", double(file->frames()) / kServerRate);
        QVERIFY(file->frames() > kServerRate / 2);
        QVERIFY(file->frames() < 3 * kServerRate);
        QVERIFY(!QFile::exists(take + ".tapedeck-journal"));
    }

    // The take ends with the last frame the microphone captured: what the stream heard after
    // the unplug (silence from whatever source the server moved it to) is not appended. A
    // tone plays until the unplug, so the take's last frames are the tone.
    void anUnpluggedMicsTakeEndsWithItsLastCapturedFrame_data() {
        QTest::addColumn<int>("channels");
        QTest::newRow("mono") << 1;
        QTest::newRow("stereo") << 2;
    }
    void anUnpluggedMicsTakeEndsWithItsLastCapturedFrame() {
        QFETCH(int, channels);
        NamedSource mic(QStringLiteral("lapel_mic_%1").arg(channels), QStringLiteral("Lapel Mic"),
                        channels);
        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        const QString take = path(QStringLiteral("unplugged-tone-%1.wav").arg(channels));
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", take, "--input-device", "Lapel Mic"});
        QVERIFY(waitForCaptureStreams(1));
        PulseClient feed;
        feed.setSink(mic.feedSink());
        const auto tone = SignalGenerator::sine(kStudioHz, kToneAmplitude, 20 * kServerRate,
                                                channels, kServerRate);
        QVERIFY2(feed.startPlayback(tone, channels, kServerRate), qPrintable(feed.errorString()));
        QTest::qWait(1500);
        QVERIFY2(mic.unplug(), qPrintable(mic.errorString()));
        const CliRun run = finishTapedeck(tapedeck, 10000);
        QVERIFY2(!run.crashed && run.exitCode != 0, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("Lapel Mic was unplugged"), qPrintable(run.err));
        const auto file = readSoundFile(take.toStdString());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        const auto mono = firstChannel(*file);
        auto last = static_cast<std::int64_t>(mono.size()) - 1;
        while (last >= 0 && std::fabs(mono[static_cast<size_t>(last)]) < kToneAmplitude / 5)
            --last;
        const std::int64_t trailing = static_cast<std::int64_t>(mono.size()) - 1 - last;
        qInfo("take after unplug: %.3f s, %lld frames after the tone",
              double(mono.size()) / kServerRate, static_cast<long long>(trailing));
        QVERIFY(last > kServerRate / 2); // the tone was recorded
        // A 440 Hz tone is above a fifth of its amplitude but for a few samples around each
        // zero crossing; anything longer is audio that was not the microphone's.
        QVERIFY2(trailing < kServerRate / 1000, qPrintable(QString::number(trailing)));
    }
};

QTEST_GUILESS_MAIN(NamedDeviceTest)
#include "NamedDeviceTest.moc"
