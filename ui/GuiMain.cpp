#include "GuiMain.h"

#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

namespace tapedeck {

namespace {
// The desktop file's name (without .desktop), the icon's name and the AppStream id.
const QString kAppId = QStringLiteral("io.github.tapedeck.Tapedeck");
} // namespace

int runGui(int& argc, char** argv, const QStringList& files) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tapedeck"));
    QApplication::setApplicationName(QStringLiteral("Tapedeck"));
    QApplication::setApplicationVersion(QStringLiteral(TAPEDECK_VERSION));
    QApplication::setDesktopFileName(kAppId);
    QApplication::setWindowIcon(
        QIcon::fromTheme(kAppId, QIcon::fromTheme(QStringLiteral("audio-input-microphone"))));

    Settings settings;
    // One file is shown at a time: the last one opens, the others wait in Open Recent in the
    // order given.
    for (qsizetype i = files.size() - 2; i >= 0; --i) {
        if (QFileInfo(files[i]).isFile())
            settings.addRecentFile(files[i]);
    }
    Session session(settings);
    MainWindow window(session, settings);
    window.show();

    // The window is on screen first; PortAudio's device scan and the file come right after.
    QTimer::singleShot(0, &session, [&session, files] {
        session.startAudio();
        if (!files.isEmpty())
            session.openFile(files.last());
    });
    return app.exec();
}

} // namespace tapedeck
