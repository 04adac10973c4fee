#pragma once

class QMessageBox;
class QWidget;

namespace tapedeck {

// Help > About: name, version, what it is, and the license, in a window-modal box that
// deletes itself when closed (returned for tests). GUI thread only.
QMessageBox* showAboutBox(QWidget* parent);

} // namespace tapedeck
