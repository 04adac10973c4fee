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
constexpr int kSettleMs = 3000;  // start-up, device scan, the file's overview
constexpr int kMeasureMs = 3000; // then it should sleep through this
// A thread or two may be woken by something outside the window (the sound server saying
// hello); a timer left running wakes the main thread 20–30 times a second.
constexpr long long kMostWakeups = 5;

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
        QTest::qWait(kSettleMs);
        QCOMPARE(window.state(), QProcess::Running);
        const long long before = wakeups(window.processId());
        QTest::qWait(kMeasureMs);
        const long long woken = wakeups(window.processId()) - before;
        qInfo("idle window: %lld wake-ups in %d ms, %d playback streams", woken, kMeasureMs,
              PulseClient::playbackStreams());
        QCOMPARE(PulseClient::playbackStreams(), 0);
        QVERIFY2(woken <= kMostWakeups, qPrintable(QString::number(woken)));
        window.terminate();
        QVERIFY(window.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestIdleWindow)
#include "TestIdleWindow.moc"
