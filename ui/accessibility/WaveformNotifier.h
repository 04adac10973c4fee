#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace tapedeck {

class WaveformView;

// Tells a screen reader when what the waveform says (WaveformAccessible) has changed: at
// once when the person changes the selection or a marker comes or goes, and for the moving
// position at most every kPositionIntervalMs, only while the waveform has the focus (the
// playhead moves thirty times a second during playback; nobody wants to hear each one).
// A child of the view, made when a screen reader first asks for the view's interface, so
// without one it never exists and no timer runs. GUI thread only.
class WaveformNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr int kPositionIntervalMs = 5000;

    // Gives `view` a notifier unless it has one.
    static void attach(WaveformView& view);

    // How many description changes were sent (for tests).
    int sentCount() const { return sent_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit WaveformNotifier(WaveformView& view);
    // Sends a description change when the text differs from the last one sent.
    void report();
    // Hears the markers' changes once the view's marker overlay exists.
    void followMarkers();

    WaveformView& view_;
    QTimer timer_;
    QString lastSent_;
    int sent_ = 0;
    bool followsMarkers_ = false;
};

} // namespace tapedeck
