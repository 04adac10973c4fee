#pragma once

#include <QObject>

class QToolBar;

namespace tapedeck {

// Keeps every button of a tool bar on it in a narrow window: the buttons show their text
// beside the icon while the bar is wide enough for that, and only the icon (the name stays
// in the tooltip and for screen readers) when it is not, instead of hiding the last ones
// behind the bar's ›› overflow button. GUI thread only.
class ToolBarFit : public QObject {
    Q_OBJECT
public:
    // Watches `bar` (and is its child).
    explicit ToolBarFit(QToolBar& bar);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fit();

    QToolBar& bar_;
    int textWidth_ = 0; // what the bar needs with the buttons' text shown
};

} // namespace tapedeck
