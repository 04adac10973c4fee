#include "ui/keyboard/FocusFrameStyle.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QRect>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolButton>

namespace tapedeck {

FocusFrameStyle::FocusFrameStyle(const QString& baseStyle)
    : QProxyStyle(
          QStyleFactory::create(baseStyle.isEmpty() ? QApplication::style()->name() : baseStyle)) {}

void FocusFrameStyle::install() {
    if (qobject_cast<FocusFrameStyle*>(QApplication::style()))
        return;
    QApplication::setStyle(new FocusFrameStyle);
}

void FocusFrameStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option,
                                    QPainter* painter, const QWidget* widget) const {
    if (element != PE_FrameFocusRect) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    const bool byKeyboard = option->state.testFlag(State_KeyboardFocusChange);
    if (!byKeyboard && !qobject_cast<const QToolButton*>(widget))
        return; // a click put the focus here: the person knows where it is
    drawFrame(option->rect, option->palette.color(QPalette::Highlight), painter);
}

void FocusFrameStyle::drawControl(ControlElement element, const QStyleOption* option,
                                  QPainter* painter, const QWidget* widget) const {
    QProxyStyle::drawControl(element, option, painter, widget);
    if (element == CE_ShapedFrame && option->state.testFlag(State_HasFocus) &&
        qobject_cast<const QAbstractItemView*>(widget))
        drawFrame(option->rect, option->palette.color(QPalette::Highlight), painter);
}

void FocusFrameStyle::drawFrame(const QRect& r, const QColor& colour, QPainter* painter) {
    // Four filled bands rather than a stroked rectangle: exactly kFrameWidth pixels inside
    // the rectangle, whatever the pen and scaling would make of a line on its edge.
    painter->fillRect(QRect(r.left(), r.top(), r.width(), kFrameWidth), colour);
    painter->fillRect(QRect(r.left(), r.bottom() - kFrameWidth + 1, r.width(), kFrameWidth),
                      colour);
    painter->fillRect(QRect(r.left(), r.top(), kFrameWidth, r.height()), colour);
    painter->fillRect(QRect(r.right() - kFrameWidth + 1, r.top(), kFrameWidth, r.height()), colour);
}

} // namespace tapedeck
