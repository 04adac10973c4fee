#include "ui/devices/AlsoRecordPicker.h"
#include "ui/devices/DevicePicker.h"
#include "ui/meters/InputMeters.h"
#include "ui/meters/LevelMeter.h"
#include "ui/window/Settings.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tapedeck;

namespace {

constexpr const char* kLaptopMic = "alsa_input.pci.analog-stereo";
constexpr const char* kHeadsetMic = "alsa_input.usb-headset.mono";
constexpr const char* kSpeakersMonitor = "alsa_output.pci.analog-stereo.monitor";
constexpr const char* kHeadsetMonitor = "alsa_output.usb-headset.stereo.monitor";

DeviceInfo serverDevice(const char* id, const char* name, int inputs, int outputs,
                        bool isDefault = false, bool isMonitor = false) {
    DeviceInfo info;
    info.hostApi = DeviceInfo::kSoundServer;
    info.name = name;
    info.serverId = id;
    info.maxInputChannels = inputs;
    info.maxOutputChannels = outputs;
    info.defaultSampleRate = 48000;
    info.isDefaultInput = isDefault && inputs > 0;
    info.isDefaultOutput = isDefault && outputs > 0;
    info.isMonitor = isMonitor;
    return info;
}

// A desktop with a laptop mic (the default), a USB headset, the monitors of both outputs, and
// a raw ALSA device under the advanced host API.
std::vector<DeviceInfo> desktop(bool withHeadset = true) {
    std::vector<DeviceInfo> devices{
        serverDevice(kLaptopMic, "Built-in Audio Analog Stereo", 2, 0, true),
        serverDevice("alsa_output.pci.analog-stereo", "Built-in Audio Analog Stereo", 0, 2, true),
        serverDevice(kSpeakersMonitor,
                     "Sound from Built-in Audio Analog Stereo (what the computer plays)", 2, 0,
                     false, true)};
    if (withHeadset) {
        devices.push_back(serverDevice(kHeadsetMic, "Headset Mic", 1, 0));
        devices.push_back(serverDevice("alsa_output.usb-headset.stereo", "Headset", 0, 2));
        devices.push_back(serverDevice(kHeadsetMonitor,
                                       "Sound from Headset (what the computer "
                                       "plays)",
                                       2, 0, false, true));
    }
    DeviceInfo raw;
    raw.hostApi = "ALSA";
    raw.name = "hw:0,0";
    raw.maxInputChannels = 2;
    raw.advanced = true;
    devices.push_back(raw);
    return devices;
}

// The box's items as a person sees them, separators as "—".
QStringList itemTexts(const QComboBox* box) {
    QStringList texts;
    for (int i = 0; i < box->count(); ++i) {
        const bool separator = box->itemData(i, Qt::AccessibleDescriptionRole).toString() ==
                               QLatin1String("separator");
        texts += separator ? QStringLiteral("—") : box->itemText(i);
    }
    return texts;
}

// Picks the item holding `data`, as a person would (the box reports it as activated).
bool pick(QComboBox* box, const QVariant& data) {
    const int index = box->findData(data);
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    emit box->activated(index);
    return true;
}

std::unique_ptr<Settings> settingsIn(const QTemporaryDir& dir) {
    return std::make_unique<Settings>(std::make_unique<QSettings>(
        dir.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
}

} // namespace

// The Devices panel's "Also record" picker (a second input for a call) and the meter panel's
// one meter per input.
class TestAlsoRecordPicker : public QObject {
    Q_OBJECT
private slots:
    // "Nothing" first (the default), then what the computer plays, then the other inputs,
    // by the names the main input box uses; never the main input itself.
    void nothingFirstThenMonitorsThenOtherInputs() {
        DevicePicker picker;
        picker.setDevices(desktop());
        QCOMPARE(picker.choice().inputDevice, QString::fromLatin1(kLaptopMic));
        AlsoRecordPicker* also = picker.alsoRecord();
        QCOMPARE(itemTexts(also->deviceBox()),
                 (QStringList{"Nothing", "—",
                              "Sound from Built-in Audio Analog Stereo (what the computer plays)",
                              "Sound from Headset (what the computer plays)", "—", "Headset Mic"}));
        QCOMPARE(also->deviceBox()->currentIndex(), 0);
        QVERIFY(!also->choice().isSet());
        QVERIFY(!also->secondDevice());
        // The layout means nothing without a second input.
        QVERIFY(!also->layoutBox()->isEnabled());
        QCOMPARE(itemTexts(also->layoutBox()), (QStringList{"Split: me left, them right", "Mix"}));

        // The headset as the main input: the laptop mic is offered instead, by the name the
        // main box gives it.
        picker.inputBox()->setCurrentIndex(picker.inputBox()->findData(kHeadsetMic));
        QCOMPARE(also->deviceBox()->findData(kHeadsetMic), -1);
        const int laptop = also->deviceBox()->findData(kLaptopMic);
        QVERIFY(laptop > also->deviceBox()->findData(kHeadsetMonitor));
        QCOMPARE(also->deviceBox()->itemText(laptop),
                 picker.inputBox()->itemText(picker.inputBox()->findData(kLaptopMic)));
    }

    void aPickedSecondInputIsWhatATakeRecords() {
        DevicePicker picker;
        picker.setDevices(desktop());
        AlsoRecordPicker* also = picker.alsoRecord();
        QSignalSpy changed(also, &AlsoRecordPicker::choiceChanged);
        QVERIFY(pick(also->deviceBox(), kSpeakersMonitor));
        QVERIFY(changed.count() > 0);
        QCOMPARE(also->choice().device, QString::fromLatin1(kSpeakersMonitor));
        QCOMPARE(also->choice().layout, InputLayout::Split);
        QVERIFY(also->secondDevice());
        QVERIFY(also->secondDevice()->isMonitor);
        QVERIFY(also->layoutBox()->isEnabled());
        QVERIFY(pick(also->layoutBox(), static_cast<int>(InputLayout::Mix)));
        QCOMPARE(also->choice().layout, InputLayout::Mix);
        QCOMPARE(also->wanted(), also->choice());
    }

    // The second input becoming the main one leaves the list (the take would record one
    // device twice); it returns when another main input is chosen.
    void theMainInputIsNeverTheSecond() {
        DevicePicker picker;
        picker.setDevices(desktop());
        AlsoRecordPicker* also = picker.alsoRecord();
        QVERIFY(pick(also->deviceBox(), kHeadsetMic));
        picker.inputBox()->setCurrentIndex(picker.inputBox()->findData(kHeadsetMic));
        QVERIFY(!also->choice().isSet());
        QCOMPARE(also->wanted().device, QString::fromLatin1(kHeadsetMic));
        picker.inputBox()->setCurrentIndex(picker.inputBox()->findData(kLaptopMic));
        QCOMPARE(also->choice().device, QString::fromLatin1(kHeadsetMic));
    }

    // Another audio system offers its own inputs; the sound server's come back with it.
    void theListFollowsTheAudioSystem() {
        DevicePicker picker;
        picker.setDevices(desktop());
        AlsoRecordPicker* also = picker.alsoRecord();
        QVERIFY(pick(also->deviceBox(), kSpeakersMonitor));
        picker.hostApiBox()->setCurrentIndex(picker.hostApiBox()->findData(QStringLiteral("ALSA")));
        // The only ALSA input is the main one: nothing else to offer.
        QCOMPARE(itemTexts(also->deviceBox()), QStringList{"Nothing"});
        QVERIFY(!also->choice().isSet());
        picker.hostApiBox()->setCurrentIndex(
            picker.hostApiBox()->findData(QString::fromLatin1(DeviceInfo::kSoundServer)));
        QCOMPARE(also->choice().device, QString::fromLatin1(kSpeakersMonitor));
    }

    // An unplugged second input falls back to Nothing and is selected again when it returns.
    void anUnpluggedSecondInputComesBack() {
        DevicePicker picker;
        picker.setDevices(desktop());
        AlsoRecordPicker* also = picker.alsoRecord();
        QVERIFY(pick(also->deviceBox(), kHeadsetMonitor));
        picker.setDevices(desktop(false));
        QVERIFY(!also->choice().isSet());
        picker.setDevices(desktop());
        QCOMPARE(also->choice().device, QString::fromLatin1(kHeadsetMonitor));
    }

    // Like the main input: during a take the boxes are locked on the input in use, whatever
    // the server reports meanwhile, and the new list applies when the take ends.
    void lockedDuringATakeOnTheInputInUse() {
        DevicePicker picker;
        picker.setDevices(desktop());
        AlsoRecordPicker* also = picker.alsoRecord();
        QVERIFY(pick(also->deviceBox(), kHeadsetMonitor));
        picker.setLocked(true);
        QVERIFY(!also->deviceBox()->isEnabled());
        QVERIFY(!also->layoutBox()->isEnabled());
        QSignalSpy changed(also, &AlsoRecordPicker::choiceChanged);
        std::vector<DeviceInfo> changedList = desktop(false); // the headset is pulled out
        changedList.push_back(serverDevice("alsa_input.usb-new", "New Mic", 2, 0));
        picker.setDevices(changedList);
        QCOMPARE(also->choice().device, QString::fromLatin1(kHeadsetMonitor));
        QVERIFY(also->deviceBox()->currentText().startsWith(QStringLiteral("Sound from Headset")));
        QCOMPARE(also->deviceBox()->findData(QStringLiteral("alsa_input.usb-new")), -1);
        QCOMPARE(changed.count(), 0);

        picker.setLocked(false);
        QVERIFY(also->deviceBox()->isEnabled());
        QVERIFY(also->deviceBox()->findData(QStringLiteral("alsa_input.usb-new")) >= 0);
        QVERIFY(!also->choice().isSet()); // the headset is gone now
    }

    // The choice and layout are remembered across restarts, even while the device is away.
    void theChoiceIsRemembered() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            auto settings = settingsIn(dir);
            QVERIFY(!settings->secondInput().isSet());
            QCOMPARE(settings->secondInput().layout, InputLayout::Split);
            settings->setSecondInput({QString::fromLatin1(kHeadsetMonitor), InputLayout::Mix});
        }
        auto settings = settingsIn(dir);
        QCOMPARE(settings->secondInput().device, QString::fromLatin1(kHeadsetMonitor));
        QCOMPARE(settings->secondInput().layout, InputLayout::Mix);

        DevicePicker picker;
        picker.alsoRecord()->select(settings->secondInput());
        picker.setDevices(desktop(false));
        QVERIFY(!picker.alsoRecord()->choice().isSet());
        QCOMPARE(picker.alsoRecord()->wanted(), settings->secondInput());
        picker.setDevices(desktop());
        QCOMPARE(picker.alsoRecord()->choice(), settings->secondInput());
        QCOMPARE(picker.alsoRecord()->layoutBox()->currentText(), QStringLiteral("Mix"));
    }

