#include "ui/devices/DevicePicker.h"
#include "ui/devices/InputRouting.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/session/Session.h"
#include "ui/transport/SpeedControl.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tapedeck;

namespace {
DeviceInfo inputDevice(const char* name, int inputs, const char* serverId = "") {
    DeviceInfo info;
    info.hostApi = "ALSA";
    info.name = name;
    info.serverId = serverId;
    info.maxInputChannels = inputs;
    info.maxOutputChannels = 2;
    info.defaultSampleRate = 48000;
    return info;
}

void selectChannels(DevicePicker& picker, int channels) {
    QComboBox* box = picker.channelsBox();
    box->setCurrentIndex(box->findData(channels));
}
} // namespace

// The recording screen, the wording of which inputs feed a take, and the speed control;
// offscreen, no sound device.
class TestRecordingScreen : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void inputsAreNamed_data() {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("firstInput");
        QTest::addColumn<int>("inputs");
        QTest::addColumn<bool>("serverMixes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mono of 4") << 1 << 0 << 4 << false << "Mono from input 1 of 4";
        QTest::newRow("stereo of 4") << 2 << 0 << 4 << false << "Stereo from inputs 1–2 of 4";
        QTest::newRow("all 4") << 4 << 0 << 4 << false << "4 channels from inputs 1–4 of 4";
        QTest::newRow("mono mic") << 1 << 0 << 1 << true << "Mono from input 1 of 1";
        QTest::newRow("server mixes") << 1 << 0 << 2 << true << "Mono, mixed from inputs 1–2 of 2";
        QTest::newRow("unknown device")
            << 2 << 0 << 0 << false << "Stereo from the device's first inputs";
        QTest::newRow("input 2 of 4") << 1 << 2 << 4 << false << "Mono from input 2 of 4";
        QTest::newRow("server input 3, not mixed")
            << 1 << 3 << 4 << true << "Mono from input 3 of 4";
        QTest::newRow("inputs 3-4 of 4") << 2 << 3 << 4 << false << "Stereo from inputs 3–4 of 4";
        QTest::newRow("beyond the device")
            << 1 << 3 << 2 << false << "Mono from input 3: the device has only 2 input(s)";
        QTest::newRow("chosen, unknown device") << 1 << 2 << 0 << false << "Mono from input 2";
    }
    void inputsAreNamed() {
        QFETCH(int, channels);
        QFETCH(int, firstInput);
        QFETCH(int, inputs);
        QFETCH(bool, serverMixes);
        QFETCH(QString, expected);
        QCOMPARE(InputRouting::describe(channels, firstInput, inputs, serverMixes), expected);
        if (firstInput == 0)
            QCOMPARE(InputRouting::describe(channels, inputs, serverMixes), expected);
    }

    void thePickerSaysWhichInputsFeedTheTake() {
        DevicePicker picker;
        picker.setDevices({inputDevice("Interface", 4)},
                          DeviceChoice{QStringLiteral("ALSA"), QStringLiteral("Interface"), {}});
        selectChannels(picker, 1);
        QCOMPARE(picker.routingText(), QStringLiteral("Mono from input 1 of 4"));
        selectChannels(picker, 2);
        QCOMPARE(picker.routingText(), QStringLiteral("Stereo from inputs 1–2 of 4"));
    }

    void theScreenShowsTimeSizeAndDiskLeft() {
        RecordingScreen screen;
        screen.start(QStringLiteral("Stereo from inputs 1–2 of 4 · Interface"), FileFormat::Wav24,
                     48000, 2);
        QCOMPARE(screen.elapsedText(), QStringLiteral("0:00.0"));
        QCOMPARE(screen.sizeText(), QStringLiteral("0.0 MB"));
        screen.setElapsed(48000 * 75 + 24000, 48000);
        QCOMPARE(screen.elapsedText(), QStringLiteral("1:15.5"));
        // 75.5 s × 48000 × 2 channels × 3 bytes.
        QCOMPARE(screen.sizeText(), QStringLiteral("21.7 MB"));
        screen.setElapsed(48000LL * 3 * 3600, 48000); // three hours: gigabytes
        QCOMPARE(screen.sizeText(), QStringLiteral("3.11 GB"));
        screen.setDiskTimeLeft(3 * 3600 + 20 * 60);
        QCOMPARE(screen.diskText(), QStringLiteral("3 h 20 min left on disk"));
        screen.setDiskTimeLeft(-1);
        QVERIFY(screen.diskText().isEmpty());
        QVERIFY(screen.recText().contains(QStringLiteral("REC")));
        QCOMPARE(screen.inputText(), QStringLiteral("Stereo from inputs 1–2 of 4 · Interface"));
        // Compressed formats grow by the sound: an estimate, said so.
        screen.start({}, FileFormat::Flac, 48000, 2);
        screen.setElapsed(48000 * 60, 48000);
        QVERIFY(screen.sizeText().startsWith(QStringLiteral("about ")));
    }

    void aPauseWithinTheTakeSaysPaused() {
        RecordingScreen screen;
        screen.start({}, FileFormat::Wav24, 48000, 2);
        QVERIFY(screen.recText().contains(QStringLiteral("REC")));
        screen.setPaused(true);
        QVERIFY(screen.isPaused());
        QVERIFY(screen.recText().contains(QStringLiteral("PAUSED")));
        QVERIFY(!screen.recText().contains(QStringLiteral("REC")));
        screen.setPaused(false);
        QVERIFY(screen.recText().contains(QStringLiteral("REC")));
        screen.setPaused(true);
        screen.start({}, FileFormat::Wav24, 48000, 2); // a new take records
        QVERIFY(!screen.isPaused());
    }

    // Waiting for sound is not recording: the real threshold, no REC, no time; the sound
    // comes: REC and the time; a take after a wait starts with REC.
    void waitingForSoundSaysSoWithTheThreshold() {
        RecordingScreen screen;
        screen.start({}, FileFormat::Wav24, 48000, 2);
        screen.setWaiting(true, -24.5);
        QVERIFY(screen.isWaiting());
        QVERIFY2(screen.recText().contains(QStringLiteral("Waiting for sound above −24.5 dBFS")),
                 qPrintable(screen.recText()));
        QVERIFY(!screen.recText().contains(QStringLiteral("REC")));
        QCOMPARE(RecordingScreen::formatDbfs(-30), QStringLiteral("−30"));
        screen.setWaiting(false);
        QVERIFY(screen.recText().contains(QStringLiteral("REC")));
        screen.setWaiting(true, -30);
        screen.start({}, FileFormat::Wav24, 48000, 2);
        QVERIFY(!screen.isWaiting());
        QVERIFY(screen.recText().contains(QStringLiteral("REC")));
    }

    void theNumbersAreLarge() {
        RecordingScreen screen;
        screen.start({}, FileFormat::Wav24, 48000, 2);
        screen.setElapsed(48000 * 5, 48000);
        const auto* elapsed = screen.findChild<QLabel*>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(elapsed != nullptr);
        // Readable from across a room: the time is several times the body text.
        int largest = 0;
        for (const QLabel* label : screen.findChildren<QLabel*>()) {
            if (label->text() == screen.elapsedText())
                largest = QFontInfo(label->font()).pixelSize();
        }
        const int body = QFontInfo(QApplication::font()).pixelSize();
        QVERIFY2(largest >= 3 * body, qPrintable(QString("%1 px vs %2 px").arg(largest).arg(body)));
    }

    void speedStepsByATenthAndLandsOnOneExactly() {
        SpeedControl control;
        QSignalSpy changed(&control, &SpeedControl::speedChanged);
        QCOMPARE(control.speed(), 1.0);
        control.slower();
        QCOMPARE(control.speed(), 0.9);
        control.faster();
        QCOMPARE(control.speed(), 1.0); // exactly: the untouched path
        QCOMPARE(changed.last().first().toDouble(), 1.0);
        for (int i = 0; i < 20; ++i)
            control.faster();
        QCOMPARE(control.speed(), 2.0);
        QVERIFY(!control.fasterAction()->isEnabled());
        for (int i = 0; i < 20; ++i)
            control.slower();
        QCOMPARE(control.speed(), 0.5);
        QVERIFY(!control.slowerAction()->isEnabled());
        QVERIFY(control.fasterAction()->isEnabled());
    }

    // In the window: Ctrl+Up and Ctrl+Down change the session's speed, which stays for the
    // next file; the recording screen is hidden while idle.
    void theWindowKeysSetTheSessionSpeed() {
        Settings settings(std::make_unique<QSettings>(temp_.filePath(QStringLiteral("t.ini")),
                                                      QSettings::IniFormat));
        Session session(settings);
        MainWindow window(session, settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(!window.recordingScreen()->isVisible());
        QCOMPARE(session.playbackSpeed(), 1.0);
        QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(session.playbackSpeed(), 1.2);
        QCOMPARE(window.speedControl()->spinBox()->value(), 1.2);
        QTest::keyClick(&window, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(session.playbackSpeed(), 1.1);
        // The same with the speed box focused: one tenth, not the box's own larger step.
        QDoubleSpinBox* box = window.speedControl()->spinBox();
        box->setFocus();
        QTRY_VERIFY(box->hasFocus());
        QTest::keyClick(box, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(session.playbackSpeed(), 1.2);
        QTest::keyClick(box, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(session.playbackSpeed(), 1.1);
        // A typed value takes effect on Enter, and the box lets go of the keys.
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("0.75"));
        QCOMPARE(session.playbackSpeed(), 1.1); // not while typing
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(session.playbackSpeed(), 0.75);
        QVERIFY(!box->hasFocus());
    }
};

QTEST_MAIN(TestRecordingScreen)
#include "TestRecordingScreen.moc"
