#include "DevicePicker.h"
#include "ErrorBanner.h"
#include "MainWindow.h"
#include "RecentFilesMenu.h"
#include "Session.h"
#include "Settings.h"
#include "StatusPanel.h"
#include "TransportActions.h"

#include <QAction>
#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tapedeck;

namespace {

DeviceInfo device(const char* host, const char* name, int inputs, int outputs) {
    DeviceInfo info;
    info.hostApi = host;
    info.name = name;
    info.maxInputChannels = inputs;
    info.maxOutputChannels = outputs;
    info.defaultSampleRate = 48000;
    return info;
}

std::vector<DeviceInfo> fakeDevices() {
    return {device("ALSA", "default", 32, 32), device("ALSA", "USB Mic", 2, 0),
            device("ALSA", "Headphones", 0, 2), device("JACK", "system", 8, 8)};
}

} // namespace

// The window is built without starting PortAudio: no sound card is needed.
class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;

    std::unique_ptr<Settings> freshSettings() {
        return std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
    }

    void startsIdleWithOnlySensibleActions() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        QCOMPARE(window.windowTitle(), QStringLiteral("Tapedeck"));
        QVERIFY(window.transport()->action(TransportAction::Record)->isEnabled());
        QVERIFY(!window.transport()->action(TransportAction::Play)->isEnabled());
        QVERIFY(!window.transport()->action(TransportAction::Stop)->isEnabled());
        QVERIFY(window.openAction()->isEnabled());
        QVERIFY(!window.errorBanner()->isVisibleTo(&window));
    }

    void recordingWithoutAnAudioSystemShowsABannerAndStaysIdle() {
        auto settings = freshSettings();
        settings->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        window.transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session.state(), TransportState::NoFile);
        QVERIFY(window.errorBanner()->isVisibleTo(&window));
        QVERIFY(!window.errorBanner()->message().isEmpty());
        QVERIFY(!window.errorBanner()->nextStep().isEmpty());
    }

    void settingsAreRestoredOnANewWindow() {
        const QString recent = temp_.filePath(QStringLiteral("song.wav"));
        const QString folder = temp_.filePath(QStringLiteral("elsewhere"));
        {
            auto settings = freshSettings();
            Session session(*settings);
            MainWindow window(session, *settings);
            window.showDevices(fakeDevices());
            DevicePicker* picker = window.devicePicker();
            picker->hostApiBox()->setCurrentIndex(picker->hostApiBox()->findText("ALSA"));
            picker->inputBox()->setCurrentIndex(picker->inputBox()->findData("USB Mic"));
            picker->outputBox()->setCurrentIndex(picker->outputBox()->findData("Headphones"));
            picker->channelsBox()->setCurrentIndex(picker->channelsBox()->findData(1));
            picker->bufferBox()->setCurrentIndex(picker->bufferBox()->findData(512));
            picker->formatBox()->setCurrentIndex(
                picker->formatBox()->findData(static_cast<int>(FileFormat::Flac)));
            picker->rateBox()->setCurrentIndex(picker->rateBox()->findData(44100));
            window.transport()->action(TransportAction::Loop)->setChecked(true);
            session.setRecordingFolder(folder);
            settings->addRecentFile(recent);
            window.close();
        }
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.showDevices(fakeDevices());
        const DeviceChoice restored = window.devicePicker()->choice();
        QCOMPARE(restored.hostApi, QStringLiteral("ALSA"));
        QCOMPARE(restored.inputDevice, QStringLiteral("USB Mic"));
        QCOMPARE(restored.outputDevice, QStringLiteral("Headphones"));
        QCOMPARE(restored.channels, 1);
        QCOMPARE(restored.sampleRate, 44100);
        QCOMPARE(restored.framesPerBuffer, 512);
        QCOMPARE(restored.format, FileFormat::Flac);
        QVERIFY(window.transport()->loopEnabled());
        QCOMPARE(session.recordingFolder(), folder);
        QCOMPARE(settings->recentFiles(), QStringList{recent});
        QVERIFY(window.recentFilesMenu()->isEnabled());
        QVERIFY(window.recentFilesMenu()->actions().first()->text().contains("song.wav"));
    }

    void aRescanWithoutTheSavedDeviceDoesNotLoseOtherChoices() {
        auto settings = freshSettings();
        DeviceChoice saved;
        saved.hostApi = "JACK";
        saved.inputDevice = "system";
        saved.channels = 2;
        saved.framesPerBuffer = 1024;
        settings->setDeviceChoice(saved);
        Session session(*settings);
        MainWindow window(session, *settings);
        window.showDevices(fakeDevices());
        QCOMPARE(window.devicePicker()->choice().hostApi, QStringLiteral("JACK"));
        QCOMPARE(window.devicePicker()->choice().framesPerBuffer, 1024);
    }

    void everyControlHasAnAccessibleName() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.showDevices(fakeDevices());
        window.show();
        const QList<QWidget*> widgets = window.findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            const bool isControl = qobject_cast<QComboBox*>(widget) != nullptr ||
                                   widget->inherits("QAbstractButton") ||
                                   widget->inherits("tapedeck::LevelMeter");
            if (!isControl || !widget->isVisibleTo(&window))
                continue;
            // Tool buttons take their name from their action's text.
            const bool named =
                !widget->accessibleName().isEmpty() ||
                (widget->inherits("QToolButton") && !widget->property("text").toString().isEmpty());
            QVERIFY2(named, qPrintable(widget->metaObject()->className() + QStringLiteral(" ") +
                                       widget->objectName()));
        }
    }

    void timesAreShownForPeople() {
        QCOMPARE(StatusPanel::formatTime(0), QStringLiteral("0:00.0"));
        QCOMPARE(StatusPanel::formatTime(62.34), QStringLiteral("1:02.3"));
        QCOMPARE(StatusPanel::formatTime(3723.5), QStringLiteral("1:02:03.5"));
        QCOMPARE(StatusPanel::formatDuration(30), QStringLiteral("under a minute"));
        QCOMPARE(StatusPanel::formatDuration(12 * 60 + 5), QStringLiteral("12 min"));
        QCOMPARE(StatusPanel::formatDuration(3 * 3600 + 20 * 60), QStringLiteral("3 h 20 min"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
