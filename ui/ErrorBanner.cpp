#include "ErrorBanner.h"

#include "ColourMix.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace tapedeck {

namespace {

const QColor kAlertColour(218, 54, 51);
const QColor kWarningColour(230, 160, 20);
constexpr double kAlertMix = 0.22; // how much of the alert colour tints the window colour
constexpr int kIconSize = 24;

} // namespace

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Error"));

    icon_ = new QLabel(this);
    icon_->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(kIconSize));
    icon_->setAccessibleName(tr("Warning"));
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = message_->font();
    bold.setBold(true);
    message_->setFont(bold);
    message_->setAccessibleName(tr("Error message"));
    nextStep_ = new QLabel(this);
    nextStep_->setWordWrap(true);
    nextStep_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    nextStep_->setAccessibleName(tr("What to do next"));
    close_ = new QToolButton(this);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Dismiss this message"));
    close_->setAccessibleName(tr("Dismiss error"));

    auto* text = new QVBoxLayout;
    text->addWidget(message_);
    text->addWidget(nextStep_);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(close_, 0, Qt::AlignTop);

    connect(close_, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    applyColours();
    hide();
}

void ErrorBanner::showMessage(const UserMessage& text) {
    present(text, false);
}

void ErrorBanner::showWarning(const UserMessage& text) {
    present(text, true);
}

void ErrorBanner::present(const UserMessage& text, bool warning) {
    if (warning != warning_) {
        warning_ = warning;
        setAccessibleName(warning ? tr("Warning") : tr("Error"));
        applyColours();
    }
    message_->setText(text.message);
    nextStep_->setText(text.nextStep);
    nextStep_->setVisible(!text.nextStep.isEmpty());
    setAccessibleDescription(text.message + QLatin1Char(' ') + text.nextStep);
    show();
}

QString ErrorBanner::message() const {
    return message_->text();
}

QString ErrorBanner::nextStep() const {
    return nextStep_->text();
}

void ErrorBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
    QFrame::changeEvent(event);
}

void ErrorBanner::applyColours() {
    // Tint the palette's own window colour, so the banner fits light and dark themes and
    // the text keeps the theme's contrast.
    QPalette tinted = palette();
    const QColor window = parentWidget() ? parentWidget()->palette().color(QPalette::Window)
                                         : tinted.color(QPalette::Window);
    tinted.setColor(QPalette::Window,
                    mixColours(window, warning_ ? kWarningColour : kAlertColour, kAlertMix));
    if (tinted.color(QPalette::Window) != palette().color(QPalette::Window))
        setPalette(tinted);
}

} // namespace tapedeck
