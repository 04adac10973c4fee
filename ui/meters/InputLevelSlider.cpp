#include "ui/meters/InputLevelSlider.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {
constexpr int kPageStepPercent = 10;
constexpr double kPercent = 100.0;
} // namespace

InputLevelSlider::InputLevelSlider(QWidget* parent) : QWidget(parent) {
    // No Alt+letter: every free letter of the window is taken, and Tab reaches the slider.
    auto* label = new QLabel(tr("Input level:"), this);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("InputLevel"));
    slider_->setRange(0, kMaxPercent);
    slider_->setPageStep(kPageStepPercent);
    slider_->setAccessibleName(tr("Input level"));
    slider_->setToolTip(tr("The microphone's level on the sound server, as the desktop's sound "
                           "settings show it"));
    label->setBuddy(slider_);
    value_ = new QLabel(this);
    value_->setMinimumWidth(value_->fontMetrics().horizontalAdvance(tr("%1 %").arg(kMaxPercent)));
    value_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(slider_, 1);
    layout->addWidget(value_);
    connect(slider_, &QSlider::valueChanged, this, [this](int percent) {
        updateText(percent);
        emit levelChosen(percent / kPercent);
    });
    hide(); // until a level that can be set is known
}

void InputLevelSlider::showLevel(double fraction) {
    setVisible(fraction >= 0);
    if (fraction < 0 || slider_->isSliderDown())
        return;
    const int percent =
        std::clamp(static_cast<int>(std::lround(fraction * kPercent)), 0, kMaxPercent);
    const QSignalBlocker block(slider_);
    slider_->setValue(percent);
    updateText(percent);
}

void InputLevelSlider::updateText(int percent) {
    value_->setText(tr("%1 %").arg(percent));
    slider_->setAccessibleDescription(value_->text());
}

} // namespace tapedeck
