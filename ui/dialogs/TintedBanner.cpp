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
    pictureLabel_ = new QLabel(this);
    pictureLabel_->setFixedSize(kIconSize, kIconSize); // the layout is the same before the picture
    pictureLabel_->setAccessibleName(accessibleName);
    iconPixmap_ = pixmap;
    return pictureLabel_;
}

QToolButton* TintedBanner::makeCloseButton(const QString& toolTip, const QString& accessibleName) {
    auto* close = new QToolButton(this);
    closeButton_ = close;
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
    if (event->type() == QEvent::StyleChange && picturesLoaded_)
        loadPictures(); // the new style's pictures
    QFrame::changeEvent(event);
}

void TintedBanner::showEvent(QShowEvent* event) {
    if (!picturesLoaded_)
        loadPictures();
    QFrame::showEvent(event);
}

void TintedBanner::loadPictures() {
    picturesLoaded_ = true;
    if (pictureLabel_)
        pictureLabel_->setPixmap(style()->standardIcon(iconPixmap_).pixmap(kIconSize));
    if (closeButton_)
        closeButton_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
}

} // namespace tapedeck
