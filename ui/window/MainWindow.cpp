#include "ui/window/MainWindow.h"

#include "core/loudness/LiveLoudness.h"
#include "ui/accessibility/AccessibleInterfaces.h"
#include "ui/accessibility/BuiltInPartNames.h"
#include "ui/accessibility/RecordingAnnouncer.h"
#include "ui/devices/DevicePicker.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/dialogs/RecoveryBanner.h"
#include "ui/export/ExportActions.h"
#include "ui/keyboard/FocusFrameStyle.h"
#include "ui/keyboard/InitialFocus.h"
#include "ui/meters/InputLevelSlider.h"
#include "ui/meters/InputMeters.h"
#include "ui/meters/LevelMeter.h"
#include "ui/meters/LoudnessReadout.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/recording/SleepInhibitor.h"
#include "ui/recording/TakeRecovery.h"
#include "ui/schedule/ScheduleActions.h"
#include "ui/selection/SelectionActions.h"
#include "ui/selection/SelectionBar.h"
#include "ui/session/Session.h"
#include "ui/takes/TakeListModel.h"
#include "ui/takes/TakesPanel.h"
#include "ui/transport/RecorderControls.h"
#include "ui/transport/SpeedControl.h"
#include "ui/transport/ToolBarFit.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/DockWidthRestorer.h"
#include "ui/window/EnglishPlurals.h"
#include "ui/window/OpenFileFilter.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusPanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace tapedeck {

namespace {

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
    EnglishPlurals::install(); // "2 seconds", not "2 second(s)"
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Tapedeck"));
    setAccessibleName(tr("Tapedeck"));
    setAcceptDrops(true);
    resize(kDefaultWindowSize);
    FocusFrameStyle::install();      // before the widgets, so they are made with it
    AccessibleInterfaces::install(); // the meter and waveform speak for themselves

    buildActions();
    buildCentralArea();
    buildDevicesPanel();
    buildTakesPanel();
    controls_ = new RecorderControls(*this, session_, *waveform_);
    buildToolBar();
    status_ = new StatusReporter(*this, session_, *banner_, this);
    schedule_ = new ScheduleActions(*this, session_, *status_);
    buildMenus();
    new RecordingAnnouncer(session_, *status_->panel(), this);
    connectSession();
    lifecycle_ = new TakeLifecycle(*this, session_,
                                   {*document_, *waveform_, *selectionBar_, *selection_,
                                    *recordingScreen_, *inhibitor_, *recovery_, *recoveryBanner_},
                                   *status_);
    connect(lifecycle_, &TakeLifecycle::waveformShown, this, &MainWindow::showWaveform);
    restoreFromSettings();
    onStateChanged(session_.state());
    showDevices(session_.devices());
    new BuiltInPartNames(*this); // combo lists and panel tabs, which Qt makes unnamed
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
    transport_ = new TransportActions(this);
    speed_ = new SpeedControl(this);
    // On the window, so Ctrl+Up/Down work wherever the focus is.
    addAction(speed_->fasterAction());
    addAction(speed_->slowerAction());
    inhibitor_ = new SleepInhibitor(this);
    menus_ = new WindowMenus(*this, session_, settings_);
}

void MainWindow::buildMenus() {
    menus_->build({*transport_, *speed_, *controls_, *selection_, *exporting_, *waveform_,
                   *devicesDock_, *takesDock_, *schedule_->action()});
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(tr("Transport"));
    bar->setObjectName(QStringLiteral("TransportToolBar"));
    bar->setAccessibleName(tr("Transport controls"));
    bar->setMovable(false);
    new ToolBarFit(*bar); // text beside the icons, or only icons in a narrow window
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
    bar->addAction(menus_->openAction());
    // Tool bars take their buttons out of the Tab chain; put them back, so the transport
    // can be reached and pressed from the keyboard alone.
    for (QAction* action : bar->actions()) {
        if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action)))
            button->setFocusPolicy(Qt::TabFocus);
    }
    // The window opens with the focus on Record: Space or Enter starts a take, Tab moves on.
    new InitialFocus(*bar->widgetForAction(transport_->action(A::Record)));
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
    exporting_ = new ExportActions(session_, this, this);

    meters_ = new InputMeters(central);
    layout->addWidget(meters_);
    loudness_ = new LoudnessReadout(central);
    loudness_->setAccessibleName(tr("Loudness"));
    layout->addWidget(loudness_);
    inputLevel_ = new InputLevelSlider(central);
    layout->addWidget(inputLevel_);
    setCentralWidget(central);
}

