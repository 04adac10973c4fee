#include "ui/window/GuiMain.h"

#include "ui/instance/InstanceLaunch.h"
#include "ui/mpris/MprisService.h"
#include "ui/session/Session.h"
#include "ui/startup/FirstFrameReport.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>
#include <cstdio>

#include <functional>
#include <optional>

namespace tapedeck {

namespace {

// The desktop file's name (without .desktop), the icon's name and the AppStream id.
const QString kAppId = QStringLiteral("io.github.tapedeck.Tapedeck");

// Runs a function once, right after the window has painted for the first time (queued
// behind that paint, so the frame reaches the screen first). GUI thread.
class AfterFirstPaint : public QObject {
public:
    AfterFirstPaint(QWidget* window, std::function<void()> then)
        : QObject(window), then_(std::move(then)) {
        window->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && then_) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] {
                auto then = std::move(then_);
                then_ = nullptr;
                then();
            });
        }
        return false;
    }

private:
    std::function<void()> then_;
};

} // namespace

int runGui(int& argc, char** argv, const QStringList& files, bool toggleRecord) {
    // Without any display Qt would abort with a core dump; say what to do instead.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("tapedeck: no display was found, so the window cannot open. Start Tapedeck "
                   "from a desktop session, or use the command line (tapedeck --help).\n",
                   stderr);
        return 1;
    }
    QApplication app(argc, argv);
    FirstFrameReport::installIfAsked(); // the launch benchmark's clock
    QApplication::setOrganizationName(QStringLiteral("Tapedeck"));
    QApplication::setApplicationName(QStringLiteral("Tapedeck"));
    QApplication::setApplicationVersion(QStringLiteral(TAPEDECK_VERSION));
    QApplication::setDesktopFileName(kAppId);
    // A window already running takes this launch's files or record key instead.
    InstanceLaunch launch(files, toggleRecord);
    if (const std::optional<int> handedOver = launch.handOver())
        return *handedOver;

    Settings settings;
    // One file is shown at a time: the last one opens, the others wait in Open Recent in the
    // order given.
    for (qsizetype i = files.size() - 2; i >= 0; --i) {
        if (QFileInfo(files[i]).isFile())
            settings.addRecentFile(files[i]);
    }
    Session session(settings);
    MainWindow window(session, settings);
    launch.serve(window, session, settings);
    window.show();

    // The window paints first. Then the file (its waveform builds on a worker thread), the
    // icon theme, the search for unfinished takes (a worker thread) and PortAudio's device
    // scan, the slowest part, which opens the file's player when it is done.
    new AfterFirstPaint(&window, [&session, &window, &launch, files] {
        MprisService::publish(window, session); // media keys; nothing without a session bus
        if (!files.isEmpty())
            session.openFile(files.last());
        QApplication::setWindowIcon(
            QIcon::fromTheme(kAppId, QIcon::fromTheme(QStringLiteral("audio-input-microphone"))));
        window.lookForUnfinishedTakes();
        session.startAudio();
        launch.started(); // what other launches asked for meanwhile, after this one's file
    });
    return app.exec();
}

} // namespace tapedeck
