#pragma once

#include "core/devices/DeviceInfo.h"
#include "core/devices/ServerAccess.h"
#include "ui/devices/AlsoRecordPicker.h"
#include "ui/devices/DeviceChoice.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace tapedeck {

// Pickers for host API, input device, output device, sample rate, channels, buffer size and
// recording format. Channel counts go up to what the input device has; rates and channel counts
// it cannot do at the chosen format stay in the list, disabled, with the reason in the item
// and its tooltip. GUI thread only.
class DevicePicker : public QWidget {
    Q_OBJECT
public:
    // Returns why the device cannot run with these channels at this rate, or nothing if it
    // can. The app passes AudioSystem::checkFormat; tests pass a fake.
    using FormatCheck = std::function<std::optional<QString>(const DeviceInfo&, Direction,
                                                             int channels, int sampleRate)>;

    static constexpr int kMaxChannels = 8;
    // The channel box's items hold the channel count as their data and the first input
    // (0: the device's first inputs) in this role.
    static constexpr int kFirstInputRole = Qt::UserRole + 1;

    explicit DevicePicker(QWidget* parent = nullptr);

    void setFormatCheck(FormatCheck check);
    // Replaces the device list (after a scan or a hot-plug) and selects `wanted`, or else the
    // devices last chosen (by the person, or by select()), as far as they are there. A device
    // that comes back after an unplug is selected again. While locked, the list is kept for
    // later: the pickers go on showing the devices in use, and the new list applies on unlock.
    void setDevices(std::vector<DeviceInfo> devices,
                    const std::optional<DeviceChoice>& wanted = std::nullopt);
    // Selects what the choice names, as far as the devices allow.
    void select(const DeviceChoice& choice);
    // The sound server the devices come from and how it is reached; the panel says when none
    // runs, or when only its default devices can be used.
    void setSoundServer(const QString& serverName, ServerAccess access);
    DeviceChoice choice() const;
    // The selected input/output device, if any is selected and still present.
    const DeviceInfo* inputDevice() const;
    const DeviceInfo* outputDevice() const;
    // The inputs last chosen for each input device (from the settings): choosing a device
    // again returns to its own.
    void setRememberedInputs(RememberedInputs inputs);
    const RememberedInputs& rememberedInputs() const { return remembered_; }
    // While recording or playing, the devices cannot change, whatever the sound server
    // reports meanwhile (see setDevices()).
    void setLocked(bool locked);
    bool isLocked() const { return locked_; }

    static const std::vector<int>& sampleRates();
    static const std::vector<int>& bufferSizes();

    // For tests: the combo boxes.
    QComboBox* hostApiBox() const { return hostApi_; }
    QComboBox* inputBox() const { return input_; }
    QComboBox* outputBox() const { return output_; }
    QComboBox* rateBox() const { return rate_; }
    QComboBox* channelsBox() const { return channels_; }
    QComboBox* bufferBox() const { return buffer_; }
    QComboBox* formatBox() const { return format_; }
    // The "Also record" picker below the input: its list follows the main input's host API
    // and leaves out the main input; it locks with the panel.
    AlsoRecordPicker* alsoRecord() const { return also_; }
    // Which inputs feed a take with the chosen channels ("Mono from input 2 of 4").
    QString routingText() const;
    // What the panel says about the sound server (empty when nothing needs saying).
    QString serverNoteText() const;

signals:
    void choiceChanged(const tapedeck::DeviceChoice& choice);
    void refreshRequested();

private:
    void apply(const DeviceChoice& wanted);
    void fillHostApis(const QString& wanted);
    void fillDevices(const QString& wantedInput, const QString& wantedOutput);
    void fillChannels(int wanted, int wantedFirstInput, int sampleRate);
    void addInputItem(const QString& label, int firstInput, int channels, int sampleRate);
    void selectChannels(int channels, int firstInput, int fallback);
    int selectedFirstInput() const;
    int streamChannels(int firstInput, int channels) const;
    void fillRates(int wanted);
    void onHostApiChanged();
    void onInputChanged();
    void onChannelsChanged();
    void emitChoice();
    void updateRouting();
    // Gives the "Also record" picker the devices it may offer beside the main input.
    void offerSecondInputs();
    // Enables a box that has items, unless the picker is locked.
    void enableBox(QComboBox* box) const;
    const DeviceInfo* findDevice(const QString& key, bool input) const;

    std::vector<DeviceInfo> devices_;
    FormatCheck check_;
    DeviceChoice unlisted_;  // the last wanted choice, for devices not in the list
    DeviceChoice preferred_; // what the person chose last, to return to after a hot-plug
    RememberedInputs remembered_;
    bool updating_ = false;
    bool locked_ = false;
    // A device list that came while locked, with whether one was wanted; applied on unlock.
    std::optional<std::vector<DeviceInfo>> pendingDevices_;
    std::optional<DeviceChoice> pendingWanted_;
    QComboBox* hostApi_;
    QComboBox* input_;
    QComboBox* output_;
    QComboBox* rate_;
    QComboBox* channels_;
    QComboBox* buffer_;
    QComboBox* format_;
    AlsoRecordPicker* also_;
    QLabel* routing_;
    QLabel* serverNote_;
    QPushButton* refresh_;
};

} // namespace tapedeck
