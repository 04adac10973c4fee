#pragma once

#include <QMenu>
#include <QStringList>

namespace tapedeck {

// File > Open Recent: one item per file (most recent first, numbered for the keyboard),
// then "Clear Menu". Disabled when empty. GUI thread only.
class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentFilesMenu(QWidget* parent = nullptr);
    void setFiles(const QStringList& files);

signals:
    void fileChosen(const QString& path);
    void clearRequested();
};

} // namespace tapedeck
