#include "ui/dialogs/RecoveryBanner.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace tapedeck {

namespace {

constexpr double kTintMix = 0.18; // how much of the highlight colour tints the window colour

} // namespace

RecoveryBanner::RecoveryBanner(QWidget* parent) : TintedBanner(parent) {
    setAccessibleName(tr("Unfinished recordings"));

    icon_ = makeIcon(QStyle::SP_MessageBoxInformation, tr("Information"));
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->setAccessibleName(tr("Unfinished recordings found"));
    recover_ = new QPushButton(tr("Re&cover"), this);
    recover_->setToolTip(tr("Repair the recordings, keeping every sample that reached the disk, "
                            "and open the last one"));
    recover_->setAccessibleName(tr("Recover the unfinished recordings"));
    QToolButton* close =
        makeCloseButton(tr("Not now (Tapedeck offers again at the next start)"), tr("Dismiss"));

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(icon_, 0, Qt::AlignVCenter);
    layout->addWidget(message_, 1);
    layout->addWidget(recover_, 0, Qt::AlignVCenter);
    layout->addWidget(close, 0, Qt::AlignTop);

    connect(recover_, &QPushButton::clicked, this, &RecoveryBanner::recoverRequested);
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
    recover_->setText(working ? tr("Recovering…") : tr("Re&cover"));
}

QString RecoveryBanner::message() const {
    return message_->text();
}

QColor RecoveryBanner::tint() const {
    // The theme's own highlight: an offer, not an alarm.
    return (parentWidget() ? parentWidget()->palette() : palette()).color(QPalette::Highlight);
}

double RecoveryBanner::tintAmount() const {
    return kTintMix;
}

} // namespace tapedeck
