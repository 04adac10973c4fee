#include "CliProcess.h"

#include "support/SoundFileIo.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;

QList<pid_t> serverPids() {
    QList<pid_t> pids;
    const QString text = qEnvironmentVariable("TAPEDECK_SOUND_SERVER_PIDS");
    for (const QString& pid : text.split(' ', Qt::SkipEmptyParts)) {
        pids.append(static_cast<pid_t>(pid.toInt()));
    }
    return pids;
}

void signalServer(int signal) {
    for (const pid_t pid : serverPids()) {
        ::kill(pid, signal);
    }
}
} // namespace

namespace {
// More than any header Tapedeck writes for a WAV take (bext included): a larger file holds audio.
constexpr qint64 kHeaderBytes = 4096;
} // namespace

// What happens to a take when the sound server dies or freezes mid-recording. Each function
// runs in its own server (see CMakeLists.txt): the server does not survive it.
class ServerLossTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    // Records, lets the take run, then does `toServer` to the server, and checks that
    // tapedeck gives up quickly with a clear message and a valid file up to that moment.
    void recordThen(int signal) {
        QVERIFY(!serverPids().isEmpty());
        const QString file = dir_.filePath("take.wav");
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", file, "--rate", "48000"});
        // Two seconds of take, counted from the first audio in the file: starting the process
        // and the stream takes longer under a sanitizer, and is not what is tested here.
        QElapsedTimer waited;
        waited.start();
        while (QFileInfo(file).size() <= kHeaderBytes && waited.elapsed() < 10000) {
            QTest::qWait(20);
        }
        QVERIFY2(QFileInfo(file).size() > kHeaderBytes, "no audio reached the file");
        QTest::qWait(2000);
        QVERIFY(tapedeck.state() == QProcess::Running);
        signalServer(signal);
        QElapsedTimer sinceLoss;
        sinceLoss.start();
        const CliRun run = finishTapedeck(tapedeck, 10000);
        const qint64 exitMs = sinceLoss.elapsed();
        if (signal == SIGSTOP) {
            signalServer(SIGCONT); // let the harness stop it normally
        }
        qInfo("tapedeck exited %lld ms after the server was lost: %s",
              static_cast<long long>(exitMs), qPrintable(run.err.trimmed()));
        QVERIFY(!run.crashed);
        QVERIFY(run.exitCode != 0);
        QVERIFY(exitMs < 3000);
        QVERIFY2(run.err.contains("stopped sending audio"), qPrintable(run.err));
        QVERIFY2(run.err.trimmed().split('\n').size() == 1, qPrintable(run.err));
        const auto take = readSoundFile(file.toStdString());
        QVERIFY2(take.ok(), take.ok() ? "" : take.error().message.c_str());
        // Two seconds were recorded before the loss, less what was still in the capture
        // buffer (200 ms) when the server froze or died.
        qInfo("the file holds %.2f s", static_cast<double>(take->frames()) / kRate);
        QVERIFY(take->frames() >= qint64(1.5 * kRate));
        QVERIFY(take->frames() <= qint64(3.5 * kRate));
    }

private slots:
    void killingTheServerEndsTheTakeWithAValidFile() { recordThen(SIGKILL); }
    void aFrozenServerEndsTheTakeWithAValidFile() { recordThen(SIGSTOP); }
};

QTEST_GUILESS_MAIN(ServerLossTest)
#include "ServerLossTest.moc"
