#include "ui/meters/InputMeters.h"

#include "ui/meters/LevelMeter.h"

#include <QFontMetrics>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace tapedeck {

InputMeters::InputMeters(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("InputMeters"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (int i = 0; i < kMaxInputs; ++i) {
        auto* label = new QLabel(this);
        // A long name ("Sound from … (what the computer plays)") is shortened to the width
        // there is; it never widens the window.
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        label->hide();
        auto* meter = new LevelMeter(this);
        if (i > 0)
            meter->hide();
        layout->addWidget(label);
        layout->addWidget(meter);
        labels_.push_back(label);
        meters_.push_back(meter);
    }
}

void InputMeters::showOne(int channels) {
    showInputs({}, {channels});
}

void InputMeters::showInputs(const QStringList& names, const std::vector<int>& channels) {
    inputs_ = names.size() >= 2 ? kMaxInputs : 1;
    names_ = inputs_ > 1 ? names.mid(0, kMaxInputs) : QStringList{};
    for (int i = 0; i < kMaxInputs; ++i) {
        LevelMeter* meter = meters_[static_cast<std::size_t>(i)];
        const bool shown = i < inputs_;
        if (shown && static_cast<std::size_t>(i) < channels.size())
            meter->setChannelCount(channels[static_cast<std::size_t>(i)]);
        meter->reset();
        meter->setVisible(shown);
        meter->setAccessibleName(inputs_ > 1 ? tr("Level meter: %1").arg(names_[i])
                                             : tr("Level meter"));
        labels_[static_cast<std::size_t>(i)]->setVisible(inputs_ > 1 && shown);
    }
    showNames();
}

void InputMeters::addLevels(const MeterReading& reading) {
    // Levels of an input no meter shows (a stream closing as the panel changed) are dropped.
    if (reading.input < 0 || reading.input >= inputs_)
        return;
    meter(reading.input)->addLevels(reading.channels, reading.peak.data(), reading.rms.data());
}

void InputMeters::reset() {
    for (LevelMeter* meter : meters_)
        meter->reset();
}

void InputMeters::markLost(int input) {
    if (input < 0 || input >= names_.size())
        return;
    names_[input] = tr("%1 (lost)").arg(names_[input]);
    meter(input)->reset();
    showNames();
}

QString InputMeters::inputName(int input) const {
    return input >= 0 && input < names_.size() ? names_[input] : QString();
}

void InputMeters::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    showNames();
}

void InputMeters::showNames() {
    for (int i = 0; i < names_.size(); ++i) {
        QLabel* label = labels_[static_cast<std::size_t>(i)];
        const int width = std::max(0, label->width());
        label->setText(label->fontMetrics().elidedText(names_[i], Qt::ElideMiddle, width));
        label->setToolTip(names_[i]);
    }
}

} // namespace tapedeck
