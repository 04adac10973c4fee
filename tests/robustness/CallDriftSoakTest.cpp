#include "engine/CliProcess.h"

#include "support/MonitorCopy.h"
#include "support/PulseClient.h"
#include "support/SignalComparison.h"
#include "support/SoundFileIo.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numbers>

using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;

} // namespace

// A long two-input take on the private sound server: the same clicks reach both inputs (the
// second a copy of the first made in the server's graph) once a second for two minutes;
// their offset in the file stays within 10 ms and moves by no more than 1 ms from start to end.
class CallDriftSoakTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY(PulseClient::insideTestServer()); }

    void theOffsetHoldsOverTwoMinutes() {
        constexpr int kTakeSeconds = 120;
        MonitorCopy copy(QStringLiteral("driftcopy"));
        QVERIFY2(copy.loaded(), "pactl load-module module-remap-source failed");
        const QString take = dir_.filePath("drift.wav");
        QProcess run;
        startTapedeck(run,
                      {"--record", take, "--input-device", "testsink.monitor", "--input-device",
                       "driftcopy", "--duration", QString::number(kTakeSeconds)});
        QVERIFY(PulseClient::waitForRunningCaptureStreams(2, 10000));
        PulseClient computer;
        std::vector<float> clickTrain(static_cast<std::size_t>((kTakeSeconds + 15) * kRate) * 2,
                                      0.0f);
        for (std::size_t f = kRate / 4; f < clickTrain.size() / 2; f += kRate) {
            clickTrain[2 * f] = clickTrain[2 * f + 1] = 0.9f;
        }
        QVERIFY2(computer.startPlayback(clickTrain, 2, kRate), qPrintable(computer.errorString()));
        const CliRun result = finishTapedeck(run, (kTakeSeconds + 60) * 1000);
        QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
        QCOMPARE(reportedDropoutsAndXruns(result), 0);
        auto file = readSoundFile(take.toStdString());
        QVERIFY(file.ok());
        const auto left = SignalComparison::clicks(file->samples, file->channels, 0, kRate / 5);
        const auto right = SignalComparison::clicks(file->samples, file->channels, 1, kRate / 5);
        QVERIFY2(left.size() >= kTakeSeconds - 5, qPrintable(QString::number(left.size())));
        QCOMPARE(right.size(), left.size());
        double first = 0;
        double last = 0;
        constexpr std::size_t kEach = 10;
        for (std::size_t i = 0; i < left.size(); ++i) {
            const auto offset = right[i] - left[i];
            QVERIFY2(std::abs(offset) <= kRate / 100,
                     qPrintable(QStringLiteral("click %1: %2 frames apart").arg(i).arg(offset)));
            if (i < kEach) {
                first += static_cast<double>(offset) / kEach;
            }
            if (i >= left.size() - kEach) {
                last += static_cast<double>(offset) / kEach;
            }
        }
        qInfo("offset at the start %.2f ms, at the end %.2f ms", first * 1000 / kRate,
              last * 1000 / kRate);
        QVERIFY(std::fabs(last - first) <= kRate / 1000.0);
    }
};

QTEST_GUILESS_MAIN(CallDriftSoakTest)
#include "CallDriftSoakTest.moc"
