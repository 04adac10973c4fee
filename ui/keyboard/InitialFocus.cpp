#include "ui/keyboard/InitialFocus.h"

#include <QEvent>
#include <QWidget>

namespace tapedeck {

InitialFocus::InitialFocus(QWidget& widget) : QObject(widget.window()), widget_(&widget) {
    widget.window()->installEventFilter(this);
}

bool InitialFocus::eventFilter(QObject* watched, QEvent* event) {
    // On Show the window's widgets are visible but the window is not yet active: the focus
    // set now is the one the window gives out when it becomes active.
    if (event->type() == QEvent::Show && watched == parent()) {
        if (widget_)
            widget_->setFocus(Qt::OtherFocusReason);
        watched->removeEventFilter(this);
        deleteLater();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tapedeck
