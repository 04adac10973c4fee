#include "ui/devices/DevicePicker.h"

#include "ui/devices/InputRouting.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace tapedeck {

namespace {

constexpr int kDefaultChannels = 2;
constexpr int kMinimumComboCharacters = 16;
constexpr int kAutomatic = 0;    // rate / buffer size chosen by the device or PortAudio
constexpr int kPopupMargin = 24; // room for the scroll bar beside the longest name
// A device with more inputs lists its first ones one by one (and in pairs).
constexpr int kMaxListedInputs = 32;

// Marks one combo box item usable or not; an unusable item says why, in its text and tooltip.
void setItemUsable(QComboBox* box, int index, const QString& label, const QString& reason) {
    auto* model = qobject_cast<QStandardItemModel*>(box->model());
    QStandardItem* item = model ? model->item(index) : nullptr;
    if (!item)
        return;
    item->setEnabled(reason.isEmpty());
    item->setText(reason.isEmpty() ? label : DevicePicker::tr("%1 (not supported)").arg(label));
    item->setToolTip(reason);
    item->setData(reason, Qt::AccessibleDescriptionRole);
}

bool isUsable(const QComboBox* box, int index) {
    const auto* model = qobject_cast<const QStandardItemModel*>(box->model());
    const QStandardItem* item = model ? model->item(index) : nullptr;
    return item && item->isEnabled();
}

// Selects the item holding `value`, else the first usable item.
void selectData(QComboBox* box, const QVariant& value) {
    const int wanted = box->findData(value);
    if (wanted >= 0 && isUsable(box, wanted)) {
        box->setCurrentIndex(wanted);
        return;
    }
    for (int i = 0; i < box->count(); ++i) {
        if (isUsable(box, i)) {
            box->setCurrentIndex(i);
            return;
        }
    }
    box->setCurrentIndex(box->count() > 0 ? 0 : -1);
}

QString formatLabel(FileFormat format) {
    switch (format) {
    case FileFormat::Wav16:
        return DevicePicker::tr("WAV, 16-bit");
    case FileFormat::Wav24:
        return DevicePicker::tr("WAV, 24-bit");
    case FileFormat::WavFloat:
        return DevicePicker::tr("WAV, 32-bit float");
    case FileFormat::Flac:
        return DevicePicker::tr("FLAC (lossless, smaller)");
    case FileFormat::OggVorbis:
        return DevicePicker::tr("Ogg Vorbis (lossy, smallest)");
    }
    return {};
}

// What a device is remembered by: the sound server's node name, which stays the same when the
// device is unplugged and plugged in again, or PortAudio's name.
QString deviceKey(const DeviceInfo& device) {
    return QString::fromStdString(device.serverId.empty() ? device.name : device.serverId);
}

QString hostApiLabel(const QString& hostApi) {
    if (hostApi == QLatin1String(DeviceInfo::kSoundServer))
        return DevicePicker::tr("Desktop sound devices");
    return DevicePicker::tr("%1 (advanced)").arg(hostApi);
}

QComboBox* makeBox(QWidget* parent, const QString& accessibleName, const QString& tip) {
    auto* box = new QComboBox(parent);
    box->setAccessibleName(accessibleName);
    box->setToolTip(tip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(kMinimumComboCharacters);
    return box;
}

} // namespace

const std::vector<int>& DevicePicker::sampleRates() {
    static const std::vector<int> rates = {8000,  11025, 16000, 22050,  32000, 44100,
                                           48000, 88200, 96000, 176400, 192000};
    return rates;
}

const std::vector<int>& DevicePicker::bufferSizes() {
    static const std::vector<int> sizes = {64, 128, 256, 512, 1024, 2048, 4096};
    return sizes;
}

DevicePicker::DevicePicker(QWidget* parent) : QWidget(parent) {
    hostApi_ = makeBox(this, tr("Audio system"), tr("The sound system the devices belong to"));
    input_ = makeBox(this, tr("Input device"), tr("The microphone or line input to record"));
    also_ = new AlsoRecordPicker(*this); // made here: Tab reaches it right after the input
    output_ = makeBox(this, tr("Output device"), tr("Where playback is heard"));
    rate_ = makeBox(this, tr("Sample rate"), tr("Samples per second to record at"));
    channels_ = makeBox(this, tr("Channels"), tr("How many input channels to record"));
    buffer_ = makeBox(this, tr("Buffer size"),
                      tr("Smaller buffers mean less delay; larger ones are safer against "
                         "dropouts"));
    format_ = makeBox(this, tr("Recording format"), tr("The file format of new recordings"));
    routing_ = new QLabel(this);
    routing_->setObjectName(QStringLiteral("InputRouting"));
    routing_->setWordWrap(true);
    routing_->setAccessibleName(tr("Inputs recorded"));
    routing_->setToolTip(tr("Which inputs of the device feed the take"));
    serverNote_ = new QLabel(this);
    serverNote_->setWordWrap(true);
    serverNote_->hide();
    refresh_ = new QPushButton(tr("Refresh &Devices"), this);
    refresh_->setAccessibleName(tr("Refresh devices"));
    refresh_->setToolTip(tr("Look for devices again, for example after plugging one in"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // In a narrow window the labels go above their boxes, so the panel can give way.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // Alt+A is the "Also record" box's, used far more often than the audio system's.
    form->addRow(tr("A&udio system:"), hostApi_);
    form->addRow(tr("&Input:"), input_);
    form->addRow(tr("&Also record:"), also_->deviceBox());
    form->addRow(tr("La&yout:"), also_->layoutBox());
    form->addRow(tr("&Output:"), output_);
    form->addRow(tr("Sample &rate:"), rate_);
    form->addRow(tr("Channe&ls:"), channels_);
    form->addRow(QString(), routing_);
    form->addRow(tr("&Buffer:"), buffer_);
    form->addRow(tr("For&mat:"), format_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(serverNote_);
    layout->addWidget(refresh_, 0, Qt::AlignRight);
    layout->addStretch(1);

    buffer_->addItem(tr("Automatic"), kAutomatic);
    for (int frames : bufferSizes())
        buffer_->addItem(tr("%1 frames").arg(frames), frames);
    for (FileFormat format : {FileFormat::Wav16, FileFormat::Wav24, FileFormat::WavFloat,
                              FileFormat::Flac, FileFormat::OggVorbis}) {
        format_->addItem(formatLabel(format), static_cast<int>(format));
        // What a crash can cost, per format: the user chooses knowing it.
        format_->setItemData(format_->count() - 1,
                             format == FileFormat::OggVorbis
                                 ? tr("If Tapedeck or the computer crashes, up to two seconds at "
                                      "the end of an Ogg take can be lost. WAV and FLAC lose at "
                                      "most the last second.")
                                 : tr("If Tapedeck or the computer crashes, at most the last "
                                      "second of the take is lost."),
                             Qt::ToolTipRole);
    }
    selectData(format_, static_cast<int>(FileFormat::Wav24));

    connect(hostApi_, &QComboBox::currentIndexChanged, this, &DevicePicker::onHostApiChanged);
    connect(input_, &QComboBox::currentIndexChanged, this, &DevicePicker::onInputChanged);
    connect(channels_, &QComboBox::currentIndexChanged, this, &DevicePicker::onChannelsChanged);
    for (QComboBox* box : {output_, rate_, buffer_, format_})
        connect(box, &QComboBox::currentIndexChanged, this, &DevicePicker::emitChoice);
    // What the person picks is what the list goes back to when a device returns after an
    // unplug; a fallback the picker made by itself is not.
    for (QComboBox* box : {hostApi_, input_, output_})
        connect(box, &QComboBox::activated, this, [this] { preferred_ = choice(); });
    connect(refresh_, &QPushButton::clicked, this, &DevicePicker::refreshRequested);
}

void DevicePicker::setFormatCheck(FormatCheck check) {
    check_ = std::move(check);
    apply(choice());
}

void DevicePicker::setDevices(std::vector<DeviceInfo> devices,
                              const std::optional<DeviceChoice>& wanted) {
    if (locked_) {
        // A take runs on the devices shown: a hot-plug or a new default must not show another.
        pendingDevices_ = std::move(devices);
        if (wanted)
            pendingWanted_ = wanted;
        return;
    }
    if (wanted)
        preferred_ = *wanted;
    DeviceChoice kept = preferred_;
    // Rate, channels, buffer and format are not devices: they stay as they are now.
    const DeviceChoice current = choice();
    if (!wanted) {
        kept.sampleRate = current.sampleRate;
        // The channel count belongs to the microphone it was chosen for.
        if (current.inputDevice == preferred_.inputDevice) {
            kept.channels = current.channels;
            kept.firstInput = current.firstInput;
        }
        kept.framesPerBuffer = current.framesPerBuffer;
        kept.format = current.format;
    }
    devices_ = std::move(devices);
    apply(kept);
}

void DevicePicker::setSoundServer(const QString& serverName, ServerAccess access) {
    QString note;
    if (serverName.isEmpty() || access == ServerAccess::None)
        note = tr("No sound server is running: these are the devices the audio systems offer "
                  "directly.");
    else if (access == ServerAccess::DefaultDeviceOnly)
        note = tr("The sound server is running, but ALSA's pulse plugin cannot open its devices "
                  "by name. Tapedeck records and plays through the default device.");
    serverNote_->setText(note);
    serverNote_->setVisible(!note.isEmpty());
}

QString DevicePicker::serverNoteText() const {
    return serverNote_->text();
}

void DevicePicker::select(const DeviceChoice& wanted) {
    preferred_ = wanted;
    apply(wanted);
}

void DevicePicker::apply(const DeviceChoice& wanted) {
    const DeviceChoice before = choice();
    unlisted_ = wanted;
    {
        const QSignalBlocker blockHost(hostApi_);
        const QSignalBlocker blockInput(input_);
        const QSignalBlocker blockOutput(output_);
        const QSignalBlocker blockRate(rate_);
        const QSignalBlocker blockChannels(channels_);
        const QSignalBlocker blockBuffer(buffer_);
        const QSignalBlocker blockFormat(format_);
        fillHostApis(wanted.hostApi);
        fillDevices(wanted.inputDevice, wanted.outputDevice);
        // Standing in for a missing microphone, a server device records in its own channel
        // count, not in the count chosen for the missing one.
        const DeviceInfo* device = inputDevice();
        const bool standIn =
            !wanted.inputDevice.isEmpty() && input_->currentData().toString() != wanted.inputDevice;
        const bool ownCount = standIn && device && !device->serverId.empty();
        fillChannels(ownCount ? 0 : wanted.channels, ownCount ? 0 : wanted.firstInput,
                     wanted.sampleRate);
        fillRates(wanted.sampleRate);
        if (rate_->currentData().toInt() != wanted.sampleRate)
            fillChannels(channels_->currentData().toInt(), selectedFirstInput(),
                         rate_->currentData().toInt());
        selectData(buffer_, wanted.framesPerBuffer);
        selectData(format_, static_cast<int>(wanted.format));
    }
    offerSecondInputs();
    if (choice() != before)
        emitChoice();
    else
        updateRouting(); // the same choice, but the device behind it may say more now
}

DeviceChoice DevicePicker::choice() const {
    DeviceChoice current;
    // With no devices listed (no scan yet, or the audio system failed), the wanted devices
    // are kept rather than forgotten.
    current.hostApi =
        hostApi_->count() > 0 ? hostApi_->currentData().toString() : unlisted_.hostApi;
    current.inputDevice =
        input_->count() > 0 ? input_->currentData().toString() : unlisted_.inputDevice;
    current.outputDevice =
        output_->count() > 0 ? output_->currentData().toString() : unlisted_.outputDevice;
    current.sampleRate = rate_->currentData().toInt();
    current.channels =
        channels_->currentIndex() >= 0 ? channels_->currentData().toInt() : kDefaultChannels;
    current.firstInput = channels_->currentIndex() >= 0 ? selectedFirstInput() : 0;
    current.framesPerBuffer = buffer_->currentData().toInt();
    if (format_->currentIndex() >= 0)
        current.format = static_cast<FileFormat>(format_->currentData().toInt());
    return current;
}

const DeviceInfo* DevicePicker::findDevice(const QString& key, bool input) const {
    const std::string host = hostApi_->currentData().toString().toStdString();
    for (const DeviceInfo& device : devices_) {
        if (device.hostApi == host && deviceKey(device) == key &&
            (input ? device.canRecord() : device.canPlay()))
            return &device;
    }
    return nullptr;
}

const DeviceInfo* DevicePicker::inputDevice() const {
    return findDevice(input_->currentData().toString(), true);
}

const DeviceInfo* DevicePicker::outputDevice() const {
    return findDevice(output_->currentData().toString(), false);
}

void DevicePicker::setRememberedInputs(RememberedInputs inputs) {
    remembered_ = std::move(inputs);
}

void DevicePicker::setLocked(bool locked) {
    locked_ = locked;
    for (QComboBox* box : {hostApi_, input_, output_, rate_, channels_, buffer_, format_})
        enableBox(box);
    refresh_->setEnabled(!locked);
    also_->setLocked(locked);
    if (!locked && pendingDevices_) {
        std::vector<DeviceInfo> devices = std::move(*pendingDevices_);
        const std::optional<DeviceChoice> wanted = pendingWanted_;
        pendingDevices_.reset();
        pendingWanted_.reset();
        setDevices(std::move(devices), wanted);
    }
}

void DevicePicker::enableBox(QComboBox* box) const {
    box->setEnabled(!locked_ && box->count() > 0);
}

void DevicePicker::fillHostApis(const QString& wanted) {
    hostApi_->clear();
    QString preferred;
    for (const DeviceInfo& device : devices_) {
        const QString host = QString::fromStdString(device.hostApi);
        if (hostApi_->findData(host) < 0)
            hostApi_->addItem(hostApiLabel(host), host);
        if (preferred.isEmpty() && device.isDefaultInput)
            preferred = host;
    }
    int index = hostApi_->findData(wanted);
    if (index < 0)
        index = hostApi_->findData(preferred);
    hostApi_->setCurrentIndex(index >= 0 ? index : (hostApi_->count() > 0 ? 0 : -1));
    enableBox(hostApi_);
    hostApi_->setPlaceholderText(tr("None found"));
}

void DevicePicker::fillDevices(const QString& wantedInput, const QString& wantedOutput) {
    input_->clear();
    output_->clear();
    const std::string host = hostApi_->currentData().toString().toStdString();
    QString defaultInput;
    QString defaultOutput;
    auto label = [](const DeviceInfo& device, bool isDefault) {
        const QString name = QString::fromStdString(device.name);
        return isDefault ? tr("%1 (default)").arg(name) : name;
    };
    // Microphones first; then, apart, what the computer plays (monitors).
    for (const bool monitors : {false, true}) {
        bool separated = !monitors;
        for (const DeviceInfo& device : devices_) {
            if (device.hostApi != host || !device.canRecord() || device.isMonitor != monitors)
                continue;
            if (!separated && input_->count() > 0)
                input_->insertSeparator(input_->count());
            separated = true;
            input_->addItem(label(device, device.isDefaultInput), deviceKey(device));
            if (device.isDefaultInput)
                defaultInput = deviceKey(device);
        }
    }
    for (const DeviceInfo& device : devices_) {
        if (device.hostApi != host || !device.canPlay())
            continue;
        output_->addItem(label(device, device.isDefaultOutput), deviceKey(device));
        if (device.isDefaultOutput)
            defaultOutput = deviceKey(device);
    }
    // The panel is narrow; the unfolded list shows the long names ("Sound from … (what the
    // computer plays)") whole.
    for (QComboBox* box : {input_, output_})
        box->view()->setMinimumWidth(box->view()->sizeHintForColumn(0) + kPopupMargin);
    selectData(input_, input_->findData(wantedInput) >= 0 ? wantedInput : defaultInput);
    selectData(output_, output_->findData(wantedOutput) >= 0 ? wantedOutput : defaultOutput);
    enableBox(input_);
    enableBox(output_);
    if (input_->count() == 0)
        input_->setPlaceholderText(tr("No input device"));
    if (output_->count() == 0)
        output_->setPlaceholderText(tr("No output device"));
}

void DevicePicker::fillChannels(int wanted, int wantedFirstInput, int rate) {
    channels_->clear();
    const DeviceInfo* device = inputDevice();
    const int available = device ? device->maxInputChannels : 0;
    // Channel counts: the device's first inputs, as the device or sound server gives them;
    // only as many as it has (without a device to ask, any count up to kMaxChannels).
    const int counts = device ? std::min(available, kMaxChannels) : kMaxChannels;
    for (int count = 1; count <= counts; ++count) {
        const QString label = count == 1   ? tr("1 (mono)")
                              : count == 2 ? tr("2 (stereo)")
                                           : QString::number(count);
        channels_->addItem(label, count);
        channels_->setItemData(channels_->count() - 1, 0, kFirstInputRole);
        QString reason;
        if (device && check_ && rate != kAutomatic) {
            reason = check_(*device, Direction::Input, count, rate).value_or(QString());
        }
        setItemUsable(channels_, channels_->count() - 1, label, reason);
    }
    // Chosen inputs, taken as they are: one by one, in pairs, and all of them.
    if (device && available > 1) {
        channels_->insertSeparator(channels_->count());
        const int listed = std::min(available, kMaxListedInputs);
        for (int input = 1; input <= listed; ++input)
            addInputItem(tr("Input %1").arg(input), input, 1, rate);
        for (int input = 1; input + 1 <= listed; input += 2)
            addInputItem(tr("Inputs %1–%2").arg(input).arg(input + 1), input, 2, rate);
        if (available > 2 && available <= kMaxChannels)
            addInputItem(tr("All %1 inputs").arg(available), 1, available, rate);
    }
    // A sound-server source has a channel count of its own (a mono mic: 1); PortAudio's
    // devices only say how many they could take at most.
    const int own = device && !device->serverId.empty() ? std::min(available, kMaxChannels)
                                                        : std::min(kDefaultChannels, available);
    const int fallback = available > 0 ? own : kDefaultChannels;
    // Without a device to ask, the wanted count stands.
    const bool possible = wanted > 0 && (device ? wanted <= available : wanted <= kMaxChannels);
    selectChannels(possible ? wanted : fallback, possible ? wantedFirstInput : 0, fallback);
}

void DevicePicker::addInputItem(const QString& label, int firstInput, int channels, int rate) {
    const DeviceInfo* device = inputDevice();
    channels_->addItem(label, channels);
    const int index = channels_->count() - 1;
    channels_->setItemData(index, firstInput, kFirstInputRole);
    QString reason;
    if (check_ && rate != kAutomatic) {
        reason = check_(*device, Direction::Input, streamChannels(firstInput, channels), rate)
                     .value_or(QString());
    }
    setItemUsable(channels_, index, label, reason);
    if (reason.isEmpty())
        channels_->setItemData(index, InputRouting::describe(channels, firstInput, *device),
                               Qt::ToolTipRole);
}

// Selects the item for these inputs; else the count from the device's first inputs; else
// `fallback` channels.
void DevicePicker::selectChannels(int channels, int firstInput, int fallback) {
    if (firstInput > 0) {
        for (int i = 0; i < channels_->count(); ++i) {
            if (channels_->itemData(i).toInt() == channels &&
                channels_->itemData(i, kFirstInputRole).toInt() == firstInput &&
                isUsable(channels_, i)) {
                channels_->setCurrentIndex(i);
                return;
            }
        }
        selectData(channels_, fallback);
        return;
    }
    selectData(channels_, channels);
}

int DevicePicker::selectedFirstInput() const {
    return channels_->currentData(kFirstInputRole).toInt();
}

// How many channels the capture stream opens for these inputs: as InputChannelPicker does,
// all of a server source's, a direct device's up to the last one chosen.
int DevicePicker::streamChannels(int firstInput, int channels) const {
    const DeviceInfo* device = inputDevice();
    if (firstInput <= 0 || !device)
        return channels;
    return device->serverId.empty() ? firstInput + channels - 1 : device->maxInputChannels;
}

void DevicePicker::fillRates(int wanted) {
    rate_->clear();
    const DeviceInfo* device = inputDevice();
    const int channels = streamChannels(selectedFirstInput(), channels_->currentData().toInt());
    const QString automatic =
        device && device->defaultSampleRate > 0
            ? tr("Default (%1 Hz)").arg(static_cast<int>(device->defaultSampleRate))
            : tr("Default");
    rate_->addItem(automatic, kAutomatic);
    for (int rate : sampleRates()) {
        const QString label = tr("%1 Hz").arg(rate);
        rate_->addItem(label, rate);
        QString reason;
        if (device && check_)
            reason = check_(*device, Direction::Input, channels, rate).value_or(QString());
        setItemUsable(rate_, rate_->count() - 1, label, reason);
    }
    selectData(rate_, wanted);
}

void DevicePicker::onHostApiChanged() {
    if (updating_)
        return;
    DeviceChoice current = choice();
    current.inputDevice.clear();
    current.outputDevice.clear();
    updating_ = true;
    apply(current);
    updating_ = false;
    emitChoice();
}

void DevicePicker::onInputChanged() {
    if (updating_)
        return;
    const DeviceChoice current = choice();
    // Another microphone of the sound server records in its own channel count (a mono mic in
    // mono, a stereo one in stereo) until the person picks a count for it.
    // The inputs last chosen for this device come back with it.
    const DeviceInfo* device = inputDevice();
    int wantedChannels = device && !device->serverId.empty() ? 0 : current.channels;
    int wantedFirstInput = 0;
    if (const auto it = remembered_.constFind(current.inputDevice); it != remembered_.cend()) {
        wantedChannels = it->channels;
        wantedFirstInput = it->firstInput;
    }
    updating_ = true;
    {
        const QSignalBlocker blockRate(rate_);
        const QSignalBlocker blockChannels(channels_);
        fillChannels(wantedChannels, wantedFirstInput, current.sampleRate);
        fillRates(current.sampleRate);
        if (rate_->currentData().toInt() != current.sampleRate)
            fillChannels(channels_->currentData().toInt(), selectedFirstInput(),
                         rate_->currentData().toInt());
    }
    updating_ = false;
    offerSecondInputs();
    emitChoice();
}

void DevicePicker::onChannelsChanged() {
    if (updating_)
        return;
    const DeviceChoice current = choice();
    if (!current.inputDevice.isEmpty() && channels_->currentIndex() >= 0)
        remembered_.insert(current.inputDevice, InputSpan{current.firstInput, current.channels});
    {
        const QSignalBlocker blockRate(rate_);
        fillRates(current.sampleRate);
    }
    emitChoice();
}

void DevicePicker::emitChoice() {
    if (updating_)
        return;
    updateRouting();
    emit choiceChanged(choice());
}

void DevicePicker::updateRouting() {
    const DeviceInfo* device = inputDevice();
    const int channels = channels_->currentIndex() >= 0 ? channels_->currentData().toInt() : 0;
    const int firstInput = channels_->currentIndex() >= 0 ? selectedFirstInput() : 0;
    routing_->setText(device ? InputRouting::describe(channels, firstInput, *device)
                             : InputRouting::describe(channels, firstInput, 0, false));
}

void DevicePicker::offerSecondInputs() {
    also_->setDevices(devices_, hostApi_->currentData().toString(),
                      input_->currentData().toString());
}

QString DevicePicker::routingText() const {
    return routing_->text();
}

} // namespace tapedeck
