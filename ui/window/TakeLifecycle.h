#pragma once

#include "ui/dialogs/UserMessage.h"
#include "ui/session/TransportState.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QMainWindow;

namespace tapedeck {

class RecordingScreen;
class RecoveryBanner;
class SelectionActions;
class SelectionBar;
class Session;
class SleepInhibitor;
class StatusReporter;
class TakeRecovery;
class WaveformDocument;
class WaveformView;

// What the window does as files and takes come and go: the title names the open file (and
// follows it when it is renamed); an
// opened file's waveform, markers, format and dropouts are shown (with a warning when the
// file is cut short); a take being recorded gets the recording screen, its live waveform
// and the sleep inhibitor; takes a crash left unfinished are offered for recovery, and
// the last recovered one is opened. GUI thread only.
class TakeLifecycle : public QObject {
    Q_OBJECT
public:
    // The window's parts this works on; all of them outlive it.
    struct Parts {
        WaveformDocument& document;
        WaveformView& waveform;
        SelectionBar& selectionBar;
        SelectionActions& selection;
        RecordingScreen& recordingScreen;
        SleepInhibitor& inhibitor;
        TakeRecovery& recovery;
        RecoveryBanner& recoveryBanner;
    };

    TakeLifecycle(QMainWindow& window, Session& session, const Parts& parts,
                  StatusReporter& status);

    // Looks (on a worker thread) for takes a crash left unfinished in the recordings
    // folder, and offers to recover them.
    void lookForUnfinishedTakes();

signals:
    // The waveform (true) or the placeholder that invites to open or record (false) is to
    // be shown.
    void waveformShown(bool shown);

private:
    void connectSession();
    void connectRecovery();
    void onDocumentChanged(const QString& path);
    // The open file was renamed: the title, the document and the waveform follow.
    void onDocumentRenamed(const QString& from, const QString& to);
    // "Tapedeck — NAME", or "Tapedeck" with nothing open.
    void setTitle(const QString& path);
    void onWaveformOpened();
    void onTakesRecovered(const QStringList& descriptions, const QString& lastPlayable);
    // While a take runs: the recording screen and the sleep inhibitor.
    void followTake(TransportState state);
    void onTakePausedChanged(bool paused);
    void warnIfCutShort();

    QMainWindow& window_;
    Session& session_;
    Parts parts_;
    StatusReporter& status_;
    // The sleep inhibitor's notice, kept while a take waits for its sound.
    QString heldNotice_;
};

} // namespace tapedeck
