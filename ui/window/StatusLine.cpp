#include "ui/window/StatusLine.h"

#include <QEvent>
#include <QFontMetrics>
#include <QStatusBar>

#include <algorithm>

namespace tapedeck {

namespace {

// QStatusBar draws its message from x = 6 and stops 2 px short of the first permanent
// widget; keep a word's width of air before the time as well.
constexpr int kLeftMargin = 6;
constexpr int kGapBeforePanel = 16;

} // namespace

StatusLine::StatusLine(QStatusBar* bar, QWidget* permanent, QObject* parent)
    : QObject(parent), bar_(bar), permanent_(permanent) {
    bar_->installEventFilter(this);
    permanent_->installEventFilter(this);
    // The bar's own timeout clears the message; forget it then too.
    connect(bar_, &QStatusBar::messageChanged, this, [this](const QString& shown) {
        if (shown.isEmpty()) {
            text_.clear();
            isError_ = false;
            bar_->setToolTip({});
        }
    });
}

void StatusLine::show(const QString& text, int timeoutMs) {
    text_ = text;
    isError_ = false;
    timeoutMs_ = timeoutMs;
    shownFor_.start();
    present();
}

void StatusLine::showError(const QString& text, int timeoutMs) {
    show(text, timeoutMs);
    isError_ = true;
}

void StatusLine::clearError() {
    if (!isError_)
        return;
    text_.clear();
    isError_ = false;
    bar_->clearMessage();
}

QString StatusLine::fullText() const {
    return text_;
}

int StatusLine::availableWidth() const {
    const int right = permanent_->isVisible() ? permanent_->x() : bar_->width();
    return std::max(0, right - kLeftMargin - kGapBeforePanel);
}

void StatusLine::present() {
    if (text_.isEmpty()) {
        bar_->clearMessage();
        return;
    }
    int timeout = 0;
    if (timeoutMs_ > 0) {
        timeout = timeoutMs_ - static_cast<int>(shownFor_.elapsed());
        if (timeout <= 0) {
            bar_->clearMessage();
            return;
        }
    }
    const QString shown =
        bar_->fontMetrics().elidedText(text_, Qt::ElideRight, availableWidth(), Qt::TextSingleLine);
    bar_->setToolTip(shown == text_ ? QString() : text_);
    bar_->showMessage(shown, timeout);
}

bool StatusLine::eventFilter(QObject* watched, QEvent* event) {
    // A narrower window, or a wider time, leaves less room: shorten the text again.
    const bool geometry = event->type() == QEvent::Resize || event->type() == QEvent::Move;
    if (geometry && (watched == bar_ || watched == permanent_) && !text_.isEmpty() &&
        !bar_->currentMessage().isEmpty())
        present();
    return QObject::eventFilter(watched, event);
}

} // namespace tapedeck
