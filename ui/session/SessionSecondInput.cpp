#include "ui/session/Session.h"

#include "core/call/CallSources.h"

#include <algorithm>

// Session's part in recording two inputs into one take (a call: the microphone and what the
// computer plays): the second input chosen, a meter per input, and the words when one of the
// two is lost while the take goes on. GUI thread.

namespace tapedeck {

void Session::setSecondInput(const SecondInputChoice& choice) {
    if (choice == second_)
        return;
    second_ = choice;
    if (bridge_.isMonitoring())
        openMonitor(); // the meters and the pre-roll now cover both inputs, or one
    reportInput();
    updateDiskTimeLeft();
}

const DeviceInfo* Session::secondInputInUse() const {
    if (const Recorder* take = bridge_.recorder())
        return take->secondDevice();
    if (!audio_ || !second_.isSet())
        return nullptr;
    const DeviceInfo* chosen =
        audio_->findExact(choice_.hostApi.toStdString(), second_.device.toStdString());
    return chosen && chosen->canRecord() ? chosen : nullptr;
}

int Session::plannedFileChannels() const {
    // Split puts each input on a side; mix sums both in stereo: two channels either way.
    constexpr int kTwoInputChannels = 2;
    return second_.isSet() ? kTwoInputChannels : plannedChannels();
}

void Session::reportMeters(int channels) {
    const Recorder* take = bridge_.recorder();
    const DeviceInfo* first = take ? &take->device() : inputInUse();
    const DeviceInfo* second = secondInputInUse();
    if (!first || !second) {
        emit meterChannelsChanged(channels);
        return;
    }
    // Bars for each input's own channels until its levels arrive (they say how many).
    const int secondChannels = std::clamp(second->maxInputChannels, 1, kMaxMeteredChannels);
    emit meterInputsChanged(
        {QString::fromStdString(first->name), QString::fromStdString(second->name)},
        {plannedChannels(), secondChannels});
}

void Session::onInputLost(int input) {
    const Recorder* take = bridge_.recorder();
    if (!take || !take->secondDevice())
        return;
    const DeviceInfo& lost = input == 0 ? take->device() : *take->secondDevice();
    const DeviceInfo& kept = input == 0 ? *take->secondDevice() : take->device();
    const QString lostName = QString::fromStdString(lost.name);
    const QString keptName =
        kept.isMonitor ? tr("the computer's sound") : QString::fromStdString(kept.name);
    emit meterInputLost(input);
    if (!take->hasTake()) {
        emit warningOccurred({tr("Lost %1: the meters go on with %2 only.").arg(lostName, keptName),
                              tr("Plug it back in, or choose another input to record with it.")});
        return;
    }
    emit warningOccurred(
        {tr("Lost %1: the take goes on with %2 only.").arg(lostName, keptName),
         tr("Its side of the take is silent from here on, and a marker shows where it went. "
            "Plug it back in and start a new take to record both again.")});
    // The engine marked the moment in the take; the live waveform shows it too.
    const std::string name = lostInputMarkerName(lost.name);
    const std::vector<Marker>& markers = take->markers();
    const auto marker = std::find_if(markers.rbegin(), markers.rend(),
                                     [&name](const Marker& m) { return m.name == name; });
    if (marker != markers.rend())
        emit markerAdded(*marker, false);
}

} // namespace tapedeck
