#pragma once

#include <QWidget>

class QLabel;
class QSlider;

namespace tapedeck {

// The chosen microphone's level on the sound server, beside the input meter: what the
// desktop's sound settings call the input volume, so other programs agree. Hidden where the
// server cannot set it (no sound server, a raw device, a source without a volume).
// GUI thread only.
class InputLevelSlider : public QWidget {
    Q_OBJECT
public:
    // The slider's steps are percent of the source's normal level, as the desktop shows them.
    static constexpr int kMaxPercent = 100;

    explicit InputLevelSlider(QWidget* parent = nullptr);

    // Shows the level the server reports (1.0: normal); negative hides the slider. A level
    // that arrives while the person drags the handle waits: the drag wins.
    void showLevel(double fraction);

    // For tests.
    QSlider* slider() const { return slider_; }

signals:
    // The person moved the slider to this level (1.0: normal).
    void levelChosen(double fraction);

private:
    void updateText(int percent);

    QSlider* slider_;
    QLabel* value_;
};

} // namespace tapedeck
