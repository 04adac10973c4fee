#include "ui/window/RecentFilesMenu.h"

#include <QDir>
#include <QFileInfo>

namespace tapedeck {

namespace {
constexpr int kNumberedItems = 9; // &1 … &9
}

RecentFilesMenu::RecentFilesMenu(QWidget* parent) : QMenu(tr("Open &Recent"), parent) {
    setAccessibleName(tr("Open recent file"));
    setFiles({});
}

void RecentFilesMenu::setFiles(const QStringList& files) {
    clear();
    int number = 1;
    for (const QString& path : files) {
        const QString name = QFileInfo(path).fileName();
        const QString label =
            number <= kNumberedItems ? QStringLiteral("&%1 %2").arg(number).arg(name) : name;
        QAction* item = addAction(label);
        item->setToolTip(QDir::toNativeSeparators(path));
        item->setStatusTip(QDir::toNativeSeparators(path));
        connect(item, &QAction::triggered, this, [this, path] { emit fileChosen(path); });
        ++number;
    }
    if (!files.isEmpty()) {
        addSeparator();
        connect(addAction(tr("&Clear Menu")), &QAction::triggered, this,
                &RecentFilesMenu::clearRequested);
    }
    setEnabled(!files.isEmpty());
    setToolTipsVisible(true);
}

} // namespace tapedeck
