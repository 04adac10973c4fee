#include "ui/recording/TakeOptionsPanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>

namespace tapedeck {

namespace {
QDoubleSpinBox* spinBox(QWidget* parent, double low, double high, int decimals,
                        const QString& suffix, const QString& name) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(low, high);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setAccessibleName(name);
    box->setKeyboardTracking(false);
    return box;
}
} // namespace

TakeOptionsPanel::TakeOptionsPanel(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(6, 6, 6, 6);
    preRoll_ = spinBox(this, 0, TakeOptions::kMaxPreRollSeconds, 1, tr(" s"), tr("Pre-roll"));
    preRoll_->setToolTip(tr("While the input is monitored, a take starts with this much of "
                            "what came before Record"));
    form->addRow(tr("&Pre-roll:"), preRoll_);

    // A check box, and its value on the line below: narrow enough for a side panel.
    startOnSound_ = new QCheckBox(tr("Start when the level rises above"), this);
    startLevel_ = spinBox(this, -90, 0, 1, tr(" dBFS"), tr("Start level"));
    form->addRow(startOnSound_);
    form->addRow(QString(), startLevel_);
    stopOnSilence_ = new QCheckBox(tr("Stop after this long below it"), this);
    silence_ = spinBox(this, 0.1, 3600, 1, tr(" s"), tr("Silence before stopping"));
    form->addRow(stopOnSilence_);
    form->addRow(QString(), silence_);
    stopAfterLength_ = new QCheckBox(tr("Stop after a length of"), this);
    length_ = spinBox(this, 1, 24 * 3600, 0, tr(" s"), tr("Take length"));
    form->addRow(stopAfterLength_);
    form->addRow(QString(), length_);
    startOnSound_->setAccessibleName(tr("Start when the level rises above the start level"));
    stopOnSilence_->setAccessibleName(tr("Stop after this long below the level"));
    stopAfterLength_->setAccessibleName(tr("Stop after a length"));
    // What each does, for a screen reader and a hovering pointer alike.
    startOnSound_->setToolTip(tr("A take waits, recording nothing, until the input is louder "
                                 "than the start level"));
    startLevel_->setToolTip(tr("How loud the input must be to start the take, in dBFS"));
    stopOnSilence_->setToolTip(tr("The take ends by itself once the input has stayed below the "
                                  "start level this long"));
    silence_->setToolTip(tr("Seconds of quiet that end the take"));
    stopAfterLength_->setToolTip(tr("The take ends by itself when it is this long"));
    length_->setToolTip(tr("Seconds the take lasts"));

    const auto changed = [this] {
        updateEnabled();
        if (!setting_)
            emit optionsChanged(options());
    };
    for (QCheckBox* check : {startOnSound_, stopOnSilence_, stopAfterLength_})
        connect(check, &QCheckBox::toggled, this, changed);
    for (QDoubleSpinBox* box : {preRoll_, startLevel_, silence_, length_})
        connect(box, &QDoubleSpinBox::valueChanged, this, changed);
    setOptions(TakeOptions{});
}

void TakeOptionsPanel::setOptions(const TakeOptions& o) {
    setting_ = true;
    preRoll_->setValue(o.preRollSeconds);
    startOnSound_->setChecked(o.startOnSound);
    startLevel_->setValue(o.startAboveDbfs);
    stopOnSilence_->setChecked(o.stopOnSilence);
    silence_->setValue(o.silenceSeconds);
    stopAfterLength_->setChecked(o.stopAfterLength);
    length_->setValue(o.lengthSeconds);
    setting_ = false;
    updateEnabled();
}

TakeOptions TakeOptionsPanel::options() const {
    TakeOptions o;
    o.preRollSeconds = preRoll_->value();
    o.startOnSound = startOnSound_->isChecked();
    o.startAboveDbfs = startLevel_->value();
    o.stopOnSilence = stopOnSilence_->isChecked();
    o.silenceSeconds = silence_->value();
    o.stopAfterLength = stopAfterLength_->isChecked();
    o.lengthSeconds = length_->value();
    return o;
}

void TakeOptionsPanel::setLocked(bool locked) {
    locked_ = locked;
    updateEnabled();
}

void TakeOptionsPanel::updateEnabled() {
    for (QWidget* w :
         {static_cast<QWidget*>(preRoll_), static_cast<QWidget*>(startOnSound_),
          static_cast<QWidget*>(stopOnSilence_), static_cast<QWidget*>(stopAfterLength_)})
        w->setEnabled(!locked_);
    startLevel_->setEnabled(!locked_ && startOnSound_->isChecked());
    silence_->setEnabled(!locked_ && stopOnSilence_->isChecked());
    length_->setEnabled(!locked_ && stopAfterLength_->isChecked());
}

} // namespace tapedeck
