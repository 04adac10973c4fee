#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <vector>

class QAction;
class QTreeWidget;

namespace tapedeck {

// Help › Keyboard Shortcuts: every key the window answers to, and what it does. The list is
// made from the window's own actions each time the dialog opens (the menus' entries, then
// the actions of the window and its panels), so a new action with a shortcut shows up here
// by itself. GUI thread only.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    // One action with at least one shortcut.
    struct Entry {
        QString group;   // the menu, or the panel the keys work in
        QString command; // the action's text, without the '&'
        QList<QKeySequence> keys;
        QAction* action = nullptr;
    };

    // Lists `window`'s shortcuts; the dialog is a child of it.
    explicit ShortcutsDialog(QWidget& window);

    // The actions of `window` that have a shortcut, in the order of the menus; each once.
    static std::vector<Entry> collect(QWidget& window);
    // "&Open…" → "Open…"; "&&" stays one '&'.
    static QString withoutMnemonic(const QString& text);

    // For tests: one row an action, the command in column 0 and the keys in column 1; each
    // row's Qt::UserRole holds its keys as portable text (QKeySequence::toString()).
    QTreeWidget* list() const { return list_; }

private:
    QTreeWidget* list_ = nullptr;
};

} // namespace tapedeck
