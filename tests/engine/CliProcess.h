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
