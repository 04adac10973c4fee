#include "ui/transport/ToolBarFit.h"

#include <QEvent>
#include <QToolBar>

namespace tapedeck {

ToolBarFit::ToolBarFit(QToolBar& bar) : QObject(&bar), bar_(bar) {
    bar_.setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar_.installEventFilter(this);
}

bool ToolBarFit::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &bar_ && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ToolBarFit::fit() {
    // The bar's size hint is the width of all its buttons side by side, whatever its width
    // now; it is measured with the text shown, and again each time the text comes back (the
    // font or the buttons may have changed meanwhile).
    if (bar_.toolButtonStyle() == Qt::ToolButtonTextBesideIcon)
        textWidth_ = bar_.sizeHint().width();
    const Qt::ToolButtonStyle wanted =
        bar_.width() >= textWidth_ ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    if (wanted == bar_.toolButtonStyle())
        return;
    bar_.setToolButtonStyle(wanted);
    if (wanted == Qt::ToolButtonTextBesideIcon) {
        textWidth_ = bar_.sizeHint().width();
        if (bar_.width() < textWidth_)
            bar_.setToolButtonStyle(Qt::ToolButtonIconOnly); // it did not fit after all
    }
}

} // namespace tapedeck
