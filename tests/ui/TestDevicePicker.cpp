#include "ui/devices/DevicePicker.h"
#include "ui/window/Settings.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using tapedeck::DeviceChoice;
using tapedeck::DeviceInfo;
using tapedeck::DevicePicker;
using tapedeck::Direction;
using tapedeck::InputSpan;
using tapedeck::RememberedInputs;
using tapedeck::Settings;

namespace {

constexpr int kOnlyRate = 48000; // the fake microphone runs at this rate only

DeviceInfo device(const char* host, const char* name, int inputs, int outputs,
                  bool isDefault = false) {
    DeviceInfo info;
    info.hostApi = host;
    info.name = name;
    info.maxInputChannels = inputs;
    info.maxOutputChannels = outputs;
    info.defaultSampleRate = kOnlyRate;
    info.isDefaultInput = isDefault && inputs > 0;
    info.isDefaultOutput = isDefault && outputs > 0;
    return info;
}

DeviceInfo serverDevice(const char* id, const char* name, int inputs, int outputs,
                        bool isDefault = false, bool isMonitor = false) {
    DeviceInfo info = device(DeviceInfo::kSoundServer, name, inputs, outputs, isDefault);
    info.serverId = id;
    info.isMonitor = isMonitor;
    return info;
}

// A desktop: a sound server with a laptop mic, a USB headset (mono mic, stereo speakers), the
// speakers' monitor; and a raw ALSA device under the advanced host API.
std::vector<DeviceInfo> desktop(bool withHeadset = true) {
    std::vector<DeviceInfo> devices{
        serverDevice("alsa_input.pci.analog-stereo", "Built-in Audio Analog Stereo", 2, 0, true),
        serverDevice("alsa_output.pci.analog-stereo", "Built-in Audio Analog Stereo", 0, 2, true),
        serverDevice("alsa_output.pci.analog-stereo.monitor",
                     "Sound from Built-in Audio Analog Stereo (what the computer plays)", 2, 0,
                     false, true)};
    if (withHeadset) {
        devices.push_back(serverDevice("alsa_input.usb-headset.mono", "Headset Mic", 1, 0));
        devices.push_back(serverDevice("alsa_output.usb-headset.stereo", "Headset", 0, 2));
    }
    DeviceInfo raw = device("ALSA", "hw:0,0", 2, 2);
    raw.advanced = true;
    devices.push_back(raw);
    return devices;
}

std::vector<DeviceInfo> twoHosts() {
    return {device("ALSA", "USB Mic", 2, 0), device("ALSA", "Speakers", 0, 2, true),
            device("ALSA", "default", 32, 32, true), device("JACK", "system", 8, 8)};
}

// USB Mic: 48 kHz only. Others: anything.
std::optional<QString> fakeCheck(const DeviceInfo& info, Direction, int, int rate) {
    if (info.name == "USB Mic" && rate != kOnlyRate)
        return QStringLiteral("USB Mic supports only 48000 Hz.");
    return std::nullopt;
}

// A 4-input interface reached directly, and a 4-channel sound-server source.
std::vector<DeviceInfo> fourInputs() {
    DeviceInfo direct = device("ALSA", "Four-in", 4, 0, true);
    DeviceInfo stereo = device("ALSA", "USB Mic", 2, 0);
    DeviceInfo speakers = device("ALSA", "Speakers", 0, 2, true);
    return {direct, stereo, speakers};
}

QStringList itemTexts(QComboBox* box) {
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts += box->itemText(i);
    return texts;
}

// Selects the channel box's item with this text, as a person would.
bool pickChannels(DevicePicker& picker, const QString& text) {
    const int index = picker.channelsBox()->findText(text);
    if (index < 0)
        return false;
    picker.channelsBox()->setCurrentIndex(index);
    return true;
}

bool itemEnabled(QComboBox* box, const QVariant& data) {
    auto* model = qobject_cast<QStandardItemModel*>(box->model());
    const int index = box->findData(data);
    return index >= 0 && model->item(index)->isEnabled();
}

} // namespace

