#pragma once

#include "ui/session/TransportState.h"

#include <QObject>
#include <QString>

#include <cstdint>

class QAction;
class QDockWidget;
class QMainWindow;

namespace tapedeck {

class MarkerList;
class MarkerOverlay;
class MarkersPanel;
class Session;
class TakeOptionsPanel;
class WaveformView;

// The recorder's controls beside the transport: Monitor Input (I), markers (M adds one; [
// and ] go to the previous and next; File > Export Markers writes Audacity labels), the
// markers panel and the take options panel, the markers drawn on the waveform, and
// "Paused" in the title while a take is paused. Wires them to the Session. GUI thread only.
class RecorderControls : public QObject {
    Q_OBJECT
public:
    RecorderControls(QMainWindow& window, Session& session, WaveformView& waveform);

    QAction* monitorAction() const { return monitor_; }
    QAction* addMarkerAction() const { return addMarker_; }
    QAction* previousMarkerAction() const { return previousMarker_; }
    QAction* nextMarkerAction() const { return nextMarker_; }
    QAction* exportMarkersAction() const { return exportMarkers_; }
    QDockWidget* markersDock() const { return markersDock_; }
    QDockWidget* takeOptionsDock() const { return optionsDock_; }
    MarkerList* markers() const { return markers_; }
    MarkersPanel* markersPanel() const { return panel_; }
    TakeOptionsPanel* takeOptionsPanel() const { return options_; }
    MarkerOverlay* markerOverlay() const { return overlay_; }

    // Export Markers writes here instead of asking (tests).
    void setExportPathForTests(const QString& path) { exportPathForTests_ = path; }

private:
    void buildActions();
    void buildDocks();
    void connectSession();
    void updateActions();
    void onDocumentChanged(const QString& path);
    void onTakePausedChanged(bool paused);
    void exportMarkers();
    void goTo(bool next);

    QMainWindow& window_;
    Session& session_;
    WaveformView& waveform_;
    MarkerList* markers_ = nullptr;
    MarkersPanel* panel_ = nullptr;
    TakeOptionsPanel* options_ = nullptr;
    MarkerOverlay* overlay_ = nullptr;
    QDockWidget* markersDock_ = nullptr;
    QDockWidget* optionsDock_ = nullptr;
    QAction* monitor_ = nullptr;
    QAction* addMarker_ = nullptr;
    QAction* previousMarker_ = nullptr;
    QAction* nextMarker_ = nullptr;
    QAction* exportMarkers_ = nullptr;
    std::int64_t position_ = 0;
    QString titleBeforePause_;
    QString exportPathForTests_;
};

} // namespace tapedeck
