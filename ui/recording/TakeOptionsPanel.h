#pragma once

#include "ui/recording/TakeOptions.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;

namespace tapedeck {

// The take options: the pre-roll kept while monitoring (0–30 s), "Start when the level
// rises above … dBFS", "Stop after … s below it", and "Stop after" a length. Locked while a
// take runs. GUI thread only.
class TakeOptionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit TakeOptionsPanel(QWidget* parent = nullptr);

    void setOptions(const TakeOptions& options); // emits nothing
    TakeOptions options() const;
    void setLocked(bool locked);

    QDoubleSpinBox* preRollBox() const { return preRoll_; }
    QCheckBox* startOnSoundBox() const { return startOnSound_; }
    QDoubleSpinBox* startLevelBox() const { return startLevel_; }
    QCheckBox* stopOnSilenceBox() const { return stopOnSilence_; }
    QDoubleSpinBox* silenceBox() const { return silence_; }
    QCheckBox* stopAfterLengthBox() const { return stopAfterLength_; }
    QDoubleSpinBox* lengthBox() const { return length_; }

signals:
    void optionsChanged(const tapedeck::TakeOptions& options);

private:
    void updateEnabled();

    QDoubleSpinBox* preRoll_ = nullptr;
    QCheckBox* startOnSound_ = nullptr;
    QDoubleSpinBox* startLevel_ = nullptr;
    QCheckBox* stopOnSilence_ = nullptr;
    QDoubleSpinBox* silence_ = nullptr;
    QCheckBox* stopAfterLength_ = nullptr;
    QDoubleSpinBox* length_ = nullptr;
    bool locked_ = false;
    bool setting_ = false;
};

} // namespace tapedeck
