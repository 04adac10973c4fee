#include "ui/window/WindowMenus.h"

#include "ui/dialogs/AboutBox.h"
#include "ui/dialogs/FileChooser.h"
#include "ui/export/ExportActions.h"
#include "ui/keyboard/ShortcutsDialog.h"
#include "ui/selection/SelectionActions.h"
#include "ui/session/Session.h"
#include "ui/transport/RecorderControls.h"
#include "ui/transport/SpeedControl.h"
#include "ui/transport/TransportActions.h"
#include "ui/transport/TransportIcon.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/OpenFileFilter.h"
#include "ui/window/RecentFilesMenu.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QUrl>

namespace tapedeck {

WindowMenus::WindowMenus(QMainWindow& window, Session& session, Settings& settings)
    : QObject(&window), window_(window), session_(session), settings_(settings) {
    const auto makeAction = [this](const QString& text, const QKeySequence& keys,
                                   const QString& tip) {
        auto* action = new QAction(text, &window_);
        action->setShortcut(keys);
        action->setStatusTip(tip);
        action->setToolTip(tip);
        return action;
    };
    open_ = makeAction(tr("&Open…"), QKeySequence::Open, tr("Open a sound file"));
    open_->setIcon(transportIcon(TransportIconShape::Open));
    open_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    close_ = makeAction(tr("&Close"), QKeySequence(Qt::CTRL | Qt::Key_W),
                        tr("Close the open file; Tapedeck stays open"));
    close_->setEnabled(false); // until a file is open
    chooseFolder_ =
        makeAction(tr("Recordings &Folder…"), {}, tr("Choose where new recordings are saved"));
    showFolder_ = makeAction(tr("&Show Recordings Folder"), {},
                             tr("Open the recordings folder in the file manager"));
    quit_ = makeAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Quit Tapedeck"));
    quit_->setMenuRole(QAction::QuitRole);
    zoomIn_ = makeAction(tr("Zoom &In"), {}, tr("Show less time, in more detail"));
    zoomIn_->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    zoomOut_ = makeAction(tr("Zoom &Out"), {}, tr("Show more time"));
    zoomOut_->setShortcut(QKeySequence(Qt::Key_Minus));
    setZoomEnabled(false); // until a waveform is shown
    shortcuts_ = makeAction(tr("&Keyboard Shortcuts"), QKeySequence(Qt::Key_F1),
                            tr("Every key Tapedeck answers to"));
    window_.addAction(shortcuts_); // F1 works wherever the focus is
    about_ = makeAction(tr("&About Tapedeck"), {}, tr("Version and license"));
    about_->setMenuRole(QAction::AboutRole);
    aboutQt_ = makeAction(tr("About &Qt"), {}, tr("The Qt version Tapedeck uses"));
    aboutQt_->setMenuRole(QAction::AboutQtRole);
    folderOpener_ = [](const QString& folder) {
        return QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    };
}

void WindowMenus::build(const Contents& contents) {
    QMenuBar* bar = window_.menuBar();
    QMenu* file = bar->addMenu(tr("&File"));
    file->addAction(open_);
    recent_ = new RecentFilesMenu(&window_);
    file->addMenu(recent_);
    file->addAction(close_);
    window_.addAction(close_); // Ctrl+W wherever the focus is
    file->addSeparator();
    file->addAction(contents.exporting.exportAction());
    file->addAction(contents.selection.exportAction());
    file->addSeparator();
    file->addAction(chooseFolder_);
    file->addAction(showFolder_);
    file->addAction(contents.controls.exportMarkersAction());
    file->addSeparator();
    file->addAction(quit_);
    buildEditMenu(contents.selection);

    QMenu* transport = bar->addMenu(tr("&Transport"));
    using A = TransportAction;
    for (A which : {A::Record, A::Play, A::Pause, A::Stop})
        transport->addAction(contents.transport.action(which));
    transport->addAction(&contents.schedule);
    transport->addSeparator();
    transport->addAction(contents.transport.action(A::GoToStart));
    transport->addAction(contents.transport.action(A::GoToEnd));
    transport->addSeparator();
    transport->addAction(contents.transport.action(A::Loop));
    transport->addSeparator();
    transport->addAction(contents.controls.monitorAction());
    transport->addAction(contents.controls.addMarkerAction());
    transport->addAction(contents.controls.previousMarkerAction());
    transport->addAction(contents.controls.nextMarkerAction());
    transport->addAction(contents.speed.fasterAction());
    transport->addAction(contents.speed.slowerAction());

    QMenu* view = bar->addMenu(tr("&View"));
    view->addAction(zoomIn_);
    view->addAction(zoomOut_);
    view->addSeparator();
    view->addAction(contents.devicesDock.toggleViewAction());
    view->addAction(contents.controls.markersDock()->toggleViewAction());
    view->addAction(contents.controls.takeOptionsDock()->toggleViewAction());
    view->addAction(contents.takesDock.toggleViewAction());

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addAction(shortcuts_);
    help->addSeparator();
    help->addAction(about_);
    help->addAction(aboutQt_);

    connectActions(contents.waveform);
    recent_->setFiles(settings_.recentFiles());
}

void WindowMenus::buildEditMenu(SelectionActions& selection) {
    QMenu* edit = window_.menuBar()->addMenu(tr("&Edit"));
    edit->addAction(selection.undoAction());
    edit->addSeparator();
    edit->addAction(selection.selectAllAction());
    edit->addAction(selection.clearAction());
    edit->addSeparator();
    edit->addAction(selection.exportAction());
    edit->addAction(selection.trimAction());
    // In the window's own action list too, so the shortcuts work wherever focus is.
    window_.addActions({selection.undoAction(), selection.selectAllAction(),
                        selection.clearAction(), selection.exportAction(), selection.trimAction()});
}

void WindowMenus::connectActions(WaveformView& waveform) {
    connect(open_, &QAction::triggered, this, &WindowMenus::openWithDialog);
    connect(chooseFolder_, &QAction::triggered, this, &WindowMenus::chooseRecordingFolder);
    connect(showFolder_, &QAction::triggered, this, &WindowMenus::showRecordingFolder);
    connect(quit_, &QAction::triggered, &window_, &QWidget::close);
    connect(shortcuts_, &QAction::triggered, this, [this] {
        // Made afresh each time from the window's actions, so it lists what is there now.
        auto* dialog = new ShortcutsDialog(window_);
        dialog->show();
    });
    connect(close_, &QAction::triggered, &session_, &Session::closeFile);
    connect(&session_, &Session::documentChanged, this, [this] { followState(session_.state()); });
    connect(about_, &QAction::triggered, this, [this] { showAboutBox(&window_); });
    // Qt's box runs its own event loop: queued, so whatever asked for it (a menu, an assistive
    // tool's action over AT-SPI) has its answer before that loop starts.
    connect(aboutQt_, &QAction::triggered, qApp, &QApplication::aboutQt, Qt::QueuedConnection);
    connect(zoomIn_, &QAction::triggered, &waveform, &WaveformView::zoomIn);
    connect(zoomOut_, &QAction::triggered, &waveform, &WaveformView::zoomOut);

    connect(recent_, &RecentFilesMenu::fileChosen, &session_, &Session::openFile);
    connect(recent_, &RecentFilesMenu::clearRequested, this, [this] {
        settings_.clearRecentFiles();
        recent_->setFiles({});
    });
    connect(&session_, &Session::recentFilesChanged, this,
            [this] { recent_->setFiles(settings_.recentFiles()); });
}

void WindowMenus::followState(TransportState state) {
    const bool recording = state == TransportState::Recording;
    open_->setEnabled(!recording);
    recent_->setEnabled(!recording && !settings_.recentFiles().isEmpty());
    chooseFolder_->setEnabled(!recording);
    close_->setEnabled(!recording && !session_.currentPath().isEmpty());
}

void WindowMenus::setZoomEnabled(bool enabled) {
    zoomIn_->setEnabled(enabled);
    zoomOut_->setEnabled(enabled);
}

bool WindowMenus::showFolder(const QString& folder) {
    QDir().mkpath(folder);
    return folderOpener_(folder);
}

void WindowMenus::openWithDialog() {
    const QStringList recent = settings_.recentFiles();
    const QString startIn =
        recent.isEmpty() ? session_.recordingFolder() : QFileInfo(recent.first()).path();
    askForFile(&window_,
               {FileQuestion::Kind::Open, tr("Open Sound File"), startIn, openFileDialogFilter()},
               [this](const QString& path) { session_.openFile(path); });
}

void WindowMenus::chooseRecordingFolder() {
    askForFile(&window_,
               {FileQuestion::Kind::Folder,
                tr("Choose the Recordings Folder"),
                session_.recordingFolder(),
                {}},
               [this](const QString& path) {
                   session_.setRecordingFolder(path);
                   emit recordingFolderChosen();
               });
}

void WindowMenus::showRecordingFolder() {
    const QString folder = session_.recordingFolder();
    if (showFolder(folder))
        return;
    const QString shown = QDir::toNativeSeparators(folder);
    emit errorOccurred(
        {tr("No file manager could be opened to show the recordings folder. It is %1").arg(shown),
         tr("Open that folder in a file manager or a terminal, or install a file manager.")});
}

} // namespace tapedeck
