#include "CliProcess.h"

#include "support/MonitorCopy.h"
#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SoundFileIo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sndfile.h>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;
constexpr int kClickSeconds = 20;
constexpr std::int64_t kTolerance = kRate / 100; // 10 ms

// pipewire-pulse, the server process every Pulse client (Tapedeck through the ALSA pulse
// plugin) talks to: the last of the harness's server processes.
pid_t pulseServerPid() {
    const QStringList pids =
        qEnvironmentVariable("TAPEDECK_SOUND_SERVER_PIDS").split(' ', Qt::SkipEmptyParts);
    if (pids.isEmpty()) {
        return 0;
    }
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pids.last()));
    if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "pipewire-pulse") {
        return 0;
    }
    return static_cast<pid_t>(pids.last().toInt());
}

} // namespace

// The sound server's Pulse side stops for 300 ms in the middle of a take. PipeWire's graph
// goes on without it, so what the inputs heard meanwhile is gone before it reached Tapedeck,
// and no flag says so. A click train played by a native PipeWire client (pw-play, which the
// freeze does not stop) shows in the file how much was lost. Whatever was lost, the take says
// so, and a call's two inputs stay together.
class ServerHiccupTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString clickTrain_;

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QVERIFY2(pulseServerPid() > 0, "pipewire-pulse is not the harness's last process");
        std::vector<float> clicks(static_cast<std::size_t>(kClickSeconds * kRate) * 2, 0.0f);
        for (std::size_t f = kRate / 4; f < clicks.size() / 2; f += kRate) {
            clicks[2 * f] = clicks[2 * f + 1] = 0.9f;
        }
        clickTrain_ = dir_.filePath("clicks.wav");
        QVERIFY(writeSoundFile(clickTrain_.toStdString(), clicks, 2, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
    }

    void aLossInTheServerIsNeverUnsaid_data() {
        QTest::addColumn<bool>("call");
        QTest::newRow("one input") << false;
        QTest::newRow("a call") << true;
    }
    void aLossInTheServerIsNeverUnsaid() {
        QFETCH(bool, call);
        MonitorCopy copy(QStringLiteral("hiccupcopy"));
        QVERIFY(copy.loaded());
        const QString take = dir_.filePath(call ? "call.wav" : "one.wav");
        QStringList arguments{"--record",         take,         "--input-device",
                              "testsink.monitor", "--duration", "12"};
        if (call) {
            arguments << "--input-device" << copy.sourceName();
        }
        QProcess tapedeck;
        startTapedeck(tapedeck, arguments);
        QVERIFY(PulseClient::waitForRunningCaptureStreams(call ? 2 : 1, 10000));
        QProcess player;
        player.start(QStringLiteral("pw-play"), {"--target", "testsink", clickTrain_});
        QVERIFY(player.waitForStarted());
        QTest::qWait(5000);
        const pid_t server = pulseServerPid();
        ::kill(server, SIGSTOP);
        QTest::qWait(300);
        ::kill(server, SIGCONT);
        const CliRun run = finishTapedeck(tapedeck, 30000);
        player.kill();
        player.waitForFinished();
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

        const auto file = readSoundFile(take.toStdString());
        QVERIFY(file.ok());
        const auto left = SignalComparison::clicks(file->samples, file->channels, 0, kRate / 5);
        QVERIFY2(left.size() >= 9, qPrintable(QString::number(left.size())));
        // A second between clicks that came out shorter is what the server lost.
        std::int64_t lost = 0;
        for (std::size_t i = 1; i < left.size(); ++i) {
            if (left[i] - left[i - 1] < kRate - kTolerance) {
                lost += kRate - (left[i] - left[i - 1]);
            }
        }
        qInfo("lost %.3f s; tapedeck said: %s", double(lost) / kRate,
              qPrintable(run.err.trimmed()));
        if (lost > 0) {
            QVERIFY2(reportedDropoutsAndXruns(run) > 0, qPrintable(run.err));
        }
        if (call) {
            const auto right =
                SignalComparison::clicks(file->samples, file->channels, 1, kRate / 5);
            QCOMPARE(right.size(), left.size());
            for (std::size_t i = 0; i < left.size(); ++i) {
                QVERIFY2(std::abs(right[i] - left[i]) <= kTolerance,
                         qPrintable(QStringLiteral("click %1: %2 frames apart")
                                        .arg(i)
                                        .arg(right[i] - left[i])));
            }
        }
        if (lost == 0) {
            QSKIP("the server kept all of the freeze's audio this time: no loss to find");
        }
    }
};

QTEST_GUILESS_MAIN(ServerHiccupTest)
#include "ServerHiccupTest.moc"
