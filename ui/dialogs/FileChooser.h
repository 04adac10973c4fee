#pragma once

#include <QString>

#include <functional>

class QFileDialog;
class QWidget;

namespace tapedeck {

// What a file dialog asks for: a file to open, a name to save as (never offering to write
// over a file when `confirmOverwrite` is false), or a folder.
struct FileQuestion {
    enum class Kind { Open, Save, Folder };
    Kind kind = Kind::Open;
    QString title;
    QString startAt; // a folder, or a file to suggest
    QString filter;  // "WAV (*.wav);;FLAC (*.flac)"; empty for a folder
    bool confirmOverwrite = true;
};

// Asks with a QFileDialog opened window-modal with open(), not in a nested event loop as
// QFileDialog::getOpenFileName() does: the window goes on (meters, countdown), and whatever
// asked (a menu, a key, an assistive tool's action over AT-SPI) has its answer at once.
// `chosen` runs with the path once the person accepts; nothing runs on Cancel. The parts of
// Qt's own dialog that carry no name of their own are named. Returns the dialog, which
// deletes itself when closed. GUI thread only.
QFileDialog* askForFile(QWidget* parent, const FileQuestion& question,
                        std::function<void(const QString& path)> chosen);

} // namespace tapedeck
