#include "ui/session/TransportState.h"

namespace tapedeck {

bool isTransportActionEnabled(TransportAction action, TransportState state) {
    using A = TransportAction;
    using S = TransportState;
    switch (action) {
    case A::Record:
        // Recording from a paused or stopped file is fine: playback is closed first.
        return state == S::NoFile || state == S::Stopped || state == S::Paused;
    case A::Play:
        return state == S::Stopped || state == S::Paused;
    case A::Pause:
        // While recording: pause the take, and resume it into the same file.
        return state == S::Playing || state == S::Recording;
    case A::Stop:
        return state == S::Playing || state == S::Paused || state == S::Recording;
    case A::GoToStart:
    case A::GoToEnd:
        return state == S::Stopped || state == S::Playing || state == S::Paused;
    case A::Loop:
        return state != S::Recording;
    }
    return false;
}

TransportAction spaceKeyAction(TransportState state) {
    switch (state) {
    case TransportState::Playing:
        return TransportAction::Pause;
    case TransportState::Recording:
        return TransportAction::Stop;
    case TransportState::NoFile:
    case TransportState::Stopped:
    case TransportState::Paused:
        break;
    }
    return TransportAction::Play;
}

TransportAction recordKeyAction(TransportState state) {
    return state == TransportState::Recording ? TransportAction::Stop : TransportAction::Record;
}

} // namespace tapedeck
