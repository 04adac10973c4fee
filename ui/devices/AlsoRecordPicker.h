#pragma once

#include "core/devices/DeviceInfo.h"
#include "ui/devices/SecondInputChoice.h"

#include <QObject>

#include <optional>
#include <vector>

class QComboBox;
class QWidget;

namespace tapedeck {

// The "Also record" picker of the Devices panel: a second input for the same take (a call:
// the microphone and "what the computer plays"), and how the two share the take (split: the
// first input on the left, the second on the right; or mixed). It offers "Nothing" first,
// then the monitors, then the other inputs, by the names the desktop shows, never the device
// chosen as the main input. Its two boxes sit in the Devices panel's form, below the main
// input (DevicePicker places them). GUI thread only.
class AlsoRecordPicker : public QObject {
    Q_OBJECT
public:
    // The boxes are made as children of `panel`.
    explicit AlsoRecordPicker(QWidget& panel);

    // The inputs to offer: the devices of `hostApi` that can record, but not `mainInput`
    // (a key as DeviceChoice::inputDevice). Selects the input last chosen (select(), or the
    // person's pick), or "Nothing" when it is not there or is now the main input; it comes
    // back when it is listed again. While locked, nothing changes until unlock.
    void setDevices(const std::vector<DeviceInfo>& devices, const QString& hostApi,
                    const QString& mainInput);
    // The second input and layout to select, as far as the devices allow (the settings'
    // choice at startup).
    void select(const SecondInputChoice& choice);
    // What a take records now: the selected input ("Nothing": an empty device) and layout.
    SecondInputChoice choice() const;
    // What the person chose last, even when it is not listed now (to remember it).
    const SecondInputChoice& wanted() const { return wanted_; }
    // The selected second input, if one is selected.
    const DeviceInfo* secondDevice() const;
    // During a take the boxes keep showing the input in use, whatever the server reports.
    void setLocked(bool locked);
    bool isLocked() const { return locked_; }

    QComboBox* deviceBox() const { return device_; }
    QComboBox* layoutBox() const { return layout_; }

signals:
    // The selection or what the person wants changed (see choice() and wanted()).
    void choiceChanged();

private:
    void fill();
    void updateEnabled();
    void onPicked();

    // What the boxes show, and the device list that came while locked (applied on unlock).
    struct Offer {
        std::vector<DeviceInfo> devices;
        QString hostApi;
        QString mainInput;
    };
    Offer shown_;
    std::optional<Offer> pending_;
    SecondInputChoice wanted_;
    bool locked_ = false;
    QComboBox* device_;
    QComboBox* layout_;
};

} // namespace tapedeck
