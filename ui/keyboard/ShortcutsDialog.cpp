#include "ui/keyboard/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tapedeck {

namespace {

constexpr QSize kDefaultSize(460, 520);

// Where an action found on a widget (not in a menu) works: the panel around the widget, or
// the window as a whole.
QString groupOf(QWidget* widget, QWidget& window) {
    for (QWidget* w = widget; w && w != &window; w = w->parentWidget()) {
        if (auto* dock = qobject_cast<QDockWidget*>(w))
            return dock->windowTitle();
    }
    return ShortcutsDialog::tr("Anywhere in the window");
}

QString keysText(const QList<QKeySequence>& keys, QKeySequence::SequenceFormat format) {
    QStringList texts;
    for (const QKeySequence& key : keys)
        texts.append(key.toString(format));
    return texts.join(format == QKeySequence::NativeText ? ShortcutsDialog::tr(" or ")
                                                         : QStringLiteral("\n"));
}

} // namespace

QString ShortcutsDialog::withoutMnemonic(const QString& text) {
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&') && i + 1 < text.size())
            ++i; // "&x" → "x", "&&" → "&"
        plain.append(text[i]);
    }
    return plain;
}

std::vector<ShortcutsDialog::Entry> ShortcutsDialog::collect(QWidget& window) {
    std::vector<Entry> entries;
    QSet<QAction*> listed;
    const auto add = [&](QAction* action, const QString& group) {
        if (action->isSeparator() || action->shortcuts().isEmpty() || listed.contains(action))
            return;
        listed.insert(action);
        entries.push_back({group, withoutMnemonic(action->text()), action->shortcuts(), action});
    };
    // The menus first, in the menu bar's order, so the list reads like the menus.
    if (QMenuBar* bar = window.findChild<QMenuBar*>()) {
        for (QAction* top : bar->actions()) {
            if (!top->menu())
                continue;
            const QString group = withoutMnemonic(top->text());
            QList<QMenu*> menus{top->menu()};
            while (!menus.isEmpty()) {
                for (QAction* action : menus.takeFirst()->actions()) {
                    add(action, group);
                    if (action->menu())
                        menus.append(action->menu());
                }
            }
        }
    }
    // Then keys that live only on the window or a panel (a list's Rename, say).
    QList<QWidget*> widgets{&window};
    widgets.append(window.findChildren<QWidget*>());
    for (QWidget* widget : widgets) {
        if (qobject_cast<QMenu*>(widget) || qobject_cast<QMenuBar*>(widget))
            continue; // context menus repeat their widget's actions
        for (QAction* action : widget->actions())
            add(action, groupOf(widget, window));
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget& window) : QDialog(&window) {
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(kDefaultSize);

    auto* intro = new QLabel(tr("Keys that work in the Tapedeck window. Alt with the underlined "
                                "letter opens a menu or moves to a field."),
                             this);
    intro->setWordWrap(true);
    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("ShortcutsList"));
    list_->setAccessibleName(tr("Keyboard shortcuts"));
    list_->setHeaderLabels({tr("Command"), tr("Keys")});
    list_->setRootIsDecorated(false);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setAllColumnsShowFocus(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(false);

    QString group;
    for (const Entry& entry : collect(window)) {
        if (entry.group != group) {
            group = entry.group;
            auto* heading = new QTreeWidgetItem(list_, {group});
            heading->setFlags(Qt::ItemIsEnabled);
            heading->setFirstColumnSpanned(true);
            QFont bold = heading->font(0);
            bold.setBold(true);
            heading->setFont(0, bold);
        }
        auto* row = new QTreeWidgetItem(
            list_, {entry.command, keysText(entry.keys, QKeySequence::NativeText)});
        row->setData(0, Qt::UserRole, keysText(entry.keys, QKeySequence::PortableText));
        row->setToolTip(0, entry.action->statusTip());
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list_, 1);
    layout->addWidget(buttons);
}

} // namespace tapedeck
