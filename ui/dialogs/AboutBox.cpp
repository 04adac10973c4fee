#include "ui/dialogs/AboutBox.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace tapedeck {

void showAboutBox(QWidget* parent) {
    const QString title = QCoreApplication::translate("tapedeck::AboutBox", "About Tapedeck");
    const QString text =
        QCoreApplication::translate(
            "tapedeck::AboutBox", "<h3>Tapedeck %1</h3>"
                                  "<p>Record the microphone or play a sound file, without fuss.</p>"
                                  "<p>Built with Qt %2, PortAudio and libsndfile.</p>"
                                  "<p>License: %3. Tapedeck comes with no warranty.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 QStringLiteral(TAPEDECK_LICENSE));
    QMessageBox::about(parent, title, text);
}

} // namespace tapedeck
