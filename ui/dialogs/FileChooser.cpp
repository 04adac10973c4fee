#include "ui/dialogs/FileChooser.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>

#include <utility>

namespace tapedeck {

namespace {

void nameList(QComboBox* box, const QString& name) {
    if (!box || !box->view() || !box->view()->accessibleName().isEmpty())
        return;
    box->view()->setAccessibleName(name);
    box->view()->setAccessibleDescription(QCoreApplication::translate(
        "tapedeck::FileChooser", "Enter picks one, Escape closes the list without changing it"));
}

// Qt's own file dialog names its buttons, fields and lists, but not the lists that drop down
// from its two combo boxes: a screen reader would meet a nameless list. Their object names
// are those of Qt's qfiledialog.ui; any other combo box gets a plain name.
void nameQtParts(QFileDialog& dialog) {
    nameList(dialog.findChild<QComboBox*>(QStringLiteral("lookInCombo")),
             QCoreApplication::translate("tapedeck::FileChooser", "Folders to look in"));
    nameList(dialog.findChild<QComboBox*>(QStringLiteral("fileTypeCombo")),
             QCoreApplication::translate("tapedeck::FileChooser", "File types"));
    for (QComboBox* other : dialog.findChildren<QComboBox*>())
        nameList(other, QCoreApplication::translate("tapedeck::FileChooser", "Choices"));
}

} // namespace

QFileDialog* askForFile(QWidget* parent, const FileQuestion& question,
                        std::function<void(const QString& path)> chosen) {
    auto* dialog = new QFileDialog(parent, question.title, question.startAt, question.filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    switch (question.kind) {
    case FileQuestion::Kind::Open:
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::ExistingFile);
        break;
    case FileQuestion::Kind::Save:
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
        dialog->setOption(QFileDialog::DontConfirmOverwrite, !question.confirmOverwrite);
        break;
    case FileQuestion::Kind::Folder:
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        break;
    }
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [chosen = std::move(chosen)](const QString& path) {
                         if (!path.isEmpty())
                             chosen(path);
                     });
    dialog->open();
    nameQtParts(*dialog); // after open(): Qt makes its widgets only when no native dialog shows
    return dialog;
}

} // namespace tapedeck
