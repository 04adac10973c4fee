#include "ui/window/DockWidthRestorer.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

namespace tapedeck {

DockWidthRestorer::DockWidthRestorer(QMainWindow& window, QDockWidget& dock, int width)
    : QObject(&window), window_(window), dock_(&dock), width_(width) {
    if (width_ <= 0) {
        deleteLater();
        return;
    }
    window_.installEventFilter(this);
}

bool DockWidthRestorer::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &window_ && event->type() == QEvent::Show) {
        window_.removeEventFilter(this);
        // After the first layout pass, which the Show starts.
        QTimer::singleShot(0, this, [this] {
            if (dock_ && dock_->isVisible() && !dock_->isFloating())
                window_.resizeDocks({dock_.data()}, {width_}, Qt::Horizontal);
            deleteLater();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tapedeck
