#pragma once

#include "core/devices/DeviceInfo.h"
#include "ui/dialogs/UserMessage.h"
#include "ui/session/TransportState.h"

#include <QMainWindow>

#include <functional>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;

namespace tapedeck {

class DevicePicker;
class ErrorBanner;
class LevelMeter;
class RecentFilesMenu;
class RecorderControls;
class RecoveryBanner;
class RecordingScreen;
class SleepInhibitor;
class SpeedControl;
class TakeRecovery;
class Session;
class Settings;
class SelectionActions;
class SelectionBar;
class StatusLine;
class TakesPanel;
class StatusPanel;
class TransportActions;
class WaveformDocument;
class WaveformView;

// The Tapedeck window. Builds the menus, toolbar, devices panel, meters, waveform area
// and status bar, and wires them to the Session; the logic lives in those classes.
// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Session& session, Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows this device list in the devices panel, selecting the session's choice.
    void showDevices(std::vector<DeviceInfo> devices);
    // Looks (on a worker thread) for takes a crash left unfinished in the recordings
    // folder, and offers to recover them.
    void lookForUnfinishedTakes();

    // For tests.
    DevicePicker* devicePicker() const { return picker_; }
    TransportActions* transport() const { return transport_; }
    ErrorBanner* errorBanner() const { return banner_; }
    LevelMeter* levelMeter() const { return meter_; }
    StatusPanel* statusPanel() const { return status_; }
    RecentFilesMenu* recentFilesMenu() const { return recent_; }
    QAction* openAction() const { return open_; }
    WaveformView* waveformView() const { return waveform_; }
    WaveformDocument* waveformDocument() const { return document_; }
    RecoveryBanner* recoveryBanner() const { return recoveryBanner_; }
    TakeRecovery* takeRecovery() const { return recovery_; }
    RecorderControls* recorderControls() const { return controls_; }
    SpeedControl* speedControl() const { return speed_; }
    RecordingScreen* recordingScreen() const { return recordingScreen_; }
    SleepInhibitor* sleepInhibitor() const { return inhibitor_; }
    StatusLine* statusLine() const { return statusLine_; }
    SelectionBar* selectionBar() const { return selectionBar_; }
    SelectionActions* selectionActions() const { return selection_; }
    TakesPanel* takesPanel() const { return takes_; }
    QDockWidget* takesDock() const { return takesDock_; }
    QAction* showFolderAction() const { return showFolder_; }
    QAction* quitAction() const { return quit_; }
    // How a folder is shown in the file manager; false when nothing could show it.
    // Tests replace it (the default asks the desktop through QDesktopServices).
    using FolderOpener = std::function<bool(const QString& folder)>;
    void setFolderOpener(FolderOpener opener) { folderOpener_ = std::move(opener); }

    // Narrower than this, the waveform and meter stop shrinking and the devices panel
    // gives way instead.
    static constexpr int kMinimumCentralWidth = 380;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void buildCentralArea();
    void buildDevicesPanel();
    void buildTakesPanel();
    void connectSession();
    void restoreFromSettings();

    void openWithDialog();
    void chooseRecordingFolder();
    void showRecordingFolder();
    void onStateChanged(TransportState state);
    void onDocumentChanged(const QString& path);
    void onError(const UserMessage& text);
    void onWaveformOpened();
    void onTakesRecovered(const QStringList& descriptions, const QString& lastPlayable);
    void showWaveform(bool shown);
    // While a take runs: the recording screen and the sleep inhibitor.
    void followTake(TransportState state);
    void warnIfCutShort();
    void buildEditMenu();
    // The selection changed in the waveform or was typed: tell the session and the bar.
    void onSelectionChanged(std::int64_t start, std::int64_t end);
    // While a take is being recorded: asks whether to stop it and quit. The take is kept
    // either way.
    bool confirmQuitWhileRecording();

    Session& session_;
    Settings& settings_;
    TransportActions* transport_ = nullptr;
    DevicePicker* picker_ = nullptr;
    RecorderControls* controls_ = nullptr;
    QDockWidget* devicesDock_ = nullptr;
    ErrorBanner* banner_ = nullptr;
    RecoveryBanner* recoveryBanner_ = nullptr;
    TakeRecovery* recovery_ = nullptr;
    LevelMeter* meter_ = nullptr;
    StatusPanel* status_ = nullptr;
    StatusLine* statusLine_ = nullptr;
    SelectionBar* selectionBar_ = nullptr;
    SelectionActions* selection_ = nullptr;
    TakesPanel* takes_ = nullptr;
    QDockWidget* takesDock_ = nullptr;
    FolderOpener folderOpener_;
    bool devicesShown_ = false; // the saved device choice has been applied
    RecentFilesMenu* recent_ = nullptr;
    QStackedWidget* waveformArea_ = nullptr;
    QLabel* waveformPlaceholder_ = nullptr;
    WaveformView* waveform_ = nullptr;
    WaveformDocument* document_ = nullptr;
    SpeedControl* speed_ = nullptr;
    RecordingScreen* recordingScreen_ = nullptr;
    SleepInhibitor* inhibitor_ = nullptr;
    QAction* open_ = nullptr;
    QAction* chooseFolder_ = nullptr;
    QAction* showFolder_ = nullptr;
    QAction* quit_ = nullptr;
    QAction* zoomIn_ = nullptr;
    QAction* zoomOut_ = nullptr;
    QAction* about_ = nullptr;
    QAction* aboutQt_ = nullptr;
};

} // namespace tapedeck
