#include "CliProcess.h"

#include "core/devices/AudioSystem.h"
#include "support/NamedSource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tapedeck;
using tapedeck::testing::NamedSource;

namespace {

constexpr int kServerTimeoutMs = 10000;

QString pactl(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral("pactl"), arguments);
    process.waitForFinished();
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The names of the server's microphones, in the order the list gives them.
QStringList microphones(const AudioSystem& system) {
    QStringList names;
    for (const DeviceInfo& d : system.devices()) {
        if (!d.serverId.empty() && d.canRecord() && !d.isMonitor)
            names += QString::fromStdString(d.name);
    }
    return names;
}

// Where each name first appears in text: -1 when it does not.
QList<qsizetype> positionsIn(const QString& text, const QStringList& names) {
    QList<qsizetype> positions;
    for (const QString& name : names)
        positions += text.indexOf(name);
    return positions;
}

// An ALSA configuration as some distributions write it: the "pulse" PCM takes no DEVICE
// argument, so a stream cannot name the server's device it wants.
constexpr const char* kPulseWithoutDevice = R"(
pcm.!default { type pulse }
ctl.!default { type pulse }
pcm.pulse { type pulse }
ctl.pulse { type pulse }
)";

} // namespace

// How Tapedeck reaches the test sound server's devices: their order, their level, and a
// server ALSA cannot reach by name.
class ServerAccessTest : public QObject {
    Q_OBJECT

    // Plugged in this order: the server lists them so, unless they are sorted.
    NamedSource zulu_{QStringLiteral("zulu_mic"), QStringLiteral("Zulu Mic"), 1};
    NamedSource alpha_{QStringLiteral("alpha_mic"), QStringLiteral("Alpha Mic"), 2};
    QTemporaryDir temp_;

private slots:
    void initTestCase() {
        QVERIFY(temp_.isValid());
        QVERIFY2(zulu_.plug(), qPrintable(zulu_.errorString()));
        QVERIFY2(alpha_.plug(), qPrintable(alpha_.errorString()));
    }

    void microphonesAreListedDefaultFirstThenByName() {
        auto system = AudioSystem::start();
        QVERIFY(system.ok());
        AudioSystem& audio = **system;
        QCOMPARE(audio.serverAccess(), ServerAccess::ByName);
        QCOMPARE(microphones(audio), (QStringList{"Alpha Mic", "Zulu Mic"}));

        // Unplugged and plugged in again: the same place.
        QVERIFY(alpha_.unplug());
        QVERIFY(alpha_.plug());
        audio.refreshServerDevices();
        QCOMPARE(microphones(audio), (QStringList{"Alpha Mic", "Zulu Mic"}));

        // The default goes first.
        const QString before = pactl({QStringLiteral("get-default-source")}).trimmed();
        pactl({QStringLiteral("set-default-source"), zulu_.id()});
        audio.refreshServerDevices();
        QCOMPARE(microphones(audio), (QStringList{"Zulu Mic", "Alpha Mic"}));
        // The command line agrees.
        const CliRun run = runTapedeck({QStringLiteral("--list-devices")});
        QCOMPARE(run.exitCode, 0);
        const auto at = positionsIn(run.out, {"Zulu Mic", "Alpha Mic"});
        QVERIFY2(at[0] >= 0 && at[0] < at[1], qPrintable(run.out));
        pactl({QStringLiteral("set-default-source"), before});
    }

    void aSourcesLevelIsReadAndSet() {
        auto system = AudioSystem::start();
        QVERIFY(system.ok());
        AudioSystem& audio = **system;
        std::atomic<int> changes{0};
        audio.setDeviceChangeCallback([&changes] { ++changes; });
        pactl({QStringLiteral("set-source-volume"), zulu_.id(), QStringLiteral("30%")});
        QTRY_VERIFY_WITH_TIMEOUT(changes > 0, kServerTimeoutMs);
        audio.refreshServerDevices();
        const DeviceInfo* zulu = audio.findServerDevice(zulu_.id().toStdString());
        QVERIFY(zulu != nullptr);
        QVERIFY2(std::abs(zulu->serverVolume - 0.3) < 0.01,
                 qPrintable(QString::number(zulu->serverVolume)));

        QVERIFY(audio.setSourceVolume(zulu_.id().toStdString(), 0.6).ok());
        QTRY_VERIFY_WITH_TIMEOUT(pactl({QStringLiteral("get-source-volume"), zulu_.id()})
                                     .contains(QStringLiteral(" 60%")),
                                 kServerTimeoutMs);
        // A sink is not a source whose level can be set.
        QVERIFY(!audio.setSourceVolume("testsink", 0.5).ok());
    }

    // A distribution's ALSA configuration whose "pulse" PCM takes no DEVICE: the server did
    // answer, so the message says what really failed, and takes go to the default device.
    void aPulsePcmWithoutDeviceStillRecordsThroughTheDefault() {
        const QString config = temp_.filePath(QStringLiteral("alsa-no-device.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPulseWithoutDevice);
        file.close();
        const QByteArray harnessConfig = qgetenv("ALSA_CONFIG_PATH");
        qputenv("ALSA_CONFIG_PATH", config.toLocal8Bit());

        const CliRun list = runTapedeck({QStringLiteral("--list-devices")});
        const CliRun json =
            runTapedeck({QStringLiteral("--list-devices"), QStringLiteral("--json")});
        const QString take = temp_.filePath(QStringLiteral("default.wav"));
        const CliRun record = runTapedeck({QStringLiteral("--record"), take,
                                           QStringLiteral("--duration"), QStringLiteral("0.5")});
        qputenv("ALSA_CONFIG_PATH", harnessConfig);

        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QStringLiteral(
                     "The sound server is running, but ALSA's pulse plugin cannot open its "
                     "devices by name. Tapedeck records and plays through the default device.")),
                 qPrintable(list.out));
        QVERIFY2(!list.out.contains(QStringLiteral("No sound server")), qPrintable(list.out));
        QVERIFY2(json.out.contains(QStringLiteral("\"isDefaultInput\": true")) ||
                     json.out.contains(QStringLiteral("\"isDefaultInput\":true")),
                 qPrintable(json.out));
        QVERIFY2(record.exitCode == 0, qPrintable(record.err));
        QVERIFY(QFileInfo(take).size() > 44);
    }
};

QTEST_MAIN(ServerAccessTest)
#include "ServerAccessTest.moc"
