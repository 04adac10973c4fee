#include "ui/devices/AlsoRecordPicker.h"

#include "ui/devices/DevicePicker.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QSignalBlocker>

namespace tapedeck {

namespace {

constexpr int kMinimumComboCharacters = 16; // as the panel's other boxes
constexpr int kPopupMargin = 24;            // room for the scroll bar beside the longest name

// As DevicePicker remembers a device: the sound server's node name, else PortAudio's name.
QString deviceKey(const DeviceInfo& device) {
    return QString::fromStdString(device.serverId.empty() ? device.name : device.serverId);
}

// The same words as the main input box, so one device reads the same in both.
QString deviceLabel(const DeviceInfo& device) {
    const QString name = QString::fromStdString(device.name);
    return device.isDefaultInput ? DevicePicker::tr("%1 (default)").arg(name) : name;
}

QComboBox* makeBox(QWidget& parent, const QString& accessibleName, const QString& tip) {
    auto* box = new QComboBox(&parent);
    box->setAccessibleName(accessibleName);
    box->setToolTip(tip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(kMinimumComboCharacters);
    return box;
}

} // namespace

AlsoRecordPicker::AlsoRecordPicker(QWidget& panel) : QObject(&panel) {
    device_ = makeBox(panel, tr("Also record"),
                      tr("A second input recorded into the same take, for example what the "
                         "computer plays during a call"));
    device_->setObjectName(QStringLiteral("AlsoRecordBox"));
    layout_ = makeBox(panel, tr("Layout"), tr("How the two inputs share the take"));
    layout_->setObjectName(QStringLiteral("InputLayoutBox"));
    layout_->addItem(tr("Split: me left, them right"), static_cast<int>(InputLayout::Split));
    layout_->setItemData(0,
                         tr("The main input on the left, the second on the right, each in mono, "
                            "so the two sides can be balanced later"),
                         Qt::ToolTipRole);
    layout_->addItem(tr("Mix"), static_cast<int>(InputLayout::Mix));
    layout_->setItemData(1, tr("Both inputs together in one stereo take"), Qt::ToolTipRole);
    fill();
    for (QComboBox* box : {device_, layout_}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            updateEnabled();
            emit choiceChanged();
        });
        // Only what the person picks is remembered; a fallback the picker made is not.
        connect(box, &QComboBox::activated, this, &AlsoRecordPicker::onPicked);
    }
}

void AlsoRecordPicker::setDevices(const std::vector<DeviceInfo>& devices, const QString& hostApi,
                                  const QString& mainInput) {
    if (locked_) {
        // A take runs on the inputs shown: a hot-plug must not show another.
        pending_ = Offer{devices, hostApi, mainInput};
        return;
    }
    shown_ = Offer{devices, hostApi, mainInput};
    const SecondInputChoice before = choice();
    fill();
    if (choice() != before)
        emit choiceChanged();
}

void AlsoRecordPicker::select(const SecondInputChoice& choice) {
    wanted_ = choice;
    fill();
    emit choiceChanged();
}

SecondInputChoice AlsoRecordPicker::choice() const {
    SecondInputChoice current;
    current.device = device_->currentData().toString();
    current.layout = static_cast<InputLayout>(layout_->currentData().toInt());
    return current;
}

const DeviceInfo* AlsoRecordPicker::secondDevice() const {
    const QString key = device_->currentData().toString();
    if (key.isEmpty())
        return nullptr;
    for (const DeviceInfo& device : shown_.devices) {
        if (deviceKey(device) == key && device.canRecord() &&
            QString::fromStdString(device.hostApi) == shown_.hostApi)
            return &device;
    }
    return nullptr;
}

void AlsoRecordPicker::setLocked(bool locked) {
    locked_ = locked;
    updateEnabled();
    if (!locked && pending_) {
        Offer offer = std::move(*pending_);
        pending_.reset();
        setDevices(offer.devices, offer.hostApi, offer.mainInput);
    }
}

void AlsoRecordPicker::fill() {
    const QSignalBlocker blockDevice(device_);
    const QSignalBlocker blockLayout(layout_);
    device_->clear();
    device_->addItem(tr("Nothing"), QString());
    device_->setItemData(0, tr("Record the main input only"), Qt::ToolTipRole);
    // What the computer plays first (the usual second input of a call), then the other
    // inputs; each group set apart.
    for (const bool monitors : {true, false}) {
        bool separated = false;
        for (const DeviceInfo& device : shown_.devices) {
            if (QString::fromStdString(device.hostApi) != shown_.hostApi || !device.canRecord() ||
                device.isMonitor != monitors || deviceKey(device) == shown_.mainInput)
                continue;
            if (!separated)
                device_->insertSeparator(device_->count());
            separated = true;
            device_->addItem(deviceLabel(device), deviceKey(device));
        }
    }
    device_->view()->setMinimumWidth(device_->view()->sizeHintForColumn(0) + kPopupMargin);
    const int wanted = wanted_.device.isEmpty() ? -1 : device_->findData(wanted_.device);
    device_->setCurrentIndex(wanted >= 0 ? wanted : 0);
    layout_->setCurrentIndex(layout_->findData(static_cast<int>(wanted_.layout)));
    updateEnabled();
}

void AlsoRecordPicker::updateEnabled() {
    device_->setEnabled(!locked_);
    // The layout means something only with a second input.
    layout_->setEnabled(!locked_ && device_->currentIndex() > 0);
}

void AlsoRecordPicker::onPicked() {
    wanted_ = choice();
    updateEnabled();
    emit choiceChanged();
}

} // namespace tapedeck
