#pragma once

#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;

namespace tapedeck {

// Gives a dock its remembered width back once the window is on screen. Restoring the
// window's state is not enough: when the window first shows, Qt lays its docks out again
// from their size hints, so the width is set after that, then this object goes away.
// GUI thread only.
class DockWidthRestorer : public QObject {
    Q_OBJECT
public:
    // Does nothing when `width` is not positive. A child of `window`.
    DockWidthRestorer(QMainWindow& window, QDockWidget& dock, int width);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QMainWindow& window_;
    QPointer<QDockWidget> dock_;
    int width_ = 0;
};

} // namespace tapedeck
