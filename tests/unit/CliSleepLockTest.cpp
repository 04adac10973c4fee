#include "../ui/FakeSleepServices.h"
#include "engine/CliProcess.h"

#include <QDBusConnection>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int kBusStartMs = 10000;
constexpr int kAnswerMs = 10000;
} // namespace

// `tapedeck --record --start-at` keeps the computer awake while it waits: it holds logind's
// sleep inhibitor, asked over the system bus. Here the "system bus" is a dbus-daemon this
// test starts (DBUS_SYSTEM_BUS_ADDRESS for the command line alone) with a fake logind on it;
// the wait is an hour long and ended by SIGTERM, so no sound server is needed.
class CliSleepLockTest : public QObject {
    Q_OBJECT

    QProcess bus_;
    QString address_;
    QTemporaryDir temp_;

    // Starts `tapedeck --record FILE --start-at <an hour from now>` on the private bus.
    void startWaiting(QProcess& cli, const QString& file) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), address_);
        cli.setProcessEnvironment(environment);
        const QDateTime start = QDateTime::currentDateTime().addSecs(3600);
        startTapedeck(cli, {QStringLiteral("--record"), file, QStringLiteral("--start-at"),
                            start.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))});
    }

    // What the command line has printed on stderr so far, waiting (with the event loop
    // running, so the fake logind answers) until it says that it waits.
    static QString waitForTheWait(QProcess& cli, QString& err) {
        QElapsedTimer timer;
        timer.start();
        while (!err.contains(QStringLiteral(" starts at ")) && timer.elapsed() < kAnswerMs &&
               cli.state() != QProcess::NotRunning) {
            QTest::qWait(20);
            err += QString::fromUtf8(cli.readAllStandardError());
        }
        return err;
    }

    static void stop(QProcess& cli, QString& err) {
        cli.terminate(); // SIGTERM: the wait ends, nothing is recorded
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, kAnswerMs);
        err += QString::fromUtf8(cli.readAllStandardError());
    }

private slots:
    void initTestCase() {
        bus_.setProgram(QStringLiteral("dbus-daemon"));
        bus_.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                           QStringLiteral("--print-address=1")});
        bus_.start();
        QVERIFY2(bus_.waitForStarted(kBusStartMs), "dbus-daemon (package dbus-daemon) is needed");
        while (!bus_.canReadLine() && bus_.waitForReadyRead(kBusStartMs)) {
        }
        address_ = QString::fromUtf8(bus_.readLine()).trimmed();
        QVERIFY2(!address_.isEmpty(), "dbus-daemon printed no address");
    }

    void cleanupTestCase() {
        bus_.terminate();
        bus_.waitForFinished(kBusStartMs);
    }

    // The inhibitor is asked for before the wait, held through it, and let go at its end.
    void theWaitHoldsLogindsSleepInhibitor() {
        QDBusConnection service =
            QDBusConnection::connectToBus(address_, QStringLiteral("fake-logind"));
        FakeLogind logind(service);
        QVERIFY(logind.registerOn());
        const QString file = temp_.filePath(QStringLiteral("held.wav"));
        QProcess cli;
        startWaiting(cli, file);
        QString err;
        waitForTheWait(cli, err);
        QVERIFY2(err.contains(QStringLiteral(" starts at ")), qPrintable(err));
        QCOMPARE(logind.calls, 1);
        QCOMPARE(logind.lastCall.value(0), QStringLiteral("sleep"));
        QCOMPARE(logind.lastCall.value(1), QStringLiteral("Tapedeck"));
        QVERIFY2(logind.lastCall.value(2).startsWith(QStringLiteral("Waiting to record a take at")),
                 qPrintable(logind.lastCall.value(2)));
        QCOMPARE(logind.lastCall.value(3), QStringLiteral("block"));
        QVERIFY(logind.held());
        QVERIFY2(!err.contains(QStringLiteral("warning")), qPrintable(err));

        stop(cli, err);
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(err.contains(QStringLiteral("nothing was recorded")), qPrintable(err));
        QVERIFY(!logind.held());
        QVERIFY(!QFile::exists(file));
        service.unregisterService(QStringLiteral("org.freedesktop.login1"));
    }

    // No logind on the bus: one plain warning, and the wait goes on.
    void withoutLogindTheWaitGoesOnAfterOneWarning() {
        const QString file = temp_.filePath(QStringLiteral("unheld.wav"));
        QProcess cli;
        startWaiting(cli, file);
        QString err;
        waitForTheWait(cli, err);
        QVERIFY2(err.contains(QStringLiteral(" starts at ")), qPrintable(err));
        QCOMPARE(err.count(QStringLiteral("warning: nothing keeps the computer awake")), 1);
        QCOMPARE(cli.state(), QProcess::Running);
        stop(cli, err);
        QCOMPARE(cli.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(CliSleepLockTest)
#include "CliSleepLockTest.moc"
