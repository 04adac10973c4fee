#pragma once

#include "core/devices/DeviceInfo.h"
#include "ui/session/TransportState.h"
#include "ui/window/StatusReporter.h"
#include "ui/window/TakeLifecycle.h"
#include "ui/window/WindowMenus.h"

#include <QMainWindow>

#include <cstdint>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;

namespace tapedeck {

class DevicePicker;
class ErrorBanner;
class InputLevelSlider;
class InputMeters;
class LevelMeter;
class LoudnessReadout;
class RecentFilesMenu;
class RecorderControls;
class RecoveryBanner;
class RecordingScreen;
class ScheduleActions;
class SleepInhibitor;
class SpeedControl;
class TakeRecovery;
class Session;
class Settings;
class ExportActions;
class SelectionActions;
class SelectionBar;
class StatusLine;
class TakesPanel;
class StatusPanel;
class TransportActions;
class WaveformDocument;
class WaveformView;

// The Tapedeck window's frame: lays out the toolbar, the devices and takes panels, the
// waveform area, the meter and the banners, wires them to the Session, and answers closing
// and dropped files. The menus (WindowMenus), the status bar (StatusReporter) and what
// happens as files and takes come and go (TakeLifecycle) are their own classes; the logic
// lives in those classes and the widgets. GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Session& session, Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows this device list in the devices panel, selecting the session's choice.
    void showDevices(std::vector<DeviceInfo> devices);
    // Looks (on a worker thread) for takes a crash left unfinished in the recordings
    // folder, and offers to recover them.
    void lookForUnfinishedTakes() { lifecycle_->lookForUnfinishedTakes(); }

    // For tests.
    DevicePicker* devicePicker() const { return picker_; }
    TransportActions* transport() const { return transport_; }
    ErrorBanner* errorBanner() const { return banner_; }
    // The first input's meter (the only one unless a take has two inputs), and the panel.
    LevelMeter* levelMeter() const;
    InputMeters* inputMeters() const { return meters_; }
    InputLevelSlider* inputLevel() const { return inputLevel_; }
    StatusPanel* statusPanel() const { return status_->panel(); }
    RecentFilesMenu* recentFilesMenu() const { return menus_->recentFilesMenu(); }
    QAction* openAction() const { return menus_->openAction(); }
    QAction* closeAction() const { return menus_->closeAction(); }
    WaveformView* waveformView() const { return waveform_; }
    WaveformDocument* waveformDocument() const { return document_; }
    RecoveryBanner* recoveryBanner() const { return recoveryBanner_; }
    TakeRecovery* takeRecovery() const { return recovery_; }
    RecorderControls* recorderControls() const { return controls_; }
    SpeedControl* speedControl() const { return speed_; }
    RecordingScreen* recordingScreen() const { return recordingScreen_; }
    LoudnessReadout* loudnessReadout() const { return loudness_; }
    SleepInhibitor* sleepInhibitor() const { return inhibitor_; }
    ScheduleActions* schedule() const { return schedule_; }
    StatusLine* statusLine() const { return status_->line(); }
    SelectionBar* selectionBar() const { return selectionBar_; }
    SelectionActions* selectionActions() const { return selection_; }
    ExportActions* exportActions() const { return exporting_; }
    TakesPanel* takesPanel() const { return takes_; }
    QDockWidget* takesDock() const { return takesDock_; }
    QAction* showFolderAction() const { return menus_->showFolderAction(); }
    QAction* quitAction() const { return menus_->quitAction(); }
    // How a folder is shown in the file manager; false when nothing could show it.
    // Tests replace it (the default asks the desktop through QDesktopServices).
    using FolderOpener = WindowMenus::FolderOpener;
    void setFolderOpener(FolderOpener opener) { menus_->setFolderOpener(std::move(opener)); }

    // Narrower than this, the waveform and meter stop shrinking and the devices panel
    // gives way instead.
    static constexpr int kMinimumCentralWidth = 440;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildToolBar();
    void buildCentralArea();
    void buildDevicesPanel();
    void buildTakesPanel();
    void buildMenus();
    void connectSession();
    void restoreFromSettings();

    void onStateChanged(TransportState state);
    void showWaveform(bool shown);
    // The selection changed in the waveform or was typed: tell the session and the bar.
    void onSelectionChanged(std::int64_t start, std::int64_t end);
    // While a take is being recorded: asks whether to stop it and quit. The take is kept
    // either way.
    bool confirmQuitWhileRecording();

    Session& session_;
    Settings& settings_;
    WindowMenus* menus_ = nullptr;
    StatusReporter* status_ = nullptr;
    TakeLifecycle* lifecycle_ = nullptr;
    TransportActions* transport_ = nullptr;
    DevicePicker* picker_ = nullptr;
    RecorderControls* controls_ = nullptr;
    QDockWidget* devicesDock_ = nullptr;
    ErrorBanner* banner_ = nullptr;
    RecoveryBanner* recoveryBanner_ = nullptr;
    TakeRecovery* recovery_ = nullptr;
    InputMeters* meters_ = nullptr;
    LoudnessReadout* loudness_ = nullptr;
    InputLevelSlider* inputLevel_ = nullptr;
    SelectionBar* selectionBar_ = nullptr;
    SelectionActions* selection_ = nullptr;
    ExportActions* exporting_ = nullptr;
    TakesPanel* takes_ = nullptr;
    QDockWidget* takesDock_ = nullptr;
    bool devicesShown_ = false; // the saved device choice has been applied
    QStackedWidget* waveformArea_ = nullptr;
    QLabel* waveformPlaceholder_ = nullptr;
    WaveformView* waveform_ = nullptr;
    WaveformDocument* document_ = nullptr;
    SpeedControl* speed_ = nullptr;
    RecordingScreen* recordingScreen_ = nullptr;
    SleepInhibitor* inhibitor_ = nullptr;
    ScheduleActions* schedule_ = nullptr;
};

} // namespace tapedeck
