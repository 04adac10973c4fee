#include "ui/transport/SpeedControl.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {
// Hundredths: 0.1 steps added up land exactly on 1.0, which plays the file untouched.
double rounded(double speed) {
    return std::round(speed * 100.0) / 100.0;
}
} // namespace

SpeedControl::SpeedControl(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("SpeedControl"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    auto* label = new QLabel(tr("Speed"), this);
    box_ = new QDoubleSpinBox(this);
    box_->setObjectName(QStringLiteral("SpeedBox"));
    box_->setRange(kMinSpeed, kMaxSpeed);
    box_->setSingleStep(kStep);
    box_->setDecimals(2);
    box_->setValue(1.0);
    box_->setSuffix(QStringLiteral("×"));
    // Typing "0.75" should not pass through 0.7 and 0.75 on its way: one change, on Enter.
    box_->setKeyboardTracking(false);
    box_->setAccessibleName(tr("Playback speed"));
    const QString tip = tr("Playback speed at the same pitch (Ctrl+Up faster, Ctrl+Down slower). "
                           "Times stay those of the file.");
    box_->setToolTip(tip);
    label->setToolTip(tip);
    label->setBuddy(box_);
    layout->addWidget(label);
    layout->addWidget(box_);

    faster_ = new QAction(tr("&Faster"), this);
    faster_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    faster_->setStatusTip(tr("Play 0.1× faster, at the same pitch"));
    slower_ = new QAction(tr("Slo&wer"), this);
    slower_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    slower_->setStatusTip(tr("Play 0.1× slower, at the same pitch"));
    connect(faster_, &QAction::triggered, this, &SpeedControl::faster);
    connect(slower_, &QAction::triggered, this, &SpeedControl::slower);
    // After a typed value and Enter, the keys go back to the window: Space plays again
    // instead of typing into the box.
    connect(box_, &QAbstractSpinBox::editingFinished, box_, &QWidget::clearFocus);
    connect(box_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        updateActions();
        emit speedChanged(rounded(value));
    });
    updateActions();
}

double SpeedControl::speed() const {
    return rounded(box_->value());
}

void SpeedControl::setSpeed(double speed) {
    box_->setValue(rounded(std::clamp(speed, kMinSpeed, kMaxSpeed)));
}

void SpeedControl::faster() {
    setSpeed(speed() + kStep);
}

void SpeedControl::slower() {
    setSpeed(speed() - kStep);
}

void SpeedControl::updateActions() {
    faster_->setEnabled(speed() < kMaxSpeed);
    slower_->setEnabled(speed() > kMinSpeed);
}

} // namespace tapedeck
