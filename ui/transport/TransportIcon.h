#pragma once

#include <QIcon>

namespace tapedeck {

enum class TransportIconShape { Record, Play, Pause, Stop, GoToStart, GoToEnd, Loop, Open };

// Transport icons drawn as shapes at any size, in the application palette's button text
// colour (its disabled colour when disabled), so they read on light and dark palettes
// alike; Record is always red. Cheap to make: nothing is loaded from disk. GUI thread.
QIcon transportIcon(TransportIconShape shape);

} // namespace tapedeck
