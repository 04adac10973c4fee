#include "support/NamedSource.h"
#include "ui/devices/DevicePicker.h"
#include "ui/meters/InputLevelSlider.h"
#include "ui/meters/LevelMeter.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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

QString defaultSource() {
    return pactl({QStringLiteral("get-default-source")}).trimmed();
}
} // namespace

// The Devices panel, the idle meter and the input level against the private sound server
// (tests/audio): what the window shows follows the device really in use.
class TestDevicesSound : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    NamedSource mic_{QStringLiteral("take_mic"), QStringLiteral("Take Mic"), 1};
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    DevicePicker* picker() const { return window_->devicePicker(); }

    // Plugs a second microphone and makes it the default, as a person plugging in a headset
    // would; waits until the session has heard of it.
    void changeTheServer(NamedSource& other) {
        QSignalSpy devices(session_.get(), &Session::devicesChanged);
        QVERIFY2(other.plug(), qPrintable(other.errorString()));
        pactl({QStringLiteral("set-default-source"), other.id()});
        const auto listedAsDefault = [&] {
            const std::vector<DeviceInfo> listed = session_->devices();
            return std::any_of(listed.begin(), listed.end(), [&](const DeviceInfo& d) {
                return d.serverId == other.id().toStdString() && d.isDefaultInput;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(listedAsDefault(), kServerTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(devices.count() > 0, kServerTimeoutMs);
    }

    void checkLockedOnTheMic() {
        for (QComboBox* box : {picker()->hostApiBox(), picker()->inputBox(), picker()->outputBox(),
                               picker()->channelsBox()})
            QVERIFY2(!box->isEnabled(), qPrintable(box->accessibleName()));
        QCOMPARE(picker()->inputBox()->currentData().toString(), mic_.id());
        QVERIFY(picker()->inputBox()->currentText().startsWith(mic_.description()));
        QCOMPARE(picker()->inputBox()->findData(QStringLiteral("other_mic")), -1);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        QVERIFY2(mic_.plug(), qPrintable(mic_.errorString()));
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        DeviceChoice choice;
        choice.hostApi = QString::fromLatin1(DeviceInfo::kSoundServer);
        choice.inputDevice = mic_.id();
        choice.channels = 1;
        settings_->setDeviceChoice(choice);
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        session_->startAudio();
        QVERIFY2(session_->hasAudio(), "PortAudio did not start");
        QCOMPARE(picker()->choice().inputDevice, mic_.id());
    }

    void theIdleMeterHasOneBarForAMonoMic() {
        QCOMPARE(session_->state(), TransportState::NoFile);
        QTRY_COMPARE(window_->levelMeter()->channelCount(), 1);
    }

    void theInputLevelSetsTheSourcesVolume() {
        InputLevelSlider* level = window_->inputLevel();
        QTRY_VERIFY(level->isVisible());
        level->slider()->setValue(40);
        QTRY_VERIFY_WITH_TIMEOUT(pactl({QStringLiteral("get-source-volume"), mic_.id()})
                                     .contains(QStringLiteral(" 40%")),
                                 kServerTimeoutMs);
    }

    void theInputLevelFollowsOtherPrograms() {
        pactl({QStringLiteral("set-source-volume"), mic_.id(), QStringLiteral("25%")});
        QTRY_COMPARE_WITH_TIMEOUT(window_->inputLevel()->slider()->value(), 25, kServerTimeoutMs);
        pactl({QStringLiteral("set-source-volume"), mic_.id(), QStringLiteral("100%")});
        QTRY_COMPARE_WITH_TIMEOUT(window_->inputLevel()->slider()->value(), 100, kServerTimeoutMs);
    }

    void thePickersStayOnTheTakesMicWhenTheServerChanges() {
        const QString before = defaultSource();
        window_->transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        NamedSource other(QStringLiteral("other_mic"), QStringLiteral("Other Mic"), 2);
        changeTheServer(other);
        checkLockedOnTheMic();
        QTest::qWait(Session::kHotplugSettleMs * 2); // nothing comes later to unlock them
        checkLockedOnTheMic();

        window_->transport()->action(TransportAction::Stop)->trigger();
        QVERIFY(session_->state() != TransportState::Recording);
        // The list the server reported meanwhile applies now.
        QVERIFY(picker()->inputBox()->isEnabled());
        QVERIFY(picker()->inputBox()->findData(QStringLiteral("other_mic")) >= 0);
        pactl({QStringLiteral("set-default-source"), before});
        QVERIFY(other.unplug());
        QTRY_COMPARE_WITH_TIMEOUT(picker()->inputBox()->findData(QStringLiteral("other_mic")), -1,
                                  kServerTimeoutMs);
    }

    void thePickersStayLockedWhileASoundActivatedTakeWaits() {
        TakeOptions options = session_->takeOptions();
        options.startOnSound = true;
        options.startAboveDbfs = -1; // the silent mic never gets there
        session_->setTakeOptions(options);
        const QString before = defaultSource();
        window_->transport()->action(TransportAction::Record)->trigger();
        QVERIFY(session_->isWaitingForSound());
        NamedSource other(QStringLiteral("other_mic"), QStringLiteral("Other Mic"), 2);
        changeTheServer(other);
        checkLockedOnTheMic();
        window_->transport()->action(TransportAction::Stop)->trigger();
        QVERIFY(picker()->inputBox()->isEnabled());
        pactl({QStringLiteral("set-default-source"), before});
        QVERIFY(other.unplug());
        options.startOnSound = false;
        session_->setTakeOptions(options);
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
    }
};

QTEST_MAIN(TestDevicesSound)
#include "TestDevicesSound.moc"
