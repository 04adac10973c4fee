#include "ui/transport/RecorderControls.h"

#include "ui/dialogs/FileChooser.h"
#include "ui/markers/MarkerList.h"
#include "ui/markers/MarkersPanel.h"
#include "ui/recording/TakeOptionsPanel.h"
#include "ui/session/Session.h"
#include "ui/waveform/MarkerOverlay.h"
#include "ui/waveform/WaveformView.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QSignalBlocker>
#include <QStatusBar>

namespace tapedeck {

namespace {
constexpr int kStatusMessageMs = 8000;
} // namespace

RecorderControls::RecorderControls(QMainWindow& window, Session& session, WaveformView& waveform)
    : QObject(&window), window_(window), session_(session), waveform_(waveform) {
    markers_ = new MarkerList(this);
    overlay_ = new MarkerOverlay(waveform, *markers_);
    buildActions();
    buildDocks();
    connectSession();
    options_->setOptions(session_.takeOptions());
    updateActions();
}

void RecorderControls::buildActions() {
    const auto make = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* action = new QAction(text, &window_);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        window_.addAction(action);
        return action;
    };
    monitor_ = make(tr("&Monitor Input"), QKeySequence(Qt::Key_I),
                    tr("Open the input without recording, so the meters show its level; "
                       "Record then keeps the pre-roll"));
    monitor_->setCheckable(true);
    addMarker_ = make(tr("Add Mar&ker"), QKeySequence(Qt::Key_M),
                      tr("Put a marker at the current position, while recording or playing"));
    previousMarker_ = make(tr("Pre&vious Marker"), QKeySequence(Qt::Key_BracketLeft),
                           tr("Move to the marker before the position"));
    nextMarker_ = make(tr("Ne&xt Marker"), QKeySequence(Qt::Key_BracketRight),
                       tr("Move to the marker after the position"));
    exportMarkers_ =
        make(tr("E&xport Markers…"), {}, tr("Save the markers as an Audacity label file"));
}

void RecorderControls::buildDocks() {
    panel_ = new MarkersPanel(*markers_, &window_);
    markersDock_ = new QDockWidget(tr("Markers"), &window_);
    markersDock_->setObjectName(QStringLiteral("MarkersDock"));
    markersDock_->setAccessibleName(tr("Markers panel"));
    markersDock_->setWidget(panel_);
    markersDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    markersDock_->toggleViewAction()->setText(tr("&Markers Panel"));
    window_.addDockWidget(Qt::RightDockWidgetArea, markersDock_);

    options_ = new TakeOptionsPanel(&window_);
    optionsDock_ = new QDockWidget(tr("Take Options"), &window_);
    optionsDock_->setObjectName(QStringLiteral("TakeOptionsDock"));
    optionsDock_->setAccessibleName(tr("Take options panel"));
    optionsDock_->setWidget(options_);
    optionsDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    optionsDock_->toggleViewAction()->setText(tr("Take O&ptions Panel"));
    window_.addDockWidget(Qt::RightDockWidgetArea, optionsDock_);

    // Both start hidden (View menu), as tabs beside the devices panel so that showing them
    // never squeezes the waveform; the markers panel shows itself with the first marker.
    if (auto* devices = window_.findChild<QDockWidget*>(QStringLiteral("DevicesDock"))) {
        window_.tabifyDockWidget(devices, markersDock_);
        window_.tabifyDockWidget(devices, optionsDock_);
        devices->raise();
    }
    markersDock_->hide();
    optionsDock_->hide();
}

