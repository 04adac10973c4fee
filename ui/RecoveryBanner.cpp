#include "RecoveryBanner.h"

#include "ColourMix.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace tapedeck {

namespace {

constexpr double kTintMix = 0.18; // how much of the highlight colour tints the window colour
constexpr int kIconSize = 24;

} // namespace

RecoveryBanner::RecoveryBanner(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Unfinished recordings"));

    icon_ = new QLabel(this);
    icon_->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(kIconSize));
    icon_->setAccessibleName(tr("Information"));
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->setAccessibleName(tr("Unfinished recordings found"));
    recover_ = new QPushButton(tr("&Recover"), this);
    recover_->setToolTip(tr("Repair the recordings, keeping every sample that reached the disk, "
                            "and open the last one"));
    recover_->setAccessibleName(tr("Recover the unfinished recordings"));
    close_ = new QToolButton(this);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Not now (Tapedeck offers again at the next start)"));
    close_->setAccessibleName(tr("Dismiss"));

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(icon_, 0, Qt::AlignVCenter);
    layout->addWidget(message_, 1);
    layout->addWidget(recover_, 0, Qt::AlignVCenter);
    layout->addWidget(close_, 0, Qt::AlignTop);

    connect(recover_, &QPushButton::clicked, this, &RecoveryBanner::recoverRequested);
    connect(close_, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    applyColours();
    hide();
}

void RecoveryBanner::offer(const QStringList& takePaths) {
    QStringList names;
    for (const QString& path : takePaths)
        names.append(QFileInfo(path).fileName());
    const QString list = names.join(QStringLiteral(", "));
    message_->setText(names.size() == 1
                          ? tr("Tapedeck found 1 recording that was not finished (%1).").arg(list)
                          : tr("Tapedeck found %1 recordings that were not finished (%2).")
                                .arg(names.size())
                                .arg(list));
    setAccessibleDescription(message_->text());
    setWorking(false);
    show();
}

void RecoveryBanner::setWorking(bool working) {
    recover_->setEnabled(!working);
    recover_->setText(working ? tr("Recovering…") : tr("&Recover"));
}

QString RecoveryBanner::message() const {
    return message_->text();
}

void RecoveryBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
    QFrame::changeEvent(event);
}

void RecoveryBanner::applyColours() {
    // A tint of the theme's own colours, so it fits light and dark palettes.
    QPalette tinted = palette();
    const QPalette& source = parentWidget() ? parentWidget()->palette() : tinted;
    tinted.setColor(QPalette::Window, mixColours(source.color(QPalette::Window),
                                                 source.color(QPalette::Highlight), kTintMix));
    if (tinted.color(QPalette::Window) != palette().color(QPalette::Window))
        setPalette(tinted);
}

} // namespace tapedeck
