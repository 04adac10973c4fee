#pragma once

#include <QWidget>

#include <cstdint>

class QAction;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tapedeck {

class MarkerList;

// The markers panel: each marker's time and name. Names are edited in place (F2 or a
// double click on the name); Delete removes the selected marker; a double click on the time
// (or Enter) moves the position there. GUI thread only.
class MarkersPanel : public QWidget {
    Q_OBJECT
public:
    explicit MarkersPanel(MarkerList& markers, QWidget* parent = nullptr);

    QTreeWidget* list() const { return list_; }
    QPushButton* deleteButton() const { return delete_; }
    // "1:02.345" (or "1:02:03.456" past an hour).
    static QString formatTime(std::int64_t frame, int sampleRate);

signals:
    void seekRequested(std::int64_t frame);

private:
    void rebuild();
    void onItemChanged(QTreeWidgetItem* item, int column);
    void deleteSelected();

    MarkerList& markers_;
    QTreeWidget* list_ = nullptr;
    QPushButton* delete_ = nullptr;
    QAction* rename_ = nullptr; // F2
    bool rebuilding_ = false;
};

} // namespace tapedeck
