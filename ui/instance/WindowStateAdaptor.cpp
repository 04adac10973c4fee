#include "ui/instance/WindowStateAdaptor.h"

#include "ui/instance/RunningWindow.h"

namespace tapedeck {

WindowStateAdaptor::WindowStateAdaptor(RunningWindow& window)
    : QDBusAbstractAdaptor(&window), window_(window) {}

bool WindowStateAdaptor::recording() const {
    return window_.isRecording();
}

QString WindowStateAdaptor::currentFile() const {
    return window_.currentFile();
}

QStringList WindowStateAdaptor::recentFiles() const {
    return window_.recentFiles();
}

} // namespace tapedeck