class TestDevicePicker : public QObject {
    Q_OBJECT
private slots:
    void unsupportedRatesAreDisabledWithAReason() {
        DevicePicker picker;
        picker.setFormatCheck(fakeCheck);
        picker.setDevices(twoHosts());
        DeviceChoice wanted;
        wanted.hostApi = "ALSA";
        wanted.inputDevice = "USB Mic";
        wanted.sampleRate = kOnlyRate;
        picker.select(wanted);

        QCOMPARE(picker.choice().inputDevice, QStringLiteral("USB Mic"));
        QVERIFY(itemEnabled(picker.rateBox(), kOnlyRate));
        QVERIFY(!itemEnabled(picker.rateBox(), 44100));
        QVERIFY(!itemEnabled(picker.rateBox(), 96000));
        const int index = picker.rateBox()->findData(44100);
        QCOMPARE(picker.rateBox()->itemData(index, Qt::ToolTipRole).toString(),
                 QStringLiteral("USB Mic supports only 48000 Hz."));
        QVERIFY(picker.rateBox()->itemText(index).contains(QStringLiteral("44100")));

        // Only two input channels: 3 … 8 are not offered.
        QVERIFY(itemEnabled(picker.channelsBox(), 2));
        QCOMPARE(picker.channelsBox()->findData(3), -1);
    }

    void theChannelListHoldsOnlyTheDevicesChannels() {
        DevicePicker picker;
        picker.setDevices(desktop());
        picker.inputBox()->setCurrentIndex(
            picker.inputBox()->findData(QStringLiteral("alsa_input.usb-headset.mono")));
        QCOMPARE(itemTexts(picker.channelsBox()), QStringList{QStringLiteral("1 (mono)")});
        picker.inputBox()->setCurrentIndex(
            picker.inputBox()->findData(QStringLiteral("alsa_input.pci.analog-stereo")));
        const QStringList stereo = itemTexts(picker.channelsBox());
        QCOMPARE(stereo.mid(0, 2), (QStringList{"1 (mono)", "2 (stereo)"}));
        for (const QString& text : stereo)
            QVERIFY2(!text.contains(QStringLiteral("not supported")), qPrintable(text));
        QCOMPARE(picker.channelsBox()->findData(3), -1);
    }

    // The saved choice comes back at the next launch before the devices are scanned: once
    // they are, the hint says the same as it did when the choice was made.
    void theHintIsTheSameAtEveryLaunch() {
        DevicePicker first;
        first.setDevices({});
        first.setDevices(desktop());
        const QString hint = first.routingText();
        QCOMPARE(hint, QStringLiteral("Stereo from inputs 1–2 of 2"));

        DevicePicker next;
        next.setDevices({}, first.choice());
        next.setDevices(desktop());
        QCOMPARE(next.choice(), first.choice());
        QCOMPARE(next.routingText(), hint);
    }

