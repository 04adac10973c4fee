#pragma once

#include <array>

namespace tapedeck {

// Where the transport is. Drives which transport actions make sense.
enum class TransportState {
    NoFile,  // nothing open, not recording
    Stopped, // a file is open and not playing
    Playing,
    Paused,
    Recording,
};

enum class TransportAction { Record, Play, Pause, Stop, GoToStart, GoToEnd, Loop };

inline constexpr std::array kTransportActions = {
    TransportAction::Record, TransportAction::Play,      TransportAction::Pause,
    TransportAction::Stop,   TransportAction::GoToStart, TransportAction::GoToEnd,
    TransportAction::Loop,
};

// Whether `action` makes sense in `state`. Pure; any thread.
bool isTransportActionEnabled(TransportAction action, TransportState state);

// Which action the Space key triggers in `state` (play/pause, or stop while recording),
// and which the R key triggers (record, or stop while recording). Pure; any thread.
TransportAction spaceKeyAction(TransportState state);
TransportAction recordKeyAction(TransportState state);

} // namespace tapedeck
