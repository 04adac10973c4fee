#include "FakeSleepServices.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tapedeck;

namespace {
constexpr int kTimeoutMs = 10000;
} // namespace

// A take paused within itself, on the private sound server with a fake desktop portal on its
// session bus: the recording screen says PAUSED and the computer may sleep; resuming shows
// REC and asks to stay awake again.
class TestPausedTakeSound : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;

private slots:
    void pausingReleasesTheInhibitorAndResumingHoldsItAgain() {
        QStandardPaths::setTestModeEnabled(true);
        QDBusConnection service =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake"));
        QVERIFY2(service.isConnected(), "no session bus: run inside with-sound-server.sh");
        FakePortal portal(service);
        QVERIFY(portal.registerOn());

        Settings settings(std::make_unique<QSettings>(temp_.filePath(QStringLiteral("t.ini")),
                                                      QSettings::IniFormat));
        settings.setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        Session session(settings);
        MainWindow window(session, settings);
        window.show();
        session.startAudio();
        QVERIFY(session.hasAudio());
        RecordingScreen* screen = window.recordingScreen();
        QAction* pause = window.transport()->action(TransportAction::Pause);

        window.transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session.state(), TransportState::Recording);
        QVERIFY(pause->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 1, kTimeoutMs);

        pause->trigger();
        QVERIFY(session.isTakePaused());
        QVERIFY(screen->isPaused());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Paused")));
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 0, kTimeoutMs);

        pause->trigger();
        QVERIFY(!session.isTakePaused());
        QVERIFY(!screen->isPaused());
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 1, kTimeoutMs);

        QSignalSpy saved(&session, &Session::takeSaved);
        window.transport()->action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(portal.openRequests(), 0, kTimeoutMs);
        service.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    }
};

QTEST_MAIN(TestPausedTakeSound)
#include "TestPausedTakeSound.moc"
