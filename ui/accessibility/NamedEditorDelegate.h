#pragma once

#include <QString>
#include <QStyledItemDelegate>

namespace tapedeck {

// The delegate of a list whose names are edited in place (F2 on a take or a marker): the
// line Qt opens to edit a name is a focusable field of its own, and without this a screen
// reader meets it with no name at all. Editors open only in `column`, the one that may be
// edited; each is named and described as given. GUI thread only.
class NamedEditorDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    NamedEditorDelegate(int column, QString name, QString description, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;

private:
    int column_;
    QString name_;
    QString description_;
};

} // namespace tapedeck