void RecorderControls::connectSession() {
    connect(monitor_, &QAction::toggled, &session_, &Session::setMonitoring);
    connect(&session_, &Session::monitoringChanged, this, [this](bool on) {
        const QSignalBlocker block(monitor_);
        monitor_->setChecked(on);
    });
    connect(addMarker_, &QAction::triggered, this,
            [this] { session_.addMarker(markers_->nextDefaultName()); });
    connect(&session_, &Session::markerAdded, markers_,
            [this](const Marker& marker, bool saveToFile) {
                markers_->add(marker, saveToFile);
                if (markersDock_->isHidden())
                    markersDock_->show();
            });
    connect(previousMarker_, &QAction::triggered, this, [this] { goTo(false); });
    connect(nextMarker_, &QAction::triggered, this, [this] { goTo(true); });
    connect(exportMarkers_, &QAction::triggered, this, &RecorderControls::exportMarkers);
    connect(panel_, &MarkersPanel::seekRequested, &session_, &Session::seek);
    connect(options_, &TakeOptionsPanel::optionsChanged, &session_, &Session::setTakeOptions);

    connect(&session_, &Session::positionChanged, this,
            [this](qint64 frame, qint64 /*length*/, int sampleRate) {
                position_ = frame;
                markers_->setSampleRate(sampleRate);
            });
    connect(&session_, &Session::documentChanged, this, &RecorderControls::onDocumentChanged);
    connect(&session_, &Session::documentRenamed, markers_,
            [this](const QString&, const QString& to) { markers_->followRename(to); });
    connect(&session_, &Session::stateChanged, this, [this](TransportState state) {
        markers_->setRecording(state == TransportState::Recording);
        options_->setLocked(state == TransportState::Recording);
        updateActions();
    });
    connect(&session_, &Session::takePausedChanged, this, &RecorderControls::onTakePausedChanged);
    connect(markers_, &MarkerList::changed, this, &RecorderControls::updateActions);
    connect(markers_, &MarkerList::saveFailed, this, [this](const QString& message) {
        window_.statusBar()->showMessage(tr("The markers were not saved: %1").arg(message),
                                         kStatusMessageMs);
    });
    connect(markers_, &MarkerList::exported, this, [this](const QString& path) {
        window_.statusBar()->showMessage(
            tr("Markers saved to %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    });
    connect(markers_, &MarkerList::exportFailed, this, [this](const QString& message) {
        window_.statusBar()->showMessage(tr("The markers were not exported: %1").arg(message),
                                         kStatusMessageMs);
    });
}

void RecorderControls::updateActions() {
    const TransportState state = session_.state();
    const bool recording = state == TransportState::Recording;
    const bool hasFile = !session_.currentPath().isEmpty();
    addMarker_->setEnabled(recording ? !session_.isWaitingForSound() : hasFile);
    previousMarker_->setEnabled(!recording && !markers_->markers().empty());
    nextMarker_->setEnabled(!recording && !markers_->markers().empty());
    exportMarkers_->setEnabled(!markers_->markers().empty());
}

void RecorderControls::onDocumentChanged(const QString& path) {
    const bool recording = session_.state() == TransportState::Recording;
    markers_->setRecording(recording);
    markers_->setDocument(path, markers_->sampleRate(), !recording && !path.isEmpty());
    position_ = 0;
    titleBeforePause_.clear();
    updateActions();
}

void RecorderControls::onTakePausedChanged(bool paused) {
    if (paused) {
        titleBeforePause_ = window_.windowTitle();
        window_.setWindowTitle(tr("Paused — %1").arg(titleBeforePause_));
    } else if (!titleBeforePause_.isEmpty()) {
        window_.setWindowTitle(titleBeforePause_);
        titleBeforePause_.clear();
    }
}

void RecorderControls::goTo(bool next) {
    const auto frame = next ? markers_->nextFrame(position_) : markers_->previousFrame(position_);
    if (frame) {
        position_ = *frame;
        session_.seek(*frame);
    }
}

void RecorderControls::exportMarkers() {
    if (!exportPathForTests_.isEmpty()) {
        markers_->exportLabels(exportPathForTests_);
        return;
    }
    const QFileInfo file(markers_->path());
    const QString suggested =
        file.fileName().isEmpty()
            ? QString()
            : file.dir().filePath(file.completeBaseName() + QStringLiteral(".txt"));
    askForFile(
        &window_,
        {FileQuestion::Kind::Save, tr("Export Markers"), suggested, tr("Audacity labels (*.txt)")},
        [this](const QString& path) { markers_->exportLabels(path); });
}

} // namespace tapedeck
