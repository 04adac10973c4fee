#include "ui/session/Session.h"

// Session: the input in use, its level on the sound server and its channel count on the idle
// meter. GUI thread.

namespace tapedeck {

const DeviceInfo* Session::inputInUse() const {
    if (!audio_)
        return nullptr;
    if (const Recorder* take = bridge_.recorder(); take && !take->device().serverId.empty())
        return audio_->findServerDevice(take->device().serverId);
    if (const DeviceInfo* chosen =
            audio_->findExact(choice_.hostApi.toStdString(), choice_.inputDevice.toStdString());
        chosen && chosen->canRecord())
        return chosen;
    const auto found = audio_->findDevice(choice_.inputDevice.toStdString(), Direction::Input);
    return found ? audio_->findExact(found.value().hostApi, found.value().name) : nullptr;
}

double Session::inputVolume() const {
    const DeviceInfo* device = inputInUse();
    return device ? device->serverVolume : -1;
}

void Session::setInputVolume(double fraction) {
    const DeviceInfo* device = inputInUse();
    if (!device || device->serverVolume < 0)
        return;
    if (Status set = audio_->setSourceVolume(device->serverId, fraction); !set)
        report(describeError(set.error()));
}

void Session::reportInput() {
    emit inputVolumeChanged(inputVolume());
    if (state_ == TransportState::NoFile && !bridge_.isRecording() && !bridge_.isMonitoring())
        reportMeters(plannedChannels());
}

} // namespace tapedeck
