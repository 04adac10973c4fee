#pragma once

#include "ui/dialogs/UserMessage.h"
#include "ui/session/TransportState.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;

namespace tapedeck {

class ExportActions;
class RecentFilesMenu;
class RecorderControls;
class SelectionActions;
class Session;
class Settings;
class SpeedControl;
class TransportActions;
class WaveformView;

// The window's menu bar: File, Edit, Transport, View and Help, the actions only the menus
// hold (Open, Close, the recordings folder, Quit, zoom, Keyboard Shortcuts, About), and the
// File menu's commands themselves: open with a dialog, open a recent file, close the open
// file, choose and show the recordings folder. GUI thread only.
class WindowMenus : public QObject {
    Q_OBJECT
public:
    // How a folder is shown in the file manager; false when nothing could show it.
    using FolderOpener = std::function<bool(const QString& folder)>;

    // What the menus list besides their own actions; all of it outlives the menus.
    struct Contents {
        TransportActions& transport;
        SpeedControl& speed;
        RecorderControls& controls;
        SelectionActions& selection;
        ExportActions& exporting;
        WaveformView& waveform;
        QDockWidget& devicesDock;
        QDockWidget& takesDock;
        QAction& schedule; // Schedule Recording… (Cancel Scheduled Recording)
    };

    // Makes the actions (the tool bar shows Open too); build() puts up the menus.
    WindowMenus(QMainWindow& window, Session& session, Settings& settings);

    void build(const Contents& contents);
    // Nothing is opened or closed and the folder stays put while a take is being recorded;
    // Close needs an open file.
    void followState(TransportState state);
    // Zooming needs a waveform on screen.
    void setZoomEnabled(bool enabled);

    // Shows `folder` (made first if missing) in the file manager; false when nothing could.
    bool showFolder(const QString& folder);
    // The default asks the desktop through QDesktopServices; tests replace it.
    void setFolderOpener(FolderOpener opener) { folderOpener_ = std::move(opener); }

    QAction* openAction() const { return open_; }
    QAction* closeAction() const { return close_; }
    QAction* showFolderAction() const { return showFolder_; }
    QAction* quitAction() const { return quit_; }
    RecentFilesMenu* recentFilesMenu() const { return recent_; }

signals:
    // A menu command failed (no file manager to show the recordings folder).
    void errorOccurred(const tapedeck::UserMessage& text);
    // The person chose another recordings folder; the session has it already.
    void recordingFolderChosen();

private:
    void buildEditMenu(SelectionActions& selection);
    void connectActions(WaveformView& waveform);
    void openWithDialog();
    void chooseRecordingFolder();
    void showRecordingFolder();

    QMainWindow& window_;
    Session& session_;
    Settings& settings_;
    FolderOpener folderOpener_;
    RecentFilesMenu* recent_ = nullptr;
    QAction* open_ = nullptr;
    QAction* close_ = nullptr;
    QAction* chooseFolder_ = nullptr;
    QAction* showFolder_ = nullptr;
    QAction* quit_ = nullptr;
    QAction* zoomIn_ = nullptr;
    QAction* zoomOut_ = nullptr;
    QAction* shortcuts_ = nullptr;
    QAction* about_ = nullptr;
    QAction* aboutQt_ = nullptr;
};

} // namespace tapedeck
