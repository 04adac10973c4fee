#include "ui/window/MainWindow.h"

#include "ui/devices/DevicePicker.h"
#include "ui/devices/InputRouting.h"
#include "ui/dialogs/AboutBox.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/dialogs/RecoveryBanner.h"
#include "ui/meters/LevelMeter.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/recording/SleepInhibitor.h"
#include "ui/recording/TakeRecovery.h"
#include "ui/selection/SelectionActions.h"
#include "ui/selection/SelectionBar.h"
#include "ui/session/Session.h"
#include "ui/takes/TakeListModel.h"
#include "ui/takes/TakesPanel.h"
#include "ui/transport/RecorderControls.h"
#include "ui/transport/SpeedControl.h"
#include "ui/transport/TransportActions.h"
#include "ui/transport/TransportIcon.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/OpenFileFilter.h"
#include "ui/window/RecentFilesMenu.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusLine.h"
#include "ui/window/StatusPanel.h"

#include "core/io/SoundFileFormatName.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace tapedeck {

namespace {

constexpr int kStatusMessageMs = 8000;
constexpr QSize kDefaultWindowSize(1100, 640);

QString kPlaceholderText() {
    return MainWindow::tr("Open a sound file (Ctrl+O), drop one here, or press R to record.");
}

// The first local file among dropped URLs that looks like sound.
QString droppedAudioFile(const QMimeData* data) {
    if (!data || !data->hasUrls())
        return {};
    for (const QUrl& url : data->urls()) {
        if (url.isLocalFile() && looksLikeAudioFile(url.toLocalFile()))
            return url.toLocalFile();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(Session& session, Settings& settings, QWidget* parent)
    : QMainWindow(parent), session_(session), settings_(settings) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Tapedeck"));
    setAccessibleName(tr("Tapedeck"));
    setAcceptDrops(true);
    resize(kDefaultWindowSize);

    buildActions();
    buildCentralArea();
    buildDevicesPanel();
    buildTakesPanel();
    controls_ = new RecorderControls(*this, session_, *waveform_);
    buildToolBar();
    buildMenus();
    status_ = new StatusPanel(this);
    statusBar()->addPermanentWidget(status_);
    statusLine_ = new StatusLine(statusBar(), status_, this);
    folderOpener_ = [](const QString& folder) {
        return QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    };
    connectSession();
    restoreFromSettings();
    onStateChanged(session_.state());
    showDevices(session_.devices());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
    transport_ = new TransportActions(this);
    speed_ = new SpeedControl(this);
    // On the window, so Ctrl+Up/Down work wherever the focus is.
    addAction(speed_->fasterAction());
    addAction(speed_->slowerAction());
    inhibitor_ = new SleepInhibitor(this);
    const auto makeAction = [this](const QString& text, const QKeySequence& keys,
                                   const QString& tip) {
        auto* action = new QAction(text, this);
        action->setShortcut(keys);
        action->setStatusTip(tip);
        action->setToolTip(tip);
        return action;
    };
    open_ = makeAction(tr("&Open…"), QKeySequence::Open, tr("Open a sound file"));
    open_->setIcon(transportIcon(TransportIconShape::Open));
    open_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
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
    zoomIn_->setEnabled(false); // until a waveform is shown
    zoomOut_->setEnabled(false);
    about_ = makeAction(tr("&About Tapedeck"), {}, tr("Version and license"));
    about_->setMenuRole(QAction::AboutRole);
    aboutQt_ = makeAction(tr("About &Qt"), {}, tr("The Qt version Tapedeck uses"));
    aboutQt_->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(open_);
    recent_ = new RecentFilesMenu(this);
    file->addMenu(recent_);
    file->addSeparator();
    file->addAction(selection_->exportAction());
    file->addSeparator();
    file->addAction(chooseFolder_);
    file->addAction(showFolder_);
    file->addAction(controls_->exportMarkersAction());
    file->addSeparator();
    file->addAction(quit_);
    buildEditMenu();

    QMenu* transport = menuBar()->addMenu(tr("&Transport"));
    using A = TransportAction;
    for (A which : {A::Record, A::Play, A::Pause, A::Stop})
        transport->addAction(transport_->action(which));
    transport->addSeparator();
    transport->addAction(transport_->action(A::GoToStart));
    transport->addAction(transport_->action(A::GoToEnd));
    transport->addSeparator();
    transport->addAction(transport_->action(A::Loop));
    transport->addSeparator();
    transport->addAction(controls_->monitorAction());
    transport->addAction(controls_->addMarkerAction());
    transport->addAction(controls_->previousMarkerAction());
    transport->addAction(controls_->nextMarkerAction());
    transport->addAction(speed_->fasterAction());
    transport->addAction(speed_->slowerAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(zoomIn_);
    view->addAction(zoomOut_);
    view->addSeparator();
    view->addAction(devicesDock_->toggleViewAction());
    view->addAction(controls_->markersDock()->toggleViewAction());
    view->addAction(controls_->takeOptionsDock()->toggleViewAction());
    view->addAction(takesDock_->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about_);
    help->addAction(aboutQt_);
}

void MainWindow::buildEditMenu() {
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(selection_->undoAction());
    edit->addSeparator();
    edit->addAction(selection_->selectAllAction());
    edit->addAction(selection_->clearAction());
    edit->addSeparator();
    edit->addAction(selection_->exportAction());
    edit->addAction(selection_->trimAction());
    // In the window's own action list too, so the shortcuts work wherever focus is.
    addActions({selection_->undoAction(), selection_->selectAllAction(), selection_->clearAction(),
                selection_->exportAction(), selection_->trimAction()});
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(tr("Transport"));
    bar->setObjectName(QStringLiteral("TransportToolBar"));
    bar->setAccessibleName(tr("Transport controls"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    using A = TransportAction;
    for (A which : {A::Record, A::Play, A::Pause, A::Stop})
        bar->addAction(transport_->action(which));
    bar->addSeparator();
    for (A which : {A::GoToStart, A::GoToEnd, A::Loop})
        bar->addAction(transport_->action(which));
    bar->addSeparator();
    bar->addAction(controls_->monitorAction());
    bar->addAction(controls_->addMarkerAction());
    bar->addWidget(speed_);
    bar->addSeparator();
    bar->addAction(open_);
    // Tool bars take their buttons out of the Tab chain; put them back, so the transport
    // can be reached and pressed from the keyboard alone.
    for (QAction* action : bar->actions()) {
        if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action)))
            button->setFocusPolicy(Qt::TabFocus);
    }
}

void MainWindow::buildCentralArea() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    recoveryBanner_ = new RecoveryBanner(central);
    layout->addWidget(recoveryBanner_);
    banner_ = new ErrorBanner(central);
    layout->addWidget(banner_);
    recordingScreen_ = new RecordingScreen(central);
    layout->addWidget(recordingScreen_);
    recovery_ = new TakeRecovery(this);

    waveformArea_ = new QStackedWidget(central);
    waveformPlaceholder_ = new QLabel(kPlaceholderText(), waveformArea_);
    waveformPlaceholder_->setAlignment(Qt::AlignCenter);
    waveformPlaceholder_->setWordWrap(true);
    waveformPlaceholder_->setFrameShape(QFrame::StyledPanel);
    waveformPlaceholder_->setAccessibleName(tr("Waveform"));
    waveformPlaceholder_->setForegroundRole(QPalette::PlaceholderText);
    waveform_ = new WaveformView(waveformArea_);
    waveform_->setAccessibleName(tr("Waveform"));
    waveformArea_->addWidget(waveformPlaceholder_);
    waveformArea_->addWidget(waveform_);
    waveformArea_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    // In a narrow window the devices panel gives way before the waveform and the meter get
    // too small to read.
    central->setMinimumWidth(kMinimumCentralWidth);
    layout->addWidget(waveformArea_, 1);
    selectionBar_ = new SelectionBar(central);
    layout->addWidget(selectionBar_);
    document_ = new WaveformDocument(this);
    selection_ = new SelectionActions(session_, this, this);

    meter_ = new LevelMeter(central);
    layout->addWidget(meter_);
    setCentralWidget(central);
}

void MainWindow::buildDevicesPanel() {
    picker_ = new DevicePicker(this);
    picker_->setRememberedInputs(settings_.rememberedInputs());
    picker_->setFormatCheck(
        [this](const DeviceInfo& device, Direction direction, int channels, int rate) {
            return session_.checkFormat(device, direction, channels, rate);
        });
    devicesDock_ = new QDockWidget(tr("Devices"), this);
    devicesDock_->setObjectName(QStringLiteral("DevicesDock"));
    devicesDock_->setAccessibleName(tr("Devices panel"));
    devicesDock_->setWidget(picker_);
    devicesDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    devicesDock_->toggleViewAction()->setText(tr("&Devices Panel"));
    addDockWidget(Qt::RightDockWidgetArea, devicesDock_);
}

void MainWindow::buildTakesPanel() {
    takes_ = new TakesPanel(this);
    takes_->setUndoStack(selection_->undoStack());
    takesDock_ = new QDockWidget(tr("Takes"), this);
    takesDock_->setObjectName(QStringLiteral("TakesDock"));
    takesDock_->setAccessibleName(tr("Takes panel"));
    takesDock_->setWidget(takes_);
    takesDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    QAction* toggle = takesDock_->toggleViewAction();
    toggle->setText(tr("&Takes Panel"));
    toggle->setShortcut(QKeySequence(Qt::Key_F9));
    toggle->setStatusTip(tr("Show or hide the list of recordings"));
    addAction(toggle);
    addDockWidget(Qt::LeftDockWidgetArea, takesDock_);
    takesDock_->hide(); // until the person asks for it; then the window state remembers
    takes_->setFolder(session_.recordingFolder());
    connect(takes_, &TakesPanel::openRequested, this, [this](const QString& path) {
        if (session_.state() == TransportState::Recording) {
            statusLine_->show(tr("Stop recording first to open another take."), kStatusMessageMs);
            return;
        }
        session_.openFile(path);
    });
    connect(takes_, &TakesPanel::showInFolderRequested, this, [this](const QString& folder) {
        QDir().mkpath(folder);
        if (!folderOpener_(folder))
            onError({tr("No file manager could be opened to show the folder. It is %1")
                         .arg(QDir::toNativeSeparators(folder)),
                     tr("Open that folder in a file manager or a terminal, or install a file "
                        "manager.")});
    });
    connect(takes_, &TakesPanel::errorOccurred, this, &MainWindow::onError);
    connect(takes_, &TakesPanel::statusMessage, this,
            [this](const QString& text) { statusLine_->show(text, kStatusMessageMs); });
    connect(&session_, &Session::takeSaved, takes_->model(), &TakeListModel::refresh);
    connect(&session_, &Session::documentChanged, takes_, &TakesPanel::setCurrentTake);
}

void MainWindow::connectSession() {
    using A = TransportAction;
    connect(transport_->action(A::Record), &QAction::triggered, &session_, &Session::record);
    connect(transport_->action(A::Play), &QAction::triggered, &session_, &Session::play);
    connect(transport_->action(A::Pause), &QAction::triggered, &session_, &Session::pause);
    connect(transport_->action(A::Stop), &QAction::triggered, &session_, &Session::stop);
    connect(transport_->action(A::GoToStart), &QAction::triggered, &session_, &Session::goToStart);
    connect(transport_->action(A::GoToEnd), &QAction::triggered, &session_, &Session::goToEnd);
    connect(transport_->action(A::Loop), &QAction::toggled, &session_, &Session::setLoop);

    connect(open_, &QAction::triggered, this, &MainWindow::openWithDialog);
    connect(chooseFolder_, &QAction::triggered, this, &MainWindow::chooseRecordingFolder);
    connect(showFolder_, &QAction::triggered, this, &MainWindow::showRecordingFolder);
    connect(quit_, &QAction::triggered, this, &QWidget::close);
    connect(about_, &QAction::triggered, this, [this] { showAboutBox(this); });
    connect(aboutQt_, &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(recent_, &RecentFilesMenu::fileChosen, &session_, &Session::openFile);
    connect(recent_, &RecentFilesMenu::clearRequested, this, [this] {
        settings_.clearRecentFiles();
        recent_->setFiles({});
    });
    connect(&session_, &Session::recentFilesChanged, this,
            [this] { recent_->setFiles(settings_.recentFiles()); });

    connect(picker_, &DevicePicker::choiceChanged, &session_, &Session::setDeviceChoice);
    connect(picker_, &DevicePicker::refreshRequested, &session_, &Session::refreshDevices);
    connect(&session_, &Session::devicesChanged, this, [this] { showDevices(session_.devices()); });

    connect(&session_, &Session::stateChanged, this, &MainWindow::onStateChanged);
    connect(&session_, &Session::stateChanged, this, &MainWindow::followTake);
    connect(speed_, &SpeedControl::speedChanged, &session_, &Session::setPlaybackSpeed);
    connect(inhibitor_, &SleepInhibitor::unavailable, this,
            [this](const QString& text) { statusLine_->show(text, kStatusMessageMs); });
    connect(&session_, &Session::diskTimeLeftChanged, recordingScreen_,
            &RecordingScreen::setDiskTimeLeft);
    connect(&session_, &Session::positionChanged, recordingScreen_,
            [this](qint64 frame, qint64 length, int sampleRate) {
                if (length < 0)
                    recordingScreen_->setElapsed(frame, sampleRate);
            });
    // A paused take shows PAUSED and lets the computer sleep; resuming asks again.
    connect(&session_, &Session::takePausedChanged, this, [this](bool paused) {
        recordingScreen_->setPaused(paused);
        if (session_.state() != TransportState::Recording)
            return;
        if (paused)
            inhibitor_->release();
        else
            inhibitor_->hold(tr("Recording a take"));
    });
    connect(&session_, &Session::documentChanged, this, &MainWindow::onDocumentChanged);
    connect(&session_, &Session::errorOccurred, this, &MainWindow::onError);
    connect(&session_, &Session::errorCleared, banner_, &QWidget::hide);
    connect(&session_, &Session::errorCleared, statusLine_, &StatusLine::clearError);
    connect(&session_, &Session::warningOccurred, this, [this](const UserMessage& text) {
        banner_->showWarning(text);
        statusLine_->show(text.message, kStatusMessageMs);
    });
    connect(&session_, &Session::dropoutMarked, waveform_, &WaveformView::addMarker);

    connect(recovery_, &TakeRecovery::unfinishedTakesFound, recoveryBanner_,
            &RecoveryBanner::offer);
    connect(recoveryBanner_, &RecoveryBanner::recoverRequested, this, [this] {
        recoveryBanner_->setWorking(true);
        recovery_->recoverAll();
    });
    connect(recovery_, &TakeRecovery::recovered, this, &MainWindow::onTakesRecovered);
    connect(recovery_, &TakeRecovery::failed, this,
            [this](const UserMessage& text, const QStringList& done, const QString& last) {
                onTakesRecovered(done, last);
                onError(text);
            });
    connect(&session_, &Session::statusMessage, this,
            [this](const QString& text) { statusLine_->show(text); });
    connect(&session_, &Session::positionChanged, status_, &StatusPanel::setPosition);
    connect(&session_, &Session::streamDescriptionChanged, status_,
            &StatusPanel::setStreamDescription);
    // The dropout count is the take's; playback underflows are not shown there.
    connect(&session_, &Session::countsChanged, status_, [this](qint64 dropouts, qint64 xruns) {
        if (session_.state() == TransportState::Recording)
            status_->setCounts(dropouts, xruns);
    });
    connect(&session_, &Session::diskTimeLeftChanged, status_, &StatusPanel::setDiskTimeLeft);
    connect(&session_, &Session::meterChannelsChanged, meter_, [this](int channels) {
        meter_->setChannelCount(channels);
        meter_->reset();
    });
    connect(waveform_, &WaveformView::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(selectionBar_, &SelectionBar::selectionEdited, this,
            [this](std::int64_t start, std::int64_t end) {
                waveform_->setSelection(start, end);
                onSelectionChanged(start, end);
            });
    connect(selection_->selectAllAction(), &QAction::triggered, waveform_,
            &WaveformView::selectAll);
    connect(selection_->clearAction(), &QAction::triggered, waveform_,
            &WaveformView::clearSelection);
    connect(selection_, &SelectionActions::errorOccurred, this, &MainWindow::onError);
    connect(selection_, &SelectionActions::statusMessage, this,
            [this](const QString& text) { statusLine_->show(text, kStatusMessageMs); });
    connect(zoomIn_, &QAction::triggered, waveform_, &WaveformView::zoomIn);
    connect(zoomOut_, &QAction::triggered, waveform_, &WaveformView::zoomOut);
    connect(waveform_, &WaveformView::seekRequested, &session_, &Session::seek);
    connect(document_, &WaveformDocument::opened, this, &MainWindow::onWaveformOpened);
    connect(document_, &WaveformDocument::failed, this, [this](const QString& message) {
        statusLine_->showError(tr("The waveform cannot be shown: %1").arg(message),
                               kStatusMessageMs);
    });
    connect(&session_, &Session::liveSummaryStarted, this,
            [this](std::shared_ptr<const WaveformSummary> summary, int sampleRate) {
                document_->close();
                waveform_->setMarkers({});
                status_->setFileDropouts(0);
                waveform_->setSummary(std::move(summary), sampleRate, 0);
                waveform_->setLiveMode(true);
                waveform_->setPlayhead(-1);
                showWaveform(true);
            });
    connect(&session_, &Session::positionChanged, waveform_, [this](qint64 frame, qint64 length) {
        if (length >= 0)
            waveform_->setPlayhead(frame);
    });
    connect(&session_, &Session::levelsChanged, meter_, [this](const MeterReading& reading) {
        meter_->addLevels(reading.channels, reading.peak.data(), reading.rms.data());
    });
}

void MainWindow::restoreFromSettings() {
    if (!settings_.windowGeometry().isEmpty())
        restoreGeometry(settings_.windowGeometry());
    if (!settings_.windowState().isEmpty())
        restoreState(settings_.windowState());
    transport_->setLoopEnabled(settings_.loop());
    recent_->setFiles(settings_.recentFiles());
}

void MainWindow::showDevices(std::vector<DeviceInfo> devices) {
    // The first time, the saved choice; after that, what the person last chose, so a device
    // that was unplugged and comes back is selected again.
    picker_->setDevices(std::move(devices),
                        devicesShown_ ? std::nullopt : std::optional(session_.deviceChoice()));
    devicesShown_ = true;
    // Before the first scan there is nothing to say yet.
    if (session_.hasAudio())
        picker_->setSoundServer(session_.soundServer());
    session_.setDeviceChoice(picker_->choice());
}

void MainWindow::onStateChanged(TransportState state) {
    transport_->setState(state);
    status_->setTransportState(state);
    const bool busy = state == TransportState::Recording || state == TransportState::Playing;
    picker_->setLocked(busy);
    open_->setEnabled(state != TransportState::Recording);
    recent_->setEnabled(state != TransportState::Recording && !settings_.recentFiles().isEmpty());
    chooseFolder_->setEnabled(state != TransportState::Recording);
    status_->setCountsVisible(state == TransportState::Recording);
    selection_->updateEnabled();
}

void MainWindow::onSelectionChanged(std::int64_t start, std::int64_t end) {
    session_.setSelection(start, end);
    const AudioFormat& format = document_->format();
    selectionBar_->setSelection(session_.selectionStart(), session_.selectionEnd(), format.frames,
                                format.sampleRate);
    selection_->updateEnabled();
}

void MainWindow::followTake(TransportState state) {
    const bool recording = state == TransportState::Recording;
    if (recording && !recordingScreen_->isVisible()) {
        inhibitor_->hold(tr("Recording a take"));
        const Recorder* take = session_.recorder();
        QString input;
        if (take) {
            input = tr("%1 · %2").arg(
                InputRouting::describe(take->channels(), take->firstInputChannel(), take->device()),
                QString::fromStdString(take->device().name));
        }
        recordingScreen_->start(input, session_.deviceChoice().format,
                                take ? take->sampleRate() : 0, take ? take->channels() : 0);
        recordingScreen_->show();
    } else if (!recording) {
        // Stopped, paused or failed: the computer may sleep again.
        inhibitor_->release();
        recordingScreen_->hide();
    }
}

void MainWindow::onDocumentChanged(const QString& path) {
    setWindowTitle(path.isEmpty() ? tr("Tapedeck")
                                  : tr("Tapedeck — %1").arg(QFileInfo(path).fileName()));
    if (session_.state() == TransportState::Recording)
        return; // the live waveform arrives with liveSummaryStarted
    selectionBar_->setSelection(-1, -1, 0, 0);
    selection_->updateEnabled();
    if (path.isEmpty()) {
        document_->close();
        status_->setFileDropouts(0);
        waveform_->clear();
        showWaveform(false);
    } else if (path != document_->path() || !document_->isOpen()) {
        waveform_->setMarkers({});
        status_->setFileDropouts(0);
        document_->open(path);
    }
}

void MainWindow::onWaveformOpened() {
    const AudioFormat& format = document_->format();
    waveform_->setLiveMode(false);
    waveform_->setSummary(document_->summary(), format.sampleRate, format.frames,
                          document_->path());
    waveform_->setPlayhead(0);
    waveform_->setMarkers(document_->markers());
    selectionBar_->setSelection(-1, -1, format.frames, format.sampleRate);
    showWaveform(true);
    if (session_.state() != TransportState::Recording) {
        status_->setFileDropouts(static_cast<int>(document_->markers().size()));
        session_.setDocumentFormat(format.frames, format.sampleRate, format.channels);
        // The same words as while recording ("WAV 24-bit"), not libsndfile's own.
        status_->setStreamDescription(Session::describeStream(
            format.sampleRate, format.channels,
            QString::fromStdString(describeSoundFileFormat(format.sndfileFormat))));
        warnIfCutShort();
    }
}

void MainWindow::warnIfCutShort() {
    const std::optional<WavTruncation>& cut = document_->truncation();
    const int rate = document_->format().sampleRate;
    if (!cut || rate <= 0)
        return;
    const auto seconds = [](double value) {
        return value < 10.0 ? QString::number(value, 'f', 3) : StatusPanel::formatTime(value);
    };
    const double present = static_cast<double>(cut->presentFrames) / rate;
    const double announced = static_cast<double>(cut->announcedFrames) / rate;
    const QString name = QFileInfo(document_->path()).fileName();
    const UserMessage text{
        tr("“%1” is cut short: it holds %2 s of sound (%3 bytes), but its header says %4 s.")
            .arg(name, seconds(present), QLocale().toString(cut->presentBytes), seconds(announced)),
        tr("The file was probably not copied or downloaded completely. Tapedeck plays what is "
           "there; copy the file again to get the rest.")};
    banner_->showWarning(text);
    statusLine_->show(text.message, kStatusMessageMs);
}

void MainWindow::showWaveform(bool shown) {
    waveformArea_->setCurrentWidget(shown ? static_cast<QWidget*>(waveform_)
                                          : waveformPlaceholder_);
    zoomIn_->setEnabled(shown);
    zoomOut_->setEnabled(shown);
}

void MainWindow::lookForUnfinishedTakes() {
    recovery_->scan(session_.recordingFolder());
}

void MainWindow::onTakesRecovered(const QStringList& descriptions, const QString& lastPlayable) {
    recoveryBanner_->hide();
    if (descriptions.isEmpty())
        return;
    if (!lastPlayable.isEmpty() && session_.state() != TransportState::Recording)
        session_.openFile(lastPlayable);
    statusLine_->show(descriptions.size() == 1 ? tr("Recovered %1.").arg(descriptions.first())
                                               : tr("Recovered %1 recordings: %2.")
                                                     .arg(descriptions.size())
                                                     .arg(descriptions.join(QStringLiteral(", "))));
}

void MainWindow::onError(const UserMessage& text) {
    banner_->showMessage(text);
    statusLine_->showError(text.message, kStatusMessageMs);
}

void MainWindow::openWithDialog() {
    const QStringList recent = settings_.recentFiles();
    const QString startIn =
        recent.isEmpty() ? session_.recordingFolder() : QFileInfo(recent.first()).path();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Sound File"), startIn, openFileDialogFilter());
    if (!path.isEmpty())
        session_.openFile(path);
}

void MainWindow::chooseRecordingFolder() {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Choose the Recordings Folder"),
                                                           session_.recordingFolder());
    if (!path.isEmpty()) {
        session_.setRecordingFolder(path);
        takes_->setFolder(session_.recordingFolder());
    }
}

void MainWindow::showRecordingFolder() {
    const QString folder = session_.recordingFolder();
    QDir().mkpath(folder);
    if (folderOpener_(folder))
        return;
    const QString shown = QDir::toNativeSeparators(folder);
    onError(
        {tr("No file manager could be opened to show the recordings folder. It is %1").arg(shown),
         tr("Open that folder in a file manager or a terminal, or install a file manager.")});
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Never lose a take: a running recording is stopped and finalized before quitting, once
    // the person has said that is what they want.
    if (session_.state() == TransportState::Recording) {
        if (!confirmQuitWhileRecording()) {
            event->ignore();
            return;
        }
        if (session_.state() == TransportState::Recording) // not ended while asking
            session_.stop();
    }
    settings_.setWindow(saveGeometry(), saveState());
    settings_.sync();
    event->accept();
}

bool MainWindow::confirmQuitWhileRecording() {
    QMessageBox question(QMessageBox::Question, tr("Quit Tapedeck?"),
                         tr("A take is being recorded."), QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("QuitWhileRecordingQuestion"));
    question.setInformativeText(tr("Quitting stops the recording and saves the take. What was "
                                   "recorded so far is kept either way."));
    QPushButton* quit = question.addButton(tr("Stop Recording and &Quit"), QMessageBox::AcceptRole);
    QPushButton* keep = question.addButton(tr("&Keep Recording"), QMessageBox::RejectRole);
    question.setDefaultButton(keep);
    question.setEscapeButton(keep);
    question.exec();
    return question.clickedButton() == quit;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (session_.state() != TransportState::Recording &&
        !droppedAudioFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = droppedAudioFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    session_.openFile(path);
}

} // namespace tapedeck
