#include "ui/dialogs/TintedBanner.h"

#include "ui/dialogs/ColourMix.h"

#include <QEvent>
#include <QLabel>
#include <QToolButton>

namespace tapedeck {

namespace {
constexpr int kIconSize = 24;
}

TintedBanner::TintedBanner(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
}

QLabel* TintedBanner::makeIcon(QStyle::StandardPixmap pixmap, const QString& accessibleName) {
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(pixmap).pixmap(kIconSize));
    icon->setAccessibleName(accessibleName);
    return icon;
}

QToolButton* TintedBanner::makeCloseButton(const QString& toolTip, const QString& accessibleName) {
    auto* close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(toolTip);
    close->setAccessibleName(accessibleName);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    return close;
}

void TintedBanner::applyColours() {
    QPalette tinted = palette();
    const QColor window = parentWidget() ? parentWidget()->palette().color(QPalette::Window)
                                         : tinted.color(QPalette::Window);
    tinted.setColor(QPalette::Window, mixColours(window, tint(), tintAmount()));
    if (tinted.color(QPalette::Window) != palette().color(QPalette::Window))
        setPalette(tinted);
}

void TintedBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
    QFrame::changeEvent(event);
}

} // namespace tapedeck
