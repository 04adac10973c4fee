#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace tapedeck {

// Puts the focus on one widget when its window is first shown, so the window opens with the
// focus where a person starts (not on whatever happens to be first in the Tab chain). Set
// before that, the focus would be lost while the window is still being laid out. Then it
// lets go. GUI thread only.
class InitialFocus : public QObject {
    Q_OBJECT
public:
    // Watches `widget`'s window; a child of that window.
    explicit InitialFocus(QWidget& widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> widget_;
};

} // namespace tapedeck
