#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/instance/InstanceNames.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sndfile.h>

using namespace tapedeck::testing;
namespace instance = tapedeck::instance;

namespace {

constexpr int kRate = 48000;
constexpr int kBusStartMs = 10000;
// A launch, a hand-over or a window's start-up (device scan included) ends within this, even
// in a sanitizer build on a loaded machine; nothing here measures how fast.
constexpr int kProcessMs = 60000;
const QString kBusName = QStringLiteral("instance-test");

struct Run {
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

// One window, for real: a private dbus-daemon, the real tapedeck-window and tapedeck
// processes handing files and the record key over to it, and the window's own answers on
// the bus (io.github.tapedeck.Tapedeck.Window) to see what it has open. Settings come from a
// private XDG_CONFIG_HOME, so takes land in a folder of this test's.
class TestSingleWindow : public QObject {
    Q_OBJECT

    QProcess bus_;
    QString address_;
    QTemporaryDir dir_;
    QProcessEnvironment environment_;
    QString windowProgram_;
    QStringList files_;

    QDBusConnection bus() const { return QDBusConnection(kBusName); }

    QString takesFolder(const QString& name) const { return dir_.filePath("takes-" + name); }

    // The window's settings: its recordings go to `folder`.
    void useRecordingFolder(const QString& folder) const {
        QDir().mkpath(folder);
        const QString config = dir_.filePath(QStringLiteral("config/Tapedeck"));
        QDir().mkpath(config);
        QFile file(config + QStringLiteral("/Tapedeck.conf"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[recording]\nfolder=" + folder.toUtf8() + "\n");
    }

    Run run(const QString& program, const QStringList& arguments) const {
        QProcess process;
        process.setProcessEnvironment(environment_);
        process.start(program, arguments);
        Run result;
        result.finished = process.waitForFinished(kProcessMs);
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }
    Run tapedeck(const QStringList& arguments) const {
        return run(QStringLiteral(TAPEDECK_BINARY), arguments);
    }

    bool windowOwnsName() const {
        return bus().interface()->isServiceRegistered(QString::fromLatin1(instance::kServiceName));
    }

    QVariant windowProperty(const QString& name) const {
        QDBusMessage get = QDBusMessage::createMethodCall(
            QString::fromLatin1(instance::kServiceName), QString::fromLatin1(instance::kObjectPath),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get.setArguments({QString::fromLatin1(instance::kWindowInterface), name});
        const QDBusMessage reply = bus().call(get, QDBus::Block, kProcessMs);
        if (reply.type() != QDBusMessage::ReplyMessage)
            return {};
        return reply.arguments().first().value<QDBusVariant>().variant();
    }

    // Sound files (takes) in `folder`.
    static QStringList takesIn(const QString& folder) {
        return QDir(folder).entryList({QStringLiteral("*.wav")}, QDir::Files);
    }

    // Starts the window as this test's child and waits until it answers on the bus.
    void startWindow(QProcess& window) const {
        window.setProcessEnvironment(environment_);
        window.start(windowProgram_, {});
        QVERIFY(window.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(windowOwnsName(), kProcessMs);
    }

    static void closeWindow(QProcess& window) {
        window.terminate();
        QVERIFY(window.waitForFinished(kProcessMs));
    }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QVERIFY(dir_.isValid());
        bus_.setProgram(QStringLiteral("dbus-daemon"));
        bus_.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                           QStringLiteral("--print-address=1")});
        bus_.start();
        QVERIFY2(bus_.waitForStarted(kBusStartMs), "dbus-daemon (package dbus-daemon) is needed");
        while (!bus_.canReadLine() && bus_.waitForReadyRead(kBusStartMs)) {
        }
        address_ = QString::fromUtf8(bus_.readLine()).trimmed();
        QVERIFY2(!address_.isEmpty(), "dbus-daemon printed no address");
        QVERIFY(QDBusConnection::connectToBus(address_, kBusName).isConnected());

        environment_ = QProcessEnvironment::systemEnvironment();
        environment_.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address_);
        environment_.insert(QStringLiteral("XDG_CONFIG_HOME"), dir_.filePath("config"));
        environment_.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // The window lives beside tapedeck in the build tree.
        windowProgram_ =
            QFileInfo(QStringLiteral(TAPEDECK_BINARY)).dir().filePath("tapedeck-window");

        const auto tone = SignalGenerator::sine(440, 0.5, kRate / 2, 1, kRate);
        for (const char* name : {"a.wav", "b.wav", "c.wav"}) {
            files_.append(dir_.filePath(QString::fromLatin1(name)));
            QVERIFY(writeSoundFile(files_.last().toStdString(), tone, 1, kRate,
                                   SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                        .ok());
        }
    }

    void cleanupTestCase() {
        QDBusConnection::disconnectFromBus(kBusName);
        bus_.terminate();
        bus_.waitForFinished(kBusStartMs);
    }

    // With no window open, the record key opens one that records; the second press stops
    // it. Both commands end at once and say what they did; one take is saved.
    void theRecordKeyOpensAWindowAndTwoPressesMakeOneTake() {
        const QString folder = takesFolder("key");
        useRecordingFolder(folder);
        QVERIFY(!windowOwnsName());

        const Run start = tapedeck({QStringLiteral("--toggle-record")});
        QVERIFY2(start.finished && start.exitCode == 0, qPrintable(start.err));
        QVERIFY2(start.out.startsWith("Started recording in the open Tapedeck window, to " +
                                      folder + "/"),
                 qPrintable(start.out));
        // The window was started on its own (not this test's child): end it by its id, also
        // when a check below fails.
        const auto pid = bus().interface()->servicePid(QString::fromLatin1(instance::kServiceName));
        QVERIFY(pid.isValid() && pid.value() > 0);
        auto endWindow = qScopeGuard([pid] { ::kill(static_cast<pid_t>(pid.value()), SIGTERM); });
        QCOMPARE(windowProperty("Recording").toBool(), true);
        const QString take = windowProperty("CurrentFile").toString();
        QVERIFY(QFileInfo(take).absolutePath() == folder);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(take).size() > 4096, kProcessMs); // samples arrive

        const Run stop = tapedeck({QStringLiteral("--toggle-record")});
        QVERIFY2(stop.finished && stop.exitCode == 0, qPrintable(stop.err));
        QCOMPARE(stop.out, "Stopped recording; saved " + take + ".\n");
        QCOMPARE(windowProperty("Recording").toBool(), false);
        QCOMPARE(takesIn(folder), QStringList{QFileInfo(take).fileName()});

        endWindow.dismiss();
        ::kill(static_cast<pid_t>(pid.value()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(!windowOwnsName(), kProcessMs);
    }

    // Opening three files in a row, the way a file manager does, leaves one window with the
    // third file open and the others in Open Recent; each launch hands over and ends with 0.
    void threeFilesInARowLeaveOneWindowWithTheThirdOpen() {
        useRecordingFolder(takesFolder("files"));
        QProcess window;
        startWindow(window);
        QVERIFY(tapedeck({files_[0]}).exitCode == 0); // through tapedeck, which execs the window
        for (const QString& file : {files_[1], files_[2]}) {
            const Run handed = run(windowProgram_, {file});
            QVERIFY2(handed.finished && handed.exitCode == 0, qPrintable(handed.err));
        }
        QCOMPARE(window.state(), QProcess::Running);
        QCOMPARE(windowProperty("CurrentFile").toString(), files_[2]);
        const QStringList recent = windowProperty("RecentFiles").toStringList();
        QCOMPARE(recent.mid(0, 3), (QStringList{files_[2], files_[1], files_[0]}));
        // A launch with no file only raises the window.
        const Run plain = run(windowProgram_, {});
        QVERIFY2(plain.finished && plain.exitCode == 0, qPrintable(plain.err));
        QCOMPARE(windowProperty("CurrentFile").toString(), files_[2]);
        closeWindow(window);
    }

    // A file handed to a window that records waits in Open Recent; the take goes on, and the
    // record key then ends it.
    void aFileHandedToARecordingWindowWaitsInOpenRecent() {
        const QString folder = takesFolder("busy");
        useRecordingFolder(folder);
        QProcess window;
        startWindow(window);
        const Run start = tapedeck({QStringLiteral("--toggle-record")});
        QVERIFY2(start.finished && start.exitCode == 0, qPrintable(start.err));
        const QString take = windowProperty("CurrentFile").toString();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(take).size() > 4096, kProcessMs);

        const Run handed = run(windowProgram_, {files_[0]});
        QVERIFY2(handed.finished && handed.exitCode == 0, qPrintable(handed.err));
        QCOMPARE(windowProperty("Recording").toBool(), true);
        QCOMPARE(windowProperty("CurrentFile").toString(), take);
        QCOMPARE(windowProperty("RecentFiles").toStringList().value(0), files_[0]);
        // The take still grows after the hand-over.
        const qint64 size = QFileInfo(take).size();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(take).size() > size, kProcessMs);

        const Run stop = tapedeck({QStringLiteral("--toggle-record")});
        QVERIFY2(stop.finished && stop.exitCode == 0, qPrintable(stop.err));
        QCOMPARE(stop.out, "Stopped recording; saved " + take + ".\n");
        QCOMPARE(takesIn(folder), QStringList{QFileInfo(take).fileName()});
        closeWindow(window);
    }

    // Without a session bus the window works on its own, as it always has, and says so once.
    void withoutASessionBusTheWindowWorksOnItsOwn() {
        useRecordingFolder(takesFolder("nobus"));
        QProcessEnvironment environment = environment_;
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           "unix:path=" + dir_.filePath(QStringLiteral("no-bus-here")));
        QProcess window;
        window.setProcessEnvironment(environment);
        window.start(windowProgram_, {files_[0]});
        QVERIFY(window.waitForStarted());
        window.setReadChannel(QProcess::StandardError);
        QTRY_VERIFY_WITH_TIMEOUT(window.peek(65536).contains("no D-Bus session bus"), kProcessMs);
        QCOMPARE(window.state(), QProcess::Running);
        closeWindow(window);
        QCOMPARE(QString::fromUtf8(window.readAllStandardError()).count("no D-Bus session bus"), 1);
    }
};

QTEST_MAIN(TestSingleWindow)
#include "TestSingleWindow.moc"