    // During a take the server may report a new device or a new default: the pickers stay
    // locked on the devices in use, and the new list applies when the take ends.
    void aLockedPickerKeepsTheDevicesInUse() {
        DevicePicker picker;
        picker.setDevices(desktop());
        const int headset =
            picker.inputBox()->findData(QStringLiteral("alsa_input.usb-headset.mono"));
        picker.inputBox()->setCurrentIndex(headset);
        picker.setLocked(true);
        std::vector<DeviceInfo> changed = desktop();
        for (DeviceInfo& d : changed)
            d.isDefaultInput = d.serverId == "alsa_input.usb-headset.mono";
        changed.push_back(serverDevice("alsa_input.usb-new", "New Mic", 2, 0));
        QSignalSpy choices(&picker, &DevicePicker::choiceChanged);
        picker.setDevices(changed);
        for (QComboBox* box : {picker.hostApiBox(), picker.inputBox(), picker.outputBox(),
                               picker.channelsBox(), picker.rateBox()})
            QVERIFY(!box->isEnabled());
        QCOMPARE(picker.inputBox()->currentData().toString(),
                 QStringLiteral("alsa_input.usb-headset.mono"));
        QCOMPARE(picker.inputBox()->findData(QStringLiteral("alsa_input.usb-new")), -1);
        QCOMPARE(choices.count(), 0);

        picker.setLocked(false);
        QVERIFY(picker.inputBox()->isEnabled());
        QVERIFY(picker.inputBox()->findData(QStringLiteral("alsa_input.usb-new")) >= 0);
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("alsa_input.usb-headset.mono"));
    }

    void aServerReachedOnlyThroughItsDefaultSaysSo() {
        DevicePicker picker;
        picker.setDevices(twoHosts());
        picker.setSoundServer(QStringLiteral("PulseAudio (on PipeWire 0.3.65)"),
                              tapedeck::ServerAccess::DefaultDeviceOnly);
        QVERIFY2(picker.serverNoteText().contains(
                     QStringLiteral("The sound server is running, but ALSA's pulse plugin "
                                    "cannot open its devices by name")),
                 qPrintable(picker.serverNoteText()));
        QVERIFY(!picker.serverNoteText().contains(QStringLiteral("No sound server")));
    }

    void anUnsupportedWantedRateFallsBackToAUsableOne() {
        DevicePicker picker;
        picker.setFormatCheck(fakeCheck);
        picker.setDevices(twoHosts());
        DeviceChoice wanted;
        wanted.hostApi = "ALSA";
        wanted.inputDevice = "USB Mic";
        wanted.sampleRate = 96000;
        picker.select(wanted);
        QVERIFY(picker.choice().sampleRate != 96000);
        QVERIFY(itemEnabled(picker.rateBox(), picker.choice().sampleRate));
    }

    void anotherDeviceEnablesEveryRate() {
        DevicePicker picker;
        picker.setFormatCheck(fakeCheck);
        picker.setDevices(twoHosts());
        DeviceChoice wanted;
        wanted.hostApi = "ALSA";
        wanted.inputDevice = "default";
        picker.select(wanted);
        for (int rate : DevicePicker::sampleRates())
            QVERIFY(itemEnabled(picker.rateBox(), rate));
    }

    void devicesAreListedPerHostApi() {
        DevicePicker picker;
        picker.setDevices(twoHosts());
        QCOMPARE(picker.hostApiBox()->count(), 2);
        QCOMPARE(picker.choice().hostApi, QStringLiteral("ALSA"));
        QCOMPARE(picker.inputBox()->count(), 2);  // USB Mic, default
        QCOMPARE(picker.outputBox()->count(), 2); // Speakers, default
        QSignalSpy changed(&picker, &DevicePicker::choiceChanged);
        QCOMPARE(picker.hostApiBox()->itemText(picker.hostApiBox()->findData("JACK")),
                 QStringLiteral("JACK (advanced)"));
        picker.hostApiBox()->setCurrentIndex(picker.hostApiBox()->findData("JACK"));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("system"));
        QCOMPARE(picker.inputBox()->count(), 1);
    }

    void theDesktopsDevicesAreListedByNameWithMonitorsApart() {
        DevicePicker picker;
        picker.setDevices(desktop());
        QCOMPARE(picker.choice().hostApi, QString(DeviceInfo::kSoundServer));
        QCOMPARE(picker.hostApiBox()->currentText(), QStringLiteral("Desktop sound devices"));
        // The default is chosen when nothing was, and remembered by the server's id.
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("alsa_input.pci.analog-stereo"));
        QCOMPARE(picker.inputBox()->currentText(),
                 QStringLiteral("Built-in Audio Analog Stereo (default)"));
        // Microphones, a separator, then what the computer plays.
        QComboBox* input = picker.inputBox();
        QCOMPARE(input->count(), 4);
        QCOMPARE(input->itemText(1), QStringLiteral("Headset Mic"));
        QVERIFY(input->itemText(2).isEmpty()); // the separator
        QVERIFY(input->itemText(3).contains(QStringLiteral("what the computer plays")));
        QCOMPARE(picker.outputBox()->count(), 2);
    }

    void aMonoMicRecordsInMonoUnlessTheUserPicksMore() {
        DevicePicker picker;
        picker.setDevices(desktop());
        picker.inputBox()->setCurrentIndex(
            picker.inputBox()->findData(QStringLiteral("alsa_input.usb-headset.mono")));
        QCOMPARE(picker.choice().channels, 1);
        QCOMPARE(picker.inputDevice()->name, std::string("Headset Mic"));
        // Back to a stereo microphone: stereo again.
        picker.inputBox()->setCurrentIndex(
            picker.inputBox()->findData(QStringLiteral("alsa_input.pci.analog-stereo")));
        QCOMPARE(picker.choice().channels, 2);
    }

    void aFourInputDeviceListsEachInputPairsAndAll() {
        DevicePicker picker;
        picker.setDevices(fourInputs());
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("Four-in"));
        const QStringList texts = itemTexts(picker.channelsBox());
        for (const char* wanted : {"Input 1", "Input 2", "Input 3", "Input 4", "Inputs 1–2",
                                   "Inputs 3–4", "All 4 inputs"})
            QVERIFY2(texts.contains(QString::fromUtf8(wanted)), qPrintable(texts.join(", ")));
        QVERIFY(!texts.contains(QStringLiteral("Input 5")));
        QVERIFY(!texts.contains(QStringLiteral("Inputs 2–3")));

        QVERIFY(pickChannels(picker, QStringLiteral("Input 2")));
        QCOMPARE(picker.choice().channels, 1);
        QCOMPARE(picker.choice().firstInput, 2);
        QCOMPARE(picker.routingText(), QStringLiteral("Mono from input 2 of 4"));

        QVERIFY(pickChannels(picker, QString::fromUtf8("Inputs 3–4")));
        QCOMPARE(picker.choice().channels, 2);
        QCOMPARE(picker.choice().firstInput, 3);
        QCOMPARE(picker.routingText(), QString::fromUtf8("Stereo from inputs 3–4 of 4"));

        QVERIFY(pickChannels(picker, QStringLiteral("All 4 inputs")));
        QCOMPARE(picker.choice().channels, 4);
        QCOMPARE(picker.choice().firstInput, 1);
        QCOMPARE(picker.routingText(), QString::fromUtf8("4 channels from inputs 1–4 of 4"));

        // The plain counts still take the device's first inputs.
        QVERIFY(pickChannels(picker, QStringLiteral("1 (mono)")));
        QCOMPARE(picker.choice().firstInput, 0);
        QCOMPARE(picker.routingText(), QStringLiteral("Mono from input 1 of 4"));
    }

    void aMonoMicListsNoInputsToChooseFrom() {
        DevicePicker picker;
        picker.setDevices(desktop());
        picker.inputBox()->setCurrentIndex(
            picker.inputBox()->findData(QStringLiteral("alsa_input.usb-headset.mono")));
        const QStringList texts = itemTexts(picker.channelsBox());
        QVERIFY(!texts.contains(QStringLiteral("Input 1")));
        QCOMPARE(picker.choice().firstInput, 0);
    }

    void eachDeviceReturnsToItsOwnInputs() {
        DevicePicker picker;
        RememberedInputs remembered;
        remembered.insert(QStringLiteral("USB Mic"), InputSpan{2, 1});
        picker.setRememberedInputs(remembered);
        picker.setDevices(fourInputs());
        QVERIFY(pickChannels(picker, QString::fromUtf8("Inputs 3–4")));
        picker.inputBox()->setCurrentIndex(picker.inputBox()->findData(QStringLiteral("USB Mic")));
        QCOMPARE(picker.choice().firstInput, 2);
        QCOMPARE(picker.choice().channels, 1);
        QCOMPARE(picker.routingText(), QStringLiteral("Mono from input 2 of 2"));
        picker.inputBox()->setCurrentIndex(picker.inputBox()->findData(QStringLiteral("Four-in")));
        QCOMPARE(picker.choice().firstInput, 3);
        QCOMPARE(picker.choice().channels, 2);
        QCOMPARE(picker.rememberedInputs().value(QStringLiteral("Four-in")).firstInput, 3);
    }

    void theSettingsRememberTheInputsOfEachDevice() {
        QTemporaryDir dir;
        {
            Settings settings(
                std::make_unique<QSettings>(dir.filePath("t.ini"), QSettings::IniFormat));
            DeviceChoice four;
            four.inputDevice = QStringLiteral("Four-in");
            four.channels = 1;
            four.firstInput = 2;
            settings.setDeviceChoice(four);
            DeviceChoice usb;
            usb.inputDevice = QStringLiteral("USB Mic");
            usb.channels = 2;
            settings.setDeviceChoice(usb);
        }
        Settings settings(std::make_unique<QSettings>(dir.filePath("t.ini"), QSettings::IniFormat));
        const RememberedInputs inputs = settings.rememberedInputs();
        QCOMPARE(inputs.size(), 2);
        QCOMPARE(inputs.value(QStringLiteral("Four-in")).firstInput, 2);
        QCOMPARE(inputs.value(QStringLiteral("Four-in")).channels, 1);
        QCOMPARE(inputs.value(QStringLiteral("USB Mic")).firstInput, 0);
        QCOMPARE(settings.deviceChoice().inputDevice, QStringLiteral("USB Mic"));
        QCOMPARE(settings.deviceChoice().firstInput, 0);
    }

    void anUnpluggedDeviceComesBackSelected() {
        DevicePicker picker;
        picker.setDevices(desktop());
        const int headset =
            picker.inputBox()->findData(QStringLiteral("alsa_input.usb-headset.mono"));
        picker.inputBox()->setCurrentIndex(headset);
        emit picker.inputBox()->activated(headset); // as a person's pick does
        picker.setDevices(desktop(false));          // unplugged: the default stands in
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("alsa_input.pci.analog-stereo"));
        picker.setDevices(desktop(true)); // plugged in again
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("alsa_input.usb-headset.mono"));
    }

    void withNoSoundServerThePanelSaysSo() {
        DevicePicker picker;
        picker.setDevices(twoHosts());
        picker.setSoundServer(QString(), tapedeck::ServerAccess::None);
        const auto labels = picker.findChildren<QLabel*>();
        const bool said = std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
            return !label->isHidden() && label->text().contains("No sound server");
        });
        QVERIFY(said);
        picker.setSoundServer(QStringLiteral("PulseAudio (on PipeWire 0.3.65)"),
                              tapedeck::ServerAccess::ByName);
        for (QLabel* label : labels)
            QVERIFY(label->isHidden() || !label->text().contains("No sound server"));
    }

    void aRescanKeepsTheSelectionByHostApiAndName() {
        DevicePicker picker;
        picker.setDevices(twoHosts());
        DeviceChoice wanted;
        wanted.hostApi = "ALSA";
        wanted.inputDevice = "USB Mic";
        wanted.outputDevice = "Speakers";
        wanted.channels = 1;
        wanted.framesPerBuffer = 256;
        picker.select(wanted);

        // The same devices in another order, with different PortAudio indexes.
        std::vector<DeviceInfo> rescanned = twoHosts();
        std::reverse(rescanned.begin(), rescanned.end());
        for (std::size_t i = 0; i < rescanned.size(); ++i)
            rescanned[i].portAudioIndex = static_cast<int>(i + 10);
        picker.setDevices(rescanned);
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("USB Mic"));
        QCOMPARE(picker.choice().outputDevice, QStringLiteral("Speakers"));
        QCOMPARE(picker.choice().channels, 1);
        QCOMPARE(picker.choice().framesPerBuffer, 256);

        // The microphone is unplugged: the default input takes its place.
        rescanned.erase(std::remove_if(rescanned.begin(), rescanned.end(),
                                       [](const DeviceInfo& d) { return d.name == "USB Mic"; }),
                        rescanned.end());
        picker.setDevices(rescanned);
        QCOMPARE(picker.choice().inputDevice, QStringLiteral("default"));
        QCOMPARE(picker.choice().outputDevice, QStringLiteral("Speakers"));
    }

    void noDevicesLeavesThePickerUsable() {
        DevicePicker picker;
        picker.setDevices({});
        QCOMPARE(picker.inputDevice(), nullptr);
        QVERIFY(picker.choice().inputDevice.isEmpty());
        QVERIFY(!picker.grab().isNull());
    }
};

QTEST_MAIN(TestDevicePicker)
#include "TestDevicePicker.moc"
