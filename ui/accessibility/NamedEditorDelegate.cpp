#include "ui/accessibility/NamedEditorDelegate.h"

#include <QWidget>

#include <utility>

namespace tapedeck {

NamedEditorDelegate::NamedEditorDelegate(int column, QString name, QString description,
                                         QObject* parent)
    : QStyledItemDelegate(parent), column_(column), name_(std::move(name)),
      description_(std::move(description)) {}

QWidget* NamedEditorDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                           const QModelIndex& index) const {
    if (index.column() != column_)
        return nullptr; // the other columns are shown, never edited
    QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (editor) {
        editor->setAccessibleName(name_);
        editor->setAccessibleDescription(description_);
    }
    return editor;
}

} // namespace tapedeck
