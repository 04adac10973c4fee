#include "ui/dialogs/ErrorBanner.h"

#include <QDir>
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

} // namespace

ErrorBanner::ErrorBanner(QWidget* parent) : TintedBanner(parent) {
    setAccessibleName(tr("Error"));

    icon_ = makeIcon(QStyle::SP_MessageBoxWarning, tr("Warning"));
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = message_->font();
    bold.setBold(true);
    message_->setFont(bold);
    message_->setAccessibleName(tr("Error message"));
    // One line, never wrapped mid-path: shortened in the middle, the whole path in its tip.
    pathLabel_ = new QLabel(this);
    pathLabel_->setTextFormat(Qt::PlainText);
    pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pathLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    pathLabel_->setAccessibleName(tr("File"));
    pathLabel_->installEventFilter(this);
    pathLabel_->hide();
    nextStep_ = new QLabel(this);
    nextStep_->setWordWrap(true);
    nextStep_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    nextStep_->setAccessibleName(tr("What to do next"));
    QToolButton* close = makeCloseButton(tr("Dismiss this message"), tr("Dismiss error"));

    auto* text = new QVBoxLayout;
    text->addWidget(message_);
    text->addWidget(pathLabel_);
    text->addWidget(nextStep_);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
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
    path_ = QDir::toNativeSeparators(text.path);
    pathLabel_->setToolTip(path_);
    pathLabel_->setVisible(!path_.isEmpty());
    elidePath();
    nextStep_->setText(text.nextStep);
    nextStep_->setVisible(!text.nextStep.isEmpty());
    setAccessibleDescription(text.message + QLatin1Char(' ') +
                             (path_.isEmpty() ? QString() : path_ + QLatin1Char(' ')) +
                             text.nextStep);
    show();
}

void ErrorBanner::elidePath() {
    const int width = pathLabel_->width() > 1 ? pathLabel_->width() : message_->width();
    pathLabel_->setText(pathLabel_->fontMetrics().elidedText(path_, Qt::ElideMiddle, width));
}

bool ErrorBanner::eventFilter(QObject* watched, QEvent* event) {
    if (watched == pathLabel_ && event->type() == QEvent::Resize)
        elidePath();
    return TintedBanner::eventFilter(watched, event);
}

QString ErrorBanner::shownPath() const {
    return pathLabel_->isVisibleTo(this) ? pathLabel_->text() : QString();
}

QString ErrorBanner::message() const {
    return message_->text();
}

QString ErrorBanner::nextStep() const {
    return nextStep_->text();
}

QColor ErrorBanner::tint() const {
    return warning_ ? kWarningColour : kAlertColour;
}

double ErrorBanner::tintAmount() const {
    return kAlertMix;
}

} // namespace tapedeck
