#pragma once

#include "DeviceChoice.h"
#include "core/DeviceInfo.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QPushButton;

namespace tapedeck {

// Pickers for host API, input device, output device, sample rate, channels, buffer size and
// recording format. Rates and channel counts the input device cannot do stay in the list,
// disabled, with the reason in the item and its tooltip. GUI thread only.
class DevicePicker : public QWidget {
    Q_OBJECT
public:
    // Returns why the device cannot run with these channels at this rate, or nothing if it
    // can. The app passes AudioSystem::checkFormat; tests pass a fake.
    using FormatCheck = std::function<std::optional<QString>(const DeviceInfo&, Direction,
                                                             int channels, int sampleRate)>;

    static constexpr int kMaxChannels = 8;

    explicit DevicePicker(QWidget* parent = nullptr);

    void setFormatCheck(FormatCheck check);
    // Replaces the device list (after a scan) and selects `wanted`, or else keeps the
    // current choice, as far as the same host API + device name is still there.
    void setDevices(std::vector<DeviceInfo> devices,
                    const std::optional<DeviceChoice>& wanted = std::nullopt);
    // Selects what the choice names, as far as the devices allow.
    void select(const DeviceChoice& choice);
    DeviceChoice choice() const;
    // The selected input/output device, if any is selected and still present.
    const DeviceInfo* inputDevice() const;
    const DeviceInfo* outputDevice() const;
    // While recording or playing, the devices cannot change.
    void setLocked(bool locked);

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

signals:
    void choiceChanged(const tapedeck::DeviceChoice& choice);
    void refreshRequested();

private:
    void fillHostApis(const QString& wanted);
    void fillDevices(const QString& wantedInput, const QString& wantedOutput);
    void fillChannels(int wanted, int sampleRate);
    void fillRates(int wanted);
    void onHostApiChanged();
    void onInputChanged();
    void onChannelsChanged();
    void emitChoice();
    const DeviceInfo* findDevice(const QString& name, bool input) const;

    std::vector<DeviceInfo> devices_;
    FormatCheck check_;
    DeviceChoice unlisted_; // the last wanted choice, for devices not in the list
    bool updating_ = false;
    QComboBox* hostApi_;
    QComboBox* input_;
    QComboBox* output_;
    QComboBox* rate_;
    QComboBox* channels_;
    QComboBox* buffer_;
    QComboBox* format_;
    QPushButton* refresh_;
};

} // namespace tapedeck
