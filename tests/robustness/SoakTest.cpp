#include "engine/CliProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sndfile.h>

namespace {

constexpr int kRate = 48000;
constexpr int kSeconds = 600;
constexpr int kSampleEveryMs = 10000;
constexpr int kBaselineSecond = 30;
constexpr qint64 kAllowedGrowthKb = 2048;

// Resident memory of a process in kB (VmRSS in /proc/PID/status); -1 if it has gone.
qint64 residentKb(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').front().toLongLong();
        }
    }
    return -1;
}

} // namespace

// Ten minutes against the test server: every captured frame is written, and memory stays
// flat.
class SoakTest : public QObject {
    Q_OBJECT

private slots:
    void tenMinutesAreWrittenWholeWithFlatMemory() {
        QTemporaryDir dir;
        const QString file = dir.filePath("soak.wav");
        QProcess tapedeck;
        startTapedeck(tapedeck, {"--record", file, "--rate", QString::number(kRate), "--duration",
                                 QString::number(kSeconds)});
        const qint64 pid = tapedeck.processId();
        QElapsedTimer clock;
        clock.start();
        QList<QPair<double, qint64>> samples;
        while (!tapedeck.waitForFinished(kSampleEveryMs)) {
            QVERIFY(tapedeck.state() == QProcess::Running);
            const qint64 kb = residentKb(pid);
            if (kb > 0) {
                samples.append({clock.elapsed() / 1000.0, kb});
                qInfo("%6.1f s: VmRSS %lld kB", samples.back().first, kb);
            }
            QVERIFY(clock.elapsed() < (kSeconds + 60) * 1000);
        }
        const QString err = QString::fromUtf8(tapedeck.readAllStandardError());
        qInfo("%s", qPrintable(err.trimmed()));
        QCOMPARE(tapedeck.exitStatus(), QProcess::NormalExit);
        QVERIFY2(tapedeck.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("Saved %1.00 s").arg(kSeconds)), qPrintable(err));

        SF_INFO info{};
        SNDFILE* sf = sf_open(file.toLocal8Bit().constData(), SFM_READ, &info);
        QVERIFY(sf != nullptr);
        sf_close(sf);
        QCOMPARE(static_cast<qint64>(info.frames), qint64{kSeconds} * kRate);

        qint64 baseline = -1;
        for (const auto& [second, kb] : samples) {
            if (baseline < 0 && second >= kBaselineSecond) {
                baseline = kb;
            }
        }
        QVERIFY(baseline > 0 && !samples.isEmpty());
        const qint64 last = samples.back().second;
        qInfo("VmRSS %lld kB at %d s, %lld kB at the end", baseline, kBaselineSecond, last);
        QVERIFY(last - baseline <= kAllowedGrowthKb);
    }
};

int main(int argc, char** argv) {
    // Qt Test stops a test function after five minutes by default; this one takes ten.
    qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((kSeconds + 120) * 1000));
    QCoreApplication app(argc, argv);
    SoakTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "SoakTest.moc"
