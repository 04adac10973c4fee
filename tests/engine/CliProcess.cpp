#include "CliProcess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

void startTapedeck(QProcess& process, const QStringList& arguments) {
    process.setProgram(QStringLiteral(TAPEDECK_BINARY));
    process.setArguments(arguments);
    process.start();
    process.waitForStarted();
}

CliRun finishTapedeck(QProcess& process, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.crashed = true;
    }
    run.elapsedMs = timer.elapsed();
    run.crashed = run.crashed || process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

CliRun runTapedeck(const QStringList& arguments, int timeoutMs) {
    QProcess process;
    startTapedeck(process, arguments);
    return finishTapedeck(process, timeoutMs);
}

QString describe(const CliRun& run) {
    return QStringLiteral("exit %1, stderr: %2").arg(run.exitCode).arg(run.err);
}

qint64 reportedDropoutsAndXruns(const CliRun& run) {
    static const QRegularExpression counts(
        QStringLiteral("(\\d+) dropouts(?:,| and) (\\d+) xruns"));
    const QRegularExpressionMatch match = counts.match(run.err);
    if (!match.hasMatch()) {
        return 0;
    }
    return match.captured(1).toLongLong() + match.captured(2).toLongLong();
}
