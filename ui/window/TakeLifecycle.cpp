#include "ui/window/TakeLifecycle.h"

#include "ui/devices/InputRouting.h"
#include "ui/dialogs/RecoveryBanner.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/recording/SleepInhibitor.h"
#include "ui/recording/TakeRecovery.h"
#include "ui/selection/SelectionActions.h"
#include "ui/selection/SelectionBar.h"
#include "ui/session/Session.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/StatusPanel.h"
#include "ui/window/StatusReporter.h"

#include "core/io/SoundFileFormatName.h"

#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>

#include <utility>

namespace tapedeck {

TakeLifecycle::TakeLifecycle(QMainWindow& window, Session& session, const Parts& parts,
                             StatusReporter& status)
    : QObject(&window), window_(window), session_(session), parts_(parts), status_(status) {
    connectSession();
    connectRecovery();
}

void TakeLifecycle::connectSession() {
    connect(&session_, &Session::stateChanged, this, &TakeLifecycle::followTake);
    // While a take waits for its sound the status line says so, and what it waits for; the
    // notice that the computer may sleep waits for the sound too (the take it is about).
    connect(&parts_.inhibitor, &SleepInhibitor::unavailable, this, [this](const QString& text) {
        if (session_.isWaitingForSound())
            heldNotice_ = text;
        else
            status_.showMessage(text);
    });
    connect(&session_, &Session::soundArrived, this, [this] {
        parts_.recordingScreen.setWaiting(false);
        if (!heldNotice_.isEmpty())
            status_.showMessage(std::exchange(heldNotice_, QString()));
    });
    connect(&session_, &Session::diskTimeLeftChanged, &parts_.recordingScreen,
            &RecordingScreen::setDiskTimeLeft);
    connect(&session_, &Session::positionChanged, &parts_.recordingScreen,
            [this](qint64 frame, qint64 length, int sampleRate) {
                if (length < 0)
                    parts_.recordingScreen.setElapsed(frame, sampleRate);
            });
    connect(&session_, &Session::takePausedChanged, this, &TakeLifecycle::onTakePausedChanged);
    connect(&session_, &Session::documentChanged, this, &TakeLifecycle::onDocumentChanged);
    connect(&session_, &Session::documentRenamed, this, &TakeLifecycle::onDocumentRenamed);
    connect(&session_, &Session::dropoutMarked, &parts_.waveform, &WaveformView::addMarker);
    connect(&parts_.document, &WaveformDocument::opened, this, &TakeLifecycle::onWaveformOpened);
    connect(&parts_.document, &WaveformDocument::failed, this, [this](const QString& message) {
        status_.showErrorLine(tr("The waveform cannot be shown: %1").arg(message));
    });
    connect(&session_, &Session::liveSummaryStarted, this,
            [this](std::shared_ptr<const WaveformSummary> summary, int sampleRate) {
                parts_.document.close();
                parts_.waveform.setMarkers({});
                status_.panel()->setFileDropouts(0);
                parts_.waveform.setSummary(std::move(summary), sampleRate, 0);
                parts_.waveform.setLiveMode(true);
                parts_.waveform.setPlayhead(-1);
                emit waveformShown(true);
            });
}

void TakeLifecycle::connectRecovery() {
    connect(&parts_.recovery, &TakeRecovery::unfinishedTakesFound, &parts_.recoveryBanner,
            &RecoveryBanner::offer);
    connect(&parts_.recoveryBanner, &RecoveryBanner::recoverRequested, this, [this] {
        parts_.recoveryBanner.setWorking(true);
        parts_.recovery.recoverAll();
    });
    connect(&parts_.recovery, &TakeRecovery::recovered, this, &TakeLifecycle::onTakesRecovered);
    connect(&parts_.recovery, &TakeRecovery::failed, this,
            [this](const UserMessage& text, const QStringList& done, const QString& last) {
                onTakesRecovered(done, last);
                status_.showError(text);
            });
}

void TakeLifecycle::followTake(TransportState state) {
    const bool recording = state == TransportState::Recording;
    RecordingScreen& screen = parts_.recordingScreen;
    if (recording && !screen.isVisible()) {
        parts_.inhibitor.hold(tr("Recording a take"));
        const Recorder* take = session_.recorder();
        QString input;
        if (const DeviceInfo* second = take ? take->secondDevice() : nullptr) {
            input = InputRouting::describeTwo(QString::fromStdString(take->device().name),
                                              QString::fromStdString(second->name),
                                              take->layout());
        } else if (take) {
            input = tr("%1 · %2").arg(
                InputRouting::describe(take->channels(), take->firstInputChannel(), take->device()),
                QString::fromStdString(take->device().name));
        }
        screen.start(input, session_.deviceChoice().format, take ? take->sampleRate() : 0,
                     take ? take->channels() : 0);
        if (session_.isWaitingForSound())
            screen.setWaiting(true, session_.takeOptions().startAboveDbfs);
        screen.show();
    } else if (!recording) {
        // Stopped, paused or failed: the computer may sleep again.
        heldNotice_.clear();
        parts_.inhibitor.release();
        screen.hide();
    }
}

// A paused take shows PAUSED and lets the computer sleep; resuming asks again.
void TakeLifecycle::onTakePausedChanged(bool paused) {
    parts_.recordingScreen.setPaused(paused);
    if (session_.state() != TransportState::Recording)
        return;
    if (paused)
        parts_.inhibitor.release();
    else
        parts_.inhibitor.hold(tr("Recording a take"));
}

void TakeLifecycle::onDocumentChanged(const QString& path) {
    setTitle(path);
    if (session_.state() == TransportState::Recording)
        return; // the live waveform arrives with liveSummaryStarted
    parts_.selectionBar.setSelection(-1, -1, 0, 0);
    parts_.selection.updateEnabled();
    WaveformDocument& document = parts_.document;
    if (path.isEmpty()) {
        document.close();
        status_.panel()->setFileDropouts(0);
        parts_.waveform.clear();
        emit waveformShown(false);
    } else if (path != document.path() || !document.isOpen()) {
        parts_.waveform.setMarkers({});
        status_.panel()->setFileDropouts(0);
        document.open(path);
    }
}

void TakeLifecycle::onDocumentRenamed(const QString& from, const QString& to) {
    setTitle(to);
    if (parts_.document.path() == from)
        parts_.document.followRename(to);
    if (parts_.waveform.samplePath() == from)
        parts_.waveform.setSamplePath(to);
}

void TakeLifecycle::setTitle(const QString& path) {
    window_.setWindowTitle(path.isEmpty() ? tr("Tapedeck")
                                          : tr("Tapedeck — %1").arg(QFileInfo(path).fileName()));
}

void TakeLifecycle::onWaveformOpened() {
    const WaveformDocument& document = parts_.document;
    const AudioFormat& format = document.format();
    parts_.waveform.setLiveMode(false);
    parts_.waveform.setSummary(document.summary(), format.sampleRate, format.frames,
                               document.path());
    parts_.waveform.setPlayhead(0);
    parts_.waveform.setMarkers(document.markers());
    parts_.selectionBar.setSelection(-1, -1, format.frames, format.sampleRate);
    emit waveformShown(true);
    if (session_.state() != TransportState::Recording) {
        status_.panel()->setFileDropouts(static_cast<int>(document.markers().size()));
        session_.setDocumentFormat(format.frames, format.sampleRate, format.channels);
        // The same words as while recording ("WAV 24-bit"), not libsndfile's own.
        status_.panel()->setStreamDescription(Session::describeStream(
            format.sampleRate, format.channels,
            QString::fromStdString(describeSoundFileFormat(format.sndfileFormat))));
        warnIfCutShort();
    }
}

void TakeLifecycle::warnIfCutShort() {
    const WaveformDocument& document = parts_.document;
    const std::optional<WavTruncation>& cut = document.truncation();
    const int rate = document.format().sampleRate;
    if (!cut || rate <= 0)
        return;
    // The window's one time format (m:ss.t), as the status panel shows the length.
    const QString present = StatusPanel::formatTime(static_cast<double>(cut->presentFrames) / rate);
    const QString announced =
        StatusPanel::formatTime(static_cast<double>(cut->announcedFrames) / rate);
    const QString name = QFileInfo(document.path()).fileName();
    status_.showWarning(
        {tr("“%1” is cut short: it holds %2 of sound (%3 bytes), but its header says %4.")
             .arg(name, present, QLocale().toString(cut->presentBytes), announced),
         tr("The file was probably not copied or downloaded completely. Tapedeck plays what is "
            "there; copy the file again to get the rest.")});
}

void TakeLifecycle::lookForUnfinishedTakes() {
    parts_.recovery.scan(session_.recordingFolder());
}

void TakeLifecycle::onTakesRecovered(const QStringList& descriptions, const QString& lastPlayable) {
    parts_.recoveryBanner.hide();
    if (descriptions.isEmpty())
        return;
    if (!lastPlayable.isEmpty() && session_.state() != TransportState::Recording)
        session_.openFile(lastPlayable);
    status_.showMessage(descriptions.size() == 1
                            ? tr("Recovered %1.").arg(descriptions.first())
                            : tr("Recovered %1 recordings: %2.")
                                  .arg(descriptions.size())
                                  .arg(descriptions.join(QStringLiteral(", "))));
}

} // namespace tapedeck