    // One meter per input, each labelled with its input's name; one input: one meter, no label.
    void oneLabelledMeterPerInput() {
        InputMeters meters;
        meters.resize(500, 120);
        meters.show();
        QVERIFY(QTest::qWaitForWindowExposed(&meters));
        QCOMPARE(meters.inputCount(), 1);
        QVERIFY(meters.meter(0)->isVisible());
        QVERIFY(!meters.meter(1)->isVisible());
        QCOMPARE(meters.findChildren<QLabel*>(Qt::FindDirectChildrenOnly).size(), 2);
        for (QLabel* label : meters.findChildren<QLabel*>())
            QVERIFY(!label->isVisible());

        meters.showInputs({QStringLiteral("Headset Mic"),
                           QStringLiteral("Sound from Speakers (what the computer plays)")},
                          {1, 2});
        QCOMPARE(meters.inputCount(), 2);
        QVERIFY(meters.meter(0)->isVisible());
        QVERIFY(meters.meter(1)->isVisible());
        QCOMPARE(meters.meter(0)->channelCount(), 1);
        QCOMPARE(meters.meter(1)->channelCount(), 2);
        QCOMPARE(meters.inputName(0), QStringLiteral("Headset Mic"));
        QStringList shown;
        for (QLabel* label : meters.findChildren<QLabel*>()) {
            if (label->isVisible())
                shown += label->toolTip();
        }
        QCOMPARE(shown,
                 (QStringList{"Headset Mic", "Sound from Speakers (what the computer plays)"}));
        QCOMPARE(meters.meter(1)->accessibleName(),
                 QStringLiteral("Level meter: Sound from Speakers (what the computer plays)"));

        // Each input's levels move its own meter only.
        MeterReading reading;
        reading.input = 1;
        reading.channels = 2;
        reading.peak = {0.5f, 0.5f};
        reading.rms = {0.25f, 0.25f};
        meters.addLevels(reading);
        QVERIFY(meters.meter(1)->ballistics().channel(0).peakDb > -10);
        QVERIFY(meters.meter(0)->ballistics().channel(0).peakDb < -50);

        meters.showOne(2);
        QCOMPARE(meters.inputCount(), 1);
        QVERIFY(!meters.meter(1)->isVisible());
        QCOMPARE(meters.meter(0)->accessibleName(), QStringLiteral("Level meter"));
    }
};

QTEST_MAIN(TestAlsoRecordPicker)
#include "TestAlsoRecordPicker.moc"
