#include "GuiMain.h"

#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>

namespace tapedeck {

int runGui(int& argc, char** argv, const QStringList& files) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tapedeck"));
    QApplication::setApplicationName(QStringLiteral("Tapedeck"));
    QApplication::setApplicationVersion(QStringLiteral(TAPEDECK_VERSION));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("audio-input-microphone")));

    Settings settings;
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
