#pragma once

#include <QObject>

class QWidget;

namespace tapedeck {

// Names and describes the parts Qt builds itself inside the window, which our code never
// creates and so never names: the list that drops down from each combo box, and the scroll
// buttons of the tab bar that appears when panels share a place. Without this a screen
// reader meets a nameless "list", with nothing to say what it holds. Runs
// once when made and again whenever the window gains a child (Qt makes a tab bar when panels
// are first tabbed together). A child of the window. GUI thread only.
class BuiltInPartNames : public QObject {
    Q_OBJECT
public:
    explicit BuiltInPartNames(QWidget& window);

    // Names every such part there is now; parts already named are left as they are.
    void apply();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget& window_;
    bool pending_ = false;
};

} // namespace tapedeck