void MainWindow::buildDevicesPanel() {
    picker_ = new DevicePicker(this);
    picker_->setRememberedInputs(settings_.rememberedInputs());
    picker_->alsoRecord()->select(settings_.secondInput()); // applied as the devices come
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
    connect(&session_, &Session::takeSaved, takes_->model(), &TakeListModel::refresh);
    connect(&session_, &Session::documentChanged, takes_, &TakesPanel::setCurrentTake);
    connect(&session_, &Session::stateChanged, takes_, [this](TransportState state) {
        takes_->setBusyTake(state == TransportState::Recording ? session_.currentPath()
                                                               : QString());
    });
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
    connect(speed_, &SpeedControl::speedChanged, &session_, &Session::setPlaybackSpeed);
    connect(&session_, &Session::stateChanged, this, &MainWindow::onStateChanged);

    connect(menus_, &WindowMenus::errorOccurred, status_, &StatusReporter::showError);
    connect(menus_, &WindowMenus::recordingFolderChosen, takes_,
            [this] { takes_->setFolder(session_.recordingFolder()); });

    connect(picker_, &DevicePicker::choiceChanged, &session_, &Session::setDeviceChoice);
    connect(picker_, &DevicePicker::refreshRequested, &session_, &Session::refreshDevices);
    // A take records the input selected; what the person chose is remembered even while the
    // device is away, so it comes back when plugged in, here or at the next start.
    connect(picker_->alsoRecord(), &AlsoRecordPicker::choiceChanged, this, [this] {
        session_.setSecondInput(picker_->alsoRecord()->choice());
        settings_.setSecondInput(picker_->alsoRecord()->wanted());
    });
    connect(&session_, &Session::devicesChanged, this, [this] { showDevices(session_.devices()); });

    connect(takes_, &TakesPanel::openRequested, this, [this](const QString& path) {
        if (session_.state() == TransportState::Recording) {
            status_->showMessage(tr("Stop recording first to open another take."));
            return;
        }
        session_.openFile(path);
    });
    connect(takes_, &TakesPanel::showInFolderRequested, this, [this](const QString& folder) {
        if (!menus_->showFolder(folder))
            status_->showError({tr("No file manager could be opened to show the folder. It is %1")
                                    .arg(QDir::toNativeSeparators(folder)),
                                tr("Open that folder in a file manager or a terminal, or install "
                                   "a file manager.")});
    });
    connect(takes_, &TakesPanel::errorOccurred, status_, &StatusReporter::showError);
    connect(takes_, &TakesPanel::statusMessage, status_, &StatusReporter::showMessage);
    connect(takes_, &TakesPanel::takeRenamed, &session_, &Session::followRename);

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
    connect(selection_, &SelectionActions::errorOccurred, status_, &StatusReporter::showError);
    connect(selection_, &SelectionActions::statusMessage, status_, &StatusReporter::showMessage);
    connect(exporting_, &ExportActions::errorOccurred, status_, &StatusReporter::showError);
    connect(exporting_, &ExportActions::statusMessage, status_, &StatusReporter::showMessage);
    connect(waveform_, &WaveformView::seekRequested, &session_, &Session::seek);
    connect(&session_, &Session::positionChanged, waveform_, [this](qint64 frame, qint64 length) {
        if (length >= 0)
            waveform_->setPlayhead(frame);
    });

    connect(&session_, &Session::meterChannelsChanged, meters_, &InputMeters::showOne);
    connect(&session_, &Session::meterInputsChanged, meters_, &InputMeters::showInputs);
    connect(&session_, &Session::meterInputLost, meters_, &InputMeters::markLost);
    connect(&session_, &Session::inputVolumeChanged, inputLevel_, &InputLevelSlider::showLevel);
    connect(inputLevel_, &InputLevelSlider::levelChosen, &session_, &Session::setInputVolume);
    connect(&session_, &Session::levelsChanged, meters_, &InputMeters::addLevels);
    connect(&session_, &Session::liveLoudnessStarted, this,
            [this](std::shared_ptr<const LiveLoudness> loudness) {
                loudness_->setSource(loudness);
                recordingScreen_->loudness()->setSource(loudness);
            });
    connect(&session_, &Session::playbackLoudnessStarted, this,
            [this](std::shared_ptr<const LoudnessSource> loudness) {
                loudness_->setSource(std::move(loudness), LoudnessReadout::Scope::WholeFile);
            });
}

void MainWindow::restoreFromSettings() {
    if (!settings_.windowGeometry().isEmpty())
        restoreGeometry(settings_.windowGeometry());
    if (!settings_.windowState().isEmpty())
        restoreState(settings_.windowState());
    new DockWidthRestorer(*this, *takesDock_, settings_.takesPanelWidth());
    transport_->setLoopEnabled(settings_.loop());
}

void MainWindow::showDevices(std::vector<DeviceInfo> devices) {
    // The first time, the saved choice; after that, what the person last chose, so a device
    // that was unplugged and comes back is selected again.
    picker_->setDevices(std::move(devices),
                        devicesShown_ ? std::nullopt : std::optional(session_.deviceChoice()));
    devicesShown_ = true;
    // Before the first scan there is nothing to say yet.
    if (session_.hasAudio())
        picker_->setSoundServer(session_.soundServer(), session_.serverAccess());
    session_.setDeviceChoice(picker_->choice());
    session_.setSecondInput(picker_->alsoRecord()->choice());
    // Filling the lists enables them; a take's device cannot change under it (a stream
    // starting, even one still waiting for sound, makes the server announce a change).
    onStateChanged(session_.state());
}

LevelMeter* MainWindow::levelMeter() const {
    return meters_->meter(0);
}

void MainWindow::onStateChanged(TransportState state) {
    transport_->setState(state);
    // The readouts keep reading while a take records or a file plays; after that, the last
    // figures stay in view.
    if (state != TransportState::Recording && state != TransportState::Playing) {
        loudness_->stop();
        recordingScreen_->loudness()->stop();
    }
    const bool busy = state == TransportState::Recording || state == TransportState::Playing;
    picker_->setLocked(busy);
    menus_->followState(state);
    selection_->updateEnabled();
}

void MainWindow::onSelectionChanged(std::int64_t start, std::int64_t end) {
    session_.setSelection(start, end);
    const AudioFormat& format = document_->format();
    selectionBar_->setSelection(session_.selectionStart(), session_.selectionEnd(), format.frames,
                                format.sampleRate);
    selection_->updateEnabled();
}

void MainWindow::showWaveform(bool shown) {
    waveformArea_->setCurrentWidget(shown ? static_cast<QWidget*>(waveform_)
                                          : waveformPlaceholder_);
    menus_->setZoomEnabled(shown);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!schedule_->confirmClose()) {
        event->ignore();
        return;
    }
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
    if (takesDock_->isVisible())
        settings_.setTakesPanelWidth(takesDock_->width());
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
