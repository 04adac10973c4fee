#include "ui/accessibility/BuiltInPartNames.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QTabBar>
#include <QTimer>
#include <QToolButton>
#include <QWidget>

namespace tapedeck {

namespace {

// The label that names `widget` in a form ("&Format:" -> "Format"), as Qt names the widget
// itself when it has no name of its own; empty when no label points at it.
QString buddyText(const QWidget& widget) {
    const QWidget* parent = widget.parentWidget();
    if (!parent)
        return {};
    for (const QLabel* label : parent->findChildren<QLabel*>(Qt::FindDirectChildrenOnly)) {
        if (label->buddy() != &widget)
            continue;
        QString text = label->text().remove(QRegularExpression(QStringLiteral("&(?!&)")));
        if (text.endsWith(QLatin1Char(':')))
            text.chop(1);
        return text.trimmed();
    }
    return {};
}

void nameComboList(QComboBox& box) {
    QAbstractItemView* list = box.view();
    if (!list || !list->accessibleName().isEmpty())
        return;
    QString name = box.accessibleName();
    if (name.isEmpty())
        name = buddyText(box);
    if (name.isEmpty())
        name = box.toolTip();
    if (name.isEmpty())
        return; // nothing to say what it holds: better Qt's own words than " choices"
    list->setAccessibleName(BuiltInPartNames::tr("%1 choices").arg(name));
    list->setAccessibleDescription(
        BuiltInPartNames::tr("The choices of %1; Enter picks one, Escape closes the list")
            .arg(name));
}

void describePanelTabScrolling(QTabBar& bar) {
    // The tab bar itself speaks its current tab ("Devices") and each tab its panel's title;
    // its scroll buttons are named by Qt ("Scroll Left") but say nothing of what they scroll.
    for (QToolButton* button : bar.findChildren<QToolButton*>()) {
        if (!button->accessibleDescription().isEmpty())
            continue;
        if (button->objectName() == QLatin1String("ScrollLeftButton"))
            button->setAccessibleDescription(BuiltInPartNames::tr("Show the earlier panel tabs"));
        else if (button->objectName() == QLatin1String("ScrollRightButton"))
            button->setAccessibleDescription(BuiltInPartNames::tr("Show the later panel tabs"));
    }
}

} // namespace

BuiltInPartNames::BuiltInPartNames(QWidget& window) : QObject(&window), window_(window) {
    window_.installEventFilter(this);
    apply();
}

void BuiltInPartNames::apply() {
    pending_ = false;
    for (QComboBox* box : window_.findChildren<QComboBox*>())
        nameComboList(*box);
    for (QTabBar* bar : window_.findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly))
        describePanelTabScrolling(*bar);
}

bool BuiltInPartNames::eventFilter(QObject* watched, QEvent* event) {
    // A child is added before it is fully made: name it once the event loop comes back.
    if (watched == &window_ && event->type() == QEvent::ChildAdded && !pending_) {
        pending_ = true;
        QTimer::singleShot(0, this, &BuiltInPartNames::apply);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tapedeck
