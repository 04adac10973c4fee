#include "ui/dialogs/AboutBox.h"

#include <QCoreApplication>
#include <QIcon>
#include <QMessageBox>

namespace tapedeck {

namespace {
constexpr QSize kIconSize(64, 64);
} // namespace

QMessageBox* showAboutBox(QWidget* parent) {
    const QString title = QCoreApplication::translate("tapedeck::AboutBox", "About Tapedeck");
    const QString text =
        QCoreApplication::translate(
            "tapedeck::AboutBox", "<h3>Tapedeck %1</h3>"
                                  "<p>Record the microphone or play a sound file, without fuss.</p>"
                                  "<p>Built with Qt %2, PortAudio and libsndfile.</p>"
                                  "<p>License: %3. Tapedeck comes with no warranty.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 QStringLiteral(TAPEDECK_LICENSE));
    // What QMessageBox::about() shows (the application's icon, one OK button), opened
    // window-modal instead of in a nested event loop, so whatever asked for it (a menu, an
    // assistive tool's action) gets its answer at once.
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("AboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QIcon icon = box->windowIcon();
    box->setIconPixmap(icon.pixmap(icon.actualSize(kIconSize)));
    box->open();
    return box;
}

} // namespace tapedeck
