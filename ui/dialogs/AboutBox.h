#pragma once

class QWidget;

namespace tapedeck {

// Help > About: name, version, what it is, and the license. GUI thread only.
void showAboutBox(QWidget* parent);

} // namespace tapedeck
