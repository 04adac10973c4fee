#pragma once

#include <QWidget>

class QAction;
class QDoubleSpinBox;

namespace tapedeck {

// The playback speed in the transport area: a compact spin box (0.5× to 2×, in 0.1 steps)
// and the Faster (Ctrl+Up) and Slower (Ctrl+Down) actions. The speed is kept for the rest of
// the session, across files; the playhead and times stay in file time (the Player maps them).
// GUI thread only.
class SpeedControl : public QWidget {
    Q_OBJECT
public:
    static constexpr double kMinSpeed = 0.5;
    static constexpr double kMaxSpeed = 2.0;
    static constexpr double kStep = 0.1;

    explicit SpeedControl(QWidget* parent = nullptr);

    double speed() const;
    // Clamped to kMinSpeed..kMaxSpeed and rounded to hundredths; emits speedChanged() if it
    // changed.
    void setSpeed(double speed);
    // One step faster or slower, as Ctrl+Up and Ctrl+Down do.
    void faster();
    void slower();

    // To add to the window (so the keys work wherever the focus is) and to a menu.
    QAction* fasterAction() const { return faster_; }
    QAction* slowerAction() const { return slower_; }
    QDoubleSpinBox* spinBox() const { return box_; }

signals:
    void speedChanged(double speed);

private:
    void updateActions();

    QDoubleSpinBox* box_ = nullptr;
    QAction* faster_ = nullptr;
    QAction* slower_ = nullptr;
};

} // namespace tapedeck
