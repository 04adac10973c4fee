#include "ui/markers/MarkersPanel.h"

#include "ui/accessibility/NamedEditorDelegate.h"
#include "ui/markers/MarkerList.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tapedeck {

namespace {
enum Column { TimeColumn = 0, NameColumn = 1 };
} // namespace

MarkersPanel::MarkersPanel(MarkerList& markers, QWidget* parent)
    : QWidget(parent), markers_(markers) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("MarkersList"));
    list_->setAccessibleName(tr("Markers"));
    list_->setAccessibleDescription(tr("The take's markers by time; Enter moves to the "
                                       "marker, F2 renames it"));
    list_->setColumnCount(2);
    list_->setHeaderLabels({tr("Time"), tr("Name")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->header()->setStretchLastSection(true);
    // Rows are selected whole, so the keyboard never stands on the name column: F2 renames
    // the current row's marker wherever it stands.
    list_->setEditTriggers(QAbstractItemView::DoubleClicked);
    rename_ = new QAction(tr("&Rename Marker"), list_);
    rename_->setShortcut(QKeySequence(Qt::Key_F2));
    rename_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    list_->addAction(rename_);
    list_->setItemDelegate(new NamedEditorDelegate(
        NameColumn, tr("Marker name"),
        tr("Enter keeps the new name, Escape leaves the marker as it was"), list_));
    layout->addWidget(list_, 1);
    delete_ = new QPushButton(tr("Delete Mar&ker"), this);
    delete_->setToolTip(tr("Remove the selected marker"));
    delete_->setAccessibleName(tr("Delete marker"));
    delete_->setEnabled(false);
    layout->addWidget(delete_);

    connect(&markers_, &MarkerList::changed, this, &MarkersPanel::rebuild);
    connect(list_, &QTreeWidget::itemChanged, this, &MarkersPanel::onItemChanged);
    connect(list_, &QTreeWidget::itemSelectionChanged, this,
            [this] { delete_->setEnabled(!list_->selectedItems().isEmpty()); });
    connect(list_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int column) {
        if (column == TimeColumn) {
            const int row = list_->indexOfTopLevelItem(item);
            if (row >= 0 && row < static_cast<int>(markers_.markers().size()))
                emit seekRequested(markers_.markers()[row].frame);
        }
    });
    connect(delete_, &QPushButton::clicked, this, &MarkersPanel::deleteSelected);
    connect(rename_, &QAction::triggered, this, [this] {
        if (QTreeWidgetItem* item = list_->currentItem())
            list_->editItem(item, NameColumn);
    });
    rebuild();
}

QString MarkersPanel::formatTime(std::int64_t frame, int sampleRate) {
    const double seconds = sampleRate > 0 ? static_cast<double>(frame) / sampleRate : 0.0;
    const auto ms = static_cast<std::int64_t>(seconds * 1000 + 0.5);
    const auto h = ms / 3600000;
    const auto m = ms / 60000 % 60;
    const auto s = ms / 1000 % 60;
    const auto rest = ms % 1000;
    const QChar zero(QLatin1Char('0'));
    if (h > 0)
        return QStringLiteral("%1:%2:%3.%4")
            .arg(h)
            .arg(m, 2, 10, zero)
            .arg(s, 2, 10, zero)
            .arg(rest, 3, 10, zero);
    return QStringLiteral("%1:%2.%3").arg(m).arg(s, 2, 10, zero).arg(rest, 3, 10, zero);
}

void MarkersPanel::rebuild() {
    rebuilding_ = true;
    const int selected =
        list_->currentItem() ? list_->indexOfTopLevelItem(list_->currentItem()) : -1;
    list_->clear();
    for (const Marker& m : markers_.markers()) {
        auto* item = new QTreeWidgetItem(list_);
        item->setText(TimeColumn, formatTime(m.frame, markers_.sampleRate()));
        item->setText(NameColumn, QString::fromStdString(m.name));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    if (selected >= 0 && selected < list_->topLevelItemCount())
        list_->setCurrentItem(list_->topLevelItem(selected));
    delete_->setEnabled(!list_->selectedItems().isEmpty());
    rebuilding_ = false;
}

void MarkersPanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (rebuilding_)
        return;
    const int row = list_->indexOfTopLevelItem(item);
    if (column == NameColumn) {
        markers_.rename(row, item->text(NameColumn));
    } else if (row >= 0 && row < static_cast<int>(markers_.markers().size())) {
        // The time is not editable: put it back.
        QSignalBlocker block(list_);
        item->setText(TimeColumn, formatTime(markers_.markers()[row].frame, markers_.sampleRate()));
    }
}

void MarkersPanel::deleteSelected() {
    const auto items = list_->selectedItems();
    if (items.isEmpty())
        return;
    markers_.remove(list_->indexOfTopLevelItem(items.first()));
}

} // namespace tapedeck
