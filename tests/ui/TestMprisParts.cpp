// The parts of MPRIS that need no bus and no sound: what a track shows, telling a seek from
// playback, the file types Tapedeck says it opens, and a window without a session bus.
#include "ui/mpris/MprisRootAdaptor.h"
#include "ui/mpris/MprisService.h"
#include "ui/mpris/MprisTrack.h"
#include "ui/mpris/PositionJumps.h"
#include "ui/session/Session.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QDBusObjectPath>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QWidget>

using namespace tapedeck;

namespace {
constexpr int kRate = 48000;
} // namespace

class TestMprisParts : public QObject {
    Q_OBJECT

private slots:
    void noTrackHasNoMetadata() {
        QVERIFY(MprisTrack{}.metadata().isEmpty());
        MprisTrack closed;
        closed.number = 4; // a number but no file: nothing open
        QVERIFY(closed.metadata().isEmpty());
    }

    void aFileShowsItsIdUrlTitleAndLength() {
        MprisTrack track;
        track.number = 3;
        track.path = QStringLiteral("/tmp/some where/Interview.flac");
        track.frames = 90 * kRate + kRate / 2;
        track.sampleRate = kRate;
        const QVariantMap meta = track.metadata();
        QCOMPARE(meta.value(QStringLiteral("mpris:trackid")).value<QDBusObjectPath>().path(),
                 QStringLiteral("/io/github/tapedeck/Tapedeck/track/3"));
        QCOMPARE(meta.value(QStringLiteral("xesam:url")).toString(),
                 QStringLiteral("file:///tmp/some%20where/Interview.flac"));
        QCOMPARE(meta.value(QStringLiteral("xesam:title")).toString(), QStringLiteral("Interview"));
        QCOMPARE(meta.value(QStringLiteral("mpris:length")).toLongLong(), qint64(90500000));
    }

    void aTakeSaysRecordingAndHasNoLengthYet() {
        MprisTrack take;
        take.number = 1;
        take.path = QStringLiteral("/rec/Take 2026-12-04 19.30.wav");
        take.recording = true;
        take.sampleRate = kRate;
        const QVariantMap meta = take.metadata();
        QCOMPARE(meta.value(QStringLiteral("xesam:title")).toString(),
                 QStringLiteral("Recording: Take 2026-12-04 19.30"));
        QVERIFY(!meta.contains(QStringLiteral("mpris:length")));
    }

    void microsecondsAndFramesRoundTrip() {
        QCOMPARE(MprisTrack::toMicroseconds(kRate, kRate), qint64(1000000));
        QCOMPARE(MprisTrack::toFrames(1500000, kRate), std::int64_t(72000));
        QCOMPARE(MprisTrack::toFrames(MprisTrack::toMicroseconds(12345, 44100), 44100),
                 std::int64_t(12345));
        QCOMPARE(MprisTrack::toMicroseconds(100, 0), qint64(0));
    }

    void steadyPlaybackIsNoJumpAndASeekIs() {
        PositionJumps jumps;
        QVERIFY(!jumps.isJump(0, kRate, true, 1.0, 0));            // the first report
        QVERIFY(!jumps.isJump(kRate / 10, kRate, true, 1.0, 100)); // 100 ms later, 0.1 s on
        QVERIFY(!jumps.isJump(kRate / 10 + kRate / 5, kRate, true, 2.0, 200)); // at 2×
        QVERIFY(jumps.isJump(2 * kRate, kRate, true, 1.0, 230));               // clicked ahead
        QVERIFY(jumps.isJump(kRate / 2, kRate, true, 1.0, 260));               // and back
    }

    void whileStoppedAnyMoveIsAJump() {
        PositionJumps jumps;
        QVERIFY(!jumps.isJump(1000, kRate, false, 1.0, 0));
        QVERIFY(!jumps.isJump(1000, kRate, false, 1.0, 5000));
        QVERIFY(jumps.isJump(1001, kRate, false, 1.0, 5001));
    }

    void playAfterAPauseIsNoJump() {
        PositionJumps jumps;
        QVERIFY(!jumps.isJump(kRate, kRate, false, 1.0, 0));
        jumps.restartClock(60000); // Play a minute later
        QVERIFY(!jumps.isJump(kRate + kRate / 20, kRate, true, 1.0, 60050));
        jumps.forget(); // another file
        QVERIFY(!jumps.isJump(0, kRate, true, 1.0, 60060));
    }

    // The types MPRIS announces are the ones the desktop file opens Tapedeck for.
    void mimeTypesMatchTheDesktopFile() {
        QFile desktop(QStringLiteral(TAPEDECK_SOURCE_DIR) +
                      QStringLiteral("/packaging/io.github.tapedeck.Tapedeck.desktop"));
        QVERIFY(desktop.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString text = QString::fromUtf8(desktop.readAll());
        const QRegularExpressionMatch line = QRegularExpression(QStringLiteral("^MimeType=(.*)$"),
                                                                QRegularExpression::MultilineOption)
                                                 .match(text);
        QVERIFY(line.hasMatch());
        const QStringList fromDesktop = line.captured(1).split(u';', Qt::SkipEmptyParts);

        QObject object;
        QWidget window;
        QAction quit;
        MprisRootAdaptor root(object, window, quit);
        QCOMPARE(root.supportedMimeTypes(), fromDesktop);
        QCOMPARE(root.desktopEntry() + QStringLiteral(".desktop"), QFileInfo(desktop).fileName());
    }

    // Quit goes through File › Quit after the reply (so a take's question never holds up
    // the caller).
    void quitTriggersFileQuitAfterTheReply() {
        QObject object;
        QWidget window;
        QAction quit;
        int quits = 0;
        connect(&quit, &QAction::triggered, this, [&quits] { ++quits; });
        MprisRootAdaptor root(object, window, quit);
        root.Quit();
        QCOMPARE(quits, 0);
        QTRY_COMPARE(quits, 1);
    }

    // With no session bus the window opens as before: no service, and not a word about it.
    void withoutASessionBusNothingHappens() {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tapedeck-test-bus");
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir temp;
        Settings settings(std::make_unique<QSettings>(temp.filePath(QStringLiteral("t.ini")),
                                                      QSettings::IniFormat));
        Session session(settings);
        MainWindow window(session, settings);
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        QCOMPARE(MprisService::publish(window, session), nullptr);
    }
};

QTEST_MAIN(TestMprisParts)
#include "TestMprisParts.moc"
