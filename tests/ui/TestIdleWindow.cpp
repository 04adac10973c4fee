#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sndfile.h>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;
// Start-up (device scan, the file's overview) takes its time, more in a sanitizer build: the
// window must fall quiet within this, and then stay quiet.
constexpr int kSettleTimeoutMs = 30000;
constexpr int kSliceMs = 1000;
constexpr int kQuietSlices = 3;
// In one second, a thread or two may be woken by something outside the window (the sound
// server saying hello); a timer left running wakes the main thread 20–30 times.
constexpr long long kMostWakeupsPerSlice = 2;

// Voluntary context switches of all of a process's threads: how often it went to sleep, so
// how often something woke it.
long long wakeups(qint64 pid) {
    long long total = 0;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile status(tasks.filePath(task) + QStringLiteral("/status"));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("voluntary_ctxt_switches:"))
                total += line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
        }
    }
    return total;
}

} // namespace

// Idle is free: the real program with a file open and nothing playing holds no stream on the
// sound server and runs no timer.
class TestIdleWindow : public QObject {
    Q_OBJECT

private slots:
    void aWindowWithAFileOpenSleeps() {
        QVERIFY(PulseClient::insideTestServer());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("tone.wav"));
        const auto tone = SignalGenerator::sine(440, 0.5, 5 * kRate, 2, kRate);
        QVERIFY(writeSoundFile(file.toStdString(), tone, 2, kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        QProcess window;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        window.setProcessEnvironment(environment);
        window.start(QStringLiteral(TAPEDECK_BINARY), {file});
        QVERIFY(window.waitForStarted());
        // Seconds in a row with (almost) no wake-up; a timer that never stops never gets there.
        int quiet = 0;
        int waited = 0;
        long long lastSlice = -1;
        while (quiet < kQuietSlices && waited < kSettleTimeoutMs) {
            QCOMPARE(window.state(), QProcess::Running);
            const long long before = wakeups(window.processId());
            QTest::qWait(kSliceMs);
            waited += kSliceMs;
            lastSlice = wakeups(window.processId()) - before;
            // Fewer than before means a thread ended: something still comes and goes.
            quiet = lastSlice >= 0 && lastSlice <= kMostWakeupsPerSlice ? quiet + 1 : 0;
        }
        qInfo("idle window: quiet after %d ms (last second: %lld wake-ups), %d playback streams",
              waited - kQuietSlices * kSliceMs, lastSlice, PulseClient::playbackStreams());
        QVERIFY2(quiet == kQuietSlices,
                 qPrintable(QStringLiteral("still %1 wake-ups a second after %2 ms")
                                .arg(lastSlice)
                                .arg(waited)));
        QCOMPARE(PulseClient::playbackStreams(), 0);
        window.terminate();
        QVERIFY(window.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestIdleWindow)
#include "TestIdleWindow.moc"
