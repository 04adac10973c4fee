#include "ui/markers/MarkerList.h"
#include "ui/markers/MarkersPanel.h"
#include "ui/meters/LoudnessReadout.h"
#include "ui/recording/RecordingScreen.h"
#include "ui/recording/TakeOptionsPanel.h"
#include "ui/session/Session.h"
#include "ui/transport/RecorderControls.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/MarkerOverlay.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include "core/markers/TakeMarkers.h"
#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {
constexpr int kRate = 48000;
constexpr int kTimeoutMs = 15000;

QStringList takesIn(const QString& folder) {
    return QDir(folder).entryList({QStringLiteral("*.wav")}, QDir::Files);
}

// The saved markers' names (read while a save may be under way: then possibly none yet).
QStringList savedNames(const QString& path) {
    QStringList names;
    for (const Marker& m : take_markers::load(path.toStdString()))
        names << QString::fromStdString(m.name);
    return names;
}

std::int64_t firstFrameAbove(const AudioBuffer& b, float level) {
    for (std::int64_t f = 0; f < b.frames(); ++f) {
        for (int c = 0; c < b.channels; ++c) {
            if (std::fabs(b.samples[f * b.channels + c]) >= level)
                return f;
        }
    }
    return -1;
}
} // namespace

// The window's recorder controls against the private sound server: Monitor Input, pause
// and markers in a take, markers of an open file, the sound-activated start and the length
// limit. Keys are pressed as a person would.
class TestRecorderControlsSound : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    QString takes_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    RecorderControls& controls() { return *window_->recorderControls(); }
    void press(Qt::Key key) { QTest::keyClick(window_.get(), key); }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        takes_ = temp_.filePath(QStringLiteral("takes"));
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(takes_);
        DeviceChoice choice = settings_->deviceChoice();
        choice.sampleRate = kRate;
        choice.channels = 2;
        choice.format = FileFormat::WavFloat;
        settings_->setDeviceChoice(choice);
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_->startAudio();
        QVERIFY2(session_->hasAudio(), "PortAudio did not start");
        window_->activateWindow();
        QCOMPARE(PulseClient::runningCaptureStreams(), 0); // monitoring is off until asked
    }

    void monitoringShowsLevelsAndWritesNothing() {
        QSignalSpy levels(session_.get(), &Session::levelsChanged);
        press(Qt::Key_I);
        QVERIFY(session_->isMonitoring());
        QVERIFY(controls().monitorAction()->isChecked());
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(levels.count() > 3, kTimeoutMs);
        QVERIFY(takesIn(takes_).isEmpty());
        QCOMPARE(session_->state(), TransportState::NoFile);
    }

    // Record while monitoring: the same stream (never a second one), P pauses and resumes
    // with a "Paused" marker, M adds one; both are in the saved take.
    void aTakeOnTheMonitorPausesAndKeepsItsMarkers() {
        QVERIFY(session_->isMonitoring());
        press(Qt::Key_R);
        QCOMPARE(session_->state(), TransportState::Recording);
        QCOMPARE(PulseClient::runningCaptureStreams(), 1);
        // The take's loudness is measured on the monitoring stream as on a stream of its own.
        QVERIFY(window_->recordingScreen()->loudness()->isRunning());
        QTest::qWait(600);
        press(Qt::Key_M);
        QCOMPARE(controls().markers()->markers().size(), std::size_t(1));
        press(Qt::Key_P);
        QVERIFY(session_->isTakePaused());
        QVERIFY2(window_->windowTitle().startsWith(QStringLiteral("Paused")),
                 qPrintable(window_->windowTitle()));
        QVERIFY(window_->statusBar()->currentMessage().startsWith(QStringLiteral("Paused")));
        QTest::qWait(600);
        press(Qt::Key_P);
        QVERIFY(!session_->isTakePaused());
        QVERIFY(!window_->windowTitle().startsWith(QStringLiteral("Paused")));
        QCOMPARE(controls().markers()->markers().size(), std::size_t(2));
        QCOMPARE(controls().markers()->markers().back().name, std::string("Paused"));
        QCOMPARE(controls().markersPanel()->list()->topLevelItemCount(), 2);
        QCOMPARE(PulseClient::runningCaptureStreams(), 1);
        QTest::qWait(400);
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        press(Qt::Key_R); // R stops a take
        QCOMPARE(saved.count(), 1);
        const QString path = saved.first().first().toString();
        const auto inFile = take_markers::load(path.toStdString());
        QCOMPARE(inFile.size(), std::size_t(2));
        QCOMPARE(inFile[0].name, std::string("Marker 1"));
        QCOMPARE(inFile[1].name, std::string("Paused"));
        // Monitoring goes on after the take, on a new stream.
        QVERIFY(session_->isMonitoring());
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
    }

    // The open take: markers drawn on the waveform, renamed and deleted in the panel (and in
    // the file), [ and ] move between them, and they export as Audacity labels.
    void markersOfTheOpenFileAreEditedAndExported() {
        QCOMPARE(session_->state(), TransportState::Stopped);
        const QString path = session_->currentPath();
        MarkerList& markers = *controls().markers();
        QTRY_COMPARE_WITH_TIMEOUT(markers.markers().size(), std::size_t(2), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformView()->summary() != nullptr, kTimeoutMs);
        const std::int64_t first = markers.markers()[0].frame;
        const std::int64_t second = markers.markers()[1].frame;

        QSignalSpy positions(session_.get(), &Session::positionChanged);
        session_->seek(0);
        press(Qt::Key_BracketRight);
        QCOMPARE(positions.last().first().value<qint64>(), qint64(first));
        press(Qt::Key_BracketRight);
        QCOMPARE(positions.last().first().value<qint64>(), qint64(second));
        press(Qt::Key_BracketLeft);
        QCOMPARE(positions.last().first().value<qint64>(), qint64(first));

        QTreeWidget* list = controls().markersPanel()->list();
        list->topLevelItem(0)->setText(1, QStringLiteral("Intro"));
        QTRY_COMPARE_WITH_TIMEOUT(savedNames(path),
                                  (QStringList{QStringLiteral("Intro"), QStringLiteral("Paused")}),
                                  kTimeoutMs);

        const QString labels = temp_.filePath(QStringLiteral("labels.txt"));
        controls().setExportPathForTests(labels);
        controls().exportMarkersAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(labels), kTimeoutMs);
        QFile file(labels);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QString firstAt = QString::number(double(first) / kRate, 'f', 6);
        QVERIFY2(text.startsWith(firstAt + '\t' + firstAt + QStringLiteral("\tIntro\n")),
                 qPrintable(text));
        QCOMPARE(text.count('\n'), 2);

        // Drawn over the waveform in the highlight colour.
        MarkerOverlay* overlay = controls().markerOverlay();
        const int x = overlay->xForFrame(second);
        const QRect wave = window_->waveformView()->waveformRect();
        if (x > wave.left() && x < wave.right()) {
            const QImage image = window_->waveformView()->grab().toImage();
            const QColor expected = overlay->palette().color(QPalette::Highlight);
            QCOMPARE(image.pixelColor(x, wave.bottom() - 2).rgb(), expected.rgb());
        }

        list->setCurrentItem(list->topLevelItem(0));
        controls().markersPanel()->findChild<QAbstractButton*>()->click();
        QCOMPARE(markers.markers().size(), std::size_t(1));
        QTRY_COMPARE_WITH_TIMEOUT(savedNames(path), QStringList{QStringLiteral("Paused")},
                                  kTimeoutMs);
    }

    // "Start when the level rises above": no file while waiting; the take begins with the
    // pre-roll before the first loud sample; Stop while waiting leaves nothing.
    void soundStartsATakeWithItsPreRoll() {
        TakeOptionsPanel* options = controls().takeOptionsPanel();
        options->preRollBox()->setValue(1.0);
        options->startOnSoundBox()->setChecked(true);
        options->startLevelBox()->setValue(-20);
        QVERIFY(session_->takeOptions().startOnSound);
        QVERIFY(session_->isMonitoring());
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
        const QStringList before = takesIn(takes_);

        press(Qt::Key_R);
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(session_->isWaitingForSound());
        QTest::qWait(300);
        QCOMPARE(takesIn(takes_), before);
        press(Qt::Key_R); // stop while waiting
        QCOMPARE(session_->state(), TransportState::NoFile);
        QCOMPARE(takesIn(takes_), before);
        QVERIFY(PulseClient::waitForRunningCaptureStreams(1, kTimeoutMs));
        QTest::qWait(1200); // a full pre-roll buffered

        press(Qt::Key_R);
        QVERIFY(session_->isWaitingForSound());
        auto signal = SignalGenerator::silence(kRate * 3 / 2, 2);
        const auto tone = SignalGenerator::sine(1000, 0.5, kRate, 2, kRate);
        signal.insert(signal.end(), tone.begin(), tone.end());
        PulseClient player;
        QVERIFY2(player.startPlayback(signal, 2, kRate), qPrintable(player.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isWaitingForSound(), kTimeoutMs);
        QVERIFY(player.waitForPlaybackFinished());
        QTest::qWait(300);
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        press(Qt::Key_R);
        QCOMPARE(saved.count(), 1);
        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        QCOMPARE(firstFrameAbove(*take, static_cast<float>(std::pow(10.0, -20.0 / 20))),
                 std::int64_t(kRate));
        options->startOnSoundBox()->setChecked(false);
    }

    // "Stop after a length": the take ends by itself at exactly that length.
    void aLengthLimitEndsTheTake() {
        TakeOptionsPanel* options = controls().takeOptionsPanel();
        options->preRollBox()->setValue(0);
        options->stopAfterLengthBox()->setChecked(true);
        options->lengthBox()->setValue(1);
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        press(Qt::Key_R);
        QCOMPARE(session_->state(), TransportState::Recording);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeoutMs);
        QVERIFY(session_->state() != TransportState::Recording);
        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->frames(), std::int64_t(kRate));
        options->stopAfterLengthBox()->setChecked(false);
        press(Qt::Key_I); // monitoring off: no stream is left open
        QVERIFY(!session_->isMonitoring());
        QTRY_COMPARE_WITH_TIMEOUT(PulseClient::runningCaptureStreams(), 0, kTimeoutMs);
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
    }
};

QTEST_MAIN(TestRecorderControlsSound)
#include "TestRecorderControlsSound.moc"
