#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// Runs the real tapedeck executable, as a user would, and keeps what it printed.
struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

// Starts tapedeck with these arguments; the caller waits. Test main thread.
void startTapedeck(QProcess& process, const QStringList& arguments);
// Waits for a started process and collects its result.
CliRun finishTapedeck(QProcess& process, int timeoutMs);
// Both at once.
CliRun runTapedeck(const QStringList& arguments, int timeoutMs = 30000);
// "exit N, stderr: ...": what a failed check on a run prints.
QString describe(const CliRun& run);

// Tapedeck's own count of dropouts plus xruns, as the command line reports it on stderr
// ("Saved 3.00 s to take.wav (2 dropouts, 0 xruns)", "Played with 1 dropouts and 0 xruns.");
// it says nothing when both are 0. Loopback tests assert this apart from the signal check, so
// a glitch of Tapedeck's own is never mistaken for one of the helper client.
qint64 reportedDropoutsAndXruns(const CliRun& run);
