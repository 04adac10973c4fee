#include "FakeSleepServices.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/recording/SleepInhibitor.h"
#include "ui/session/Session.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace tapedeck;

namespace {
constexpr int kBusStartMs = 10000;
constexpr int kAnswerMs = 5000;
} // namespace

// The sleep inhibitor against fake desktop services on a private D-Bus session bus (a
// dbus-daemon this test starts and stops): the portal is asked while a take runs and its
// request closed after; logind is the fallback; with neither, the window says so once.
class TestSleepInhibitor : public QObject {
    Q_OBJECT

    QProcess bus_;
    QString address_;
    int connections_ = 0;

    // A new connection to the private bus (a service and a client need two).
    QDBusConnection connect() {
        return QDBusConnection::connectToBus(address_,
                                             QStringLiteral("test-%1").arg(++connections_));
    }

    // Every answer already sent to `client` has been handled: a blocking round trip on the
    // same connection comes back after them, and the event loop then delivers them.
    static void settle(QDBusConnection& client) {
        client.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.DBus"));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
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
        // The window's own inhibitor uses "the session bus": this one.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address_.toUtf8());
    }

    void cleanupTestCase() {
        bus_.terminate();
        bus_.waitForFinished(kBusStartMs);
    }

    void thePortalIsAskedAndItsRequestClosedOnRelease() {
        QDBusConnection service = connect();
        FakePortal portal(service);
        QVERIFY(portal.registerOn());
        QDBusConnection client = connect();
        SleepInhibitor inhibitor(client, client);
        QSignalSpy holders(&inhibitor, &SleepInhibitor::holderChanged);

        inhibitor.hold(QStringLiteral("Recording a take"));
        QVERIFY(inhibitor.isHeld());
        QTRY_COMPARE_WITH_TIMEOUT(inhibitor.holder(), SleepInhibitor::Holder::Portal, kAnswerMs);
        QCOMPARE(portal.calls.size(), std::size_t(1));
        QCOMPARE(portal.calls[0].flags, uint(4)); // suspend only: the screen may still lock
        QCOMPARE(portal.calls[0].reason, QStringLiteral("Recording a take"));
        QCOMPARE(portal.openRequests(), 1);

        inhibitor.hold(QStringLiteral("again")); // already held: nothing new is asked
        inhibitor.release();
        QCOMPARE(inhibitor.holder(), SleepInhibitor::Holder::None);
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 0, kAnswerMs);
        settle(client);
        QCOMPARE(portal.calls.size(), std::size_t(1));
        QCOMPARE(holders.count(), 2); // Portal, then None
        service.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    }

    void aReleaseBeforeTheAnswerStillClosesTheRequest() {
        QDBusConnection service = connect();
        FakePortal portal(service);
        QVERIFY(portal.registerOn());
        QDBusConnection client = connect();
        SleepInhibitor inhibitor(client, client);
        inhibitor.hold(QStringLiteral("Recording a take"));
        inhibitor.release(); // the take failed at once
        QTRY_COMPARE_WITH_TIMEOUT(portal.calls.size(), std::size_t(1), kAnswerMs);
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 0, kAnswerMs);
        QCOMPARE(inhibitor.holder(), SleepInhibitor::Holder::None);
        service.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    }

    void logindIsTheFallbackAndItsDescriptorIsClosedOnRelease() {
        QDBusConnection service = connect();
        FakeLogind logind(service);
        QVERIFY(logind.registerOn());
        QDBusConnection client = connect();
        SleepInhibitor inhibitor(client, client); // no portal on this bus
        QSignalSpy unavailable(&inhibitor, &SleepInhibitor::unavailable);

        inhibitor.hold(QStringLiteral("Recording a take"));
        QTRY_COMPARE_WITH_TIMEOUT(inhibitor.holder(), SleepInhibitor::Holder::Logind, kAnswerMs);
        QCOMPARE(logind.lastCall,
                 QStringList({QStringLiteral("sleep"), QStringLiteral("Tapedeck"),
                              QStringLiteral("Recording a take"), QStringLiteral("block")}));
        QVERIFY(logind.held());
        inhibitor.release();
        QVERIFY(!logind.held());
        QCOMPARE(unavailable.count(), 0);
        service.unregisterService(QStringLiteral("org.freedesktop.login1"));
    }

    void withNeitherItSaysSoOnce() {
        QDBusConnection client = connect();
        SleepInhibitor inhibitor(client, QDBusConnection(QStringLiteral("no such bus")));
        QSignalSpy unavailable(&inhibitor, &SleepInhibitor::unavailable);
        inhibitor.hold(QStringLiteral("Recording a take"));
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 1, kAnswerMs);
        QVERIFY(unavailable.first().first().toString().contains(QStringLiteral("sleep")));
        QCOMPARE(inhibitor.holder(), SleepInhibitor::Holder::None);
        inhibitor.release();
        inhibitor.hold(QStringLiteral("Recording a take")); // the next take
        settle(client);
        QCOMPARE(unavailable.count(), 1);
        inhibitor.release();
    }

    // The window holds the inhibitor while its session records, and lets go when the take
    // stops; the recording screen shows and hides with it.
    void theWindowHoldsItWhileATakeRuns() {
        QDBusConnection service = connect();
        FakePortal portal(service);
        QVERIFY(portal.registerOn());
        QTemporaryDir temp;
        QStandardPaths::setTestModeEnabled(true);
        Settings settings(std::make_unique<QSettings>(temp.filePath(QStringLiteral("t.ini")),
                                                      QSettings::IniFormat));
        Session session(settings);
        MainWindow window(session, settings);
        window.show();
        emit session.stateChanged(TransportState::Recording);
        QVERIFY(window.recordingScreen()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 1, kAnswerMs);
        QCOMPARE(portal.calls[0].flags, uint(4));
        QVERIFY(!portal.calls[0].reason.isEmpty());
        emit session.stateChanged(TransportState::Stopped);
        QVERIFY(!window.recordingScreen()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 0, kAnswerMs);
        service.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    }
};

QTEST_MAIN(TestSleepInhibitor)
#include "TestSleepInhibitor.moc"
