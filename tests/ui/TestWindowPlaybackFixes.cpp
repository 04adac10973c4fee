// The window's playback rough edges, against the private sound server (tests/audio): what
// happens after the end of a file, Play at the end, "Paused", and quitting during a take.
#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sndfile.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace tapedeck;
using tapedeck::testing::PulseClient;

namespace {

constexpr int kRate = 48000;
constexpr int kFileFrames = kRate; // one second
constexpr int kStateTimeoutMs = 10000;
// How long nothing may play after a move that must not start playback: several of the
// server's 1024-frame cycles and the player's whole 100 ms latency.
constexpr int kQuietCheckMs = 600;
constexpr int kQuietPollMs = 20;

} // namespace

class TestWindowPlaybackFixes : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    QString file_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    QAction* action(TransportAction which) const { return window_->transport()->action(which); }

    // True if no playback stream opened on the server for kQuietCheckMs.
    static bool staysQuiet() {
        for (int waited = 0; waited < kQuietCheckMs; waited += kQuietPollMs) {
            if (PulseClient::playbackStreams() != 0)
                return false;
            QTest::qWait(kQuietPollMs);
        }
        return PulseClient::playbackStreams() == 0;
    }

    void playToTheEnd() {
        action(TransportAction::Play)->trigger();
        QCOMPARE(session_->state(), TransportState::Playing);
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(PulseClient::playbackStreams(), 0, kStateTimeoutMs);
    }

private slots:
    void initTestCase() {
        if (!PulseClient::insideTestServer())
            QSKIP("not run inside tests/audio/with-sound-server.sh");
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        file_ = temp_.filePath(QStringLiteral("second.wav"));
        const auto samples =
            tapedeck::testing::SignalGenerator::sine(440, 0.3, kFileFrames, 2, kRate);
        QVERIFY(tapedeck::testing::writeSoundFile(file_.toStdString(), samples, 2, kRate,
                                                  SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->resize(900, 600);
        window_->show();
        session_->startAudio();
        QVERIFY2(session_->hasAudio(), "PortAudio did not start");
        QVERIFY(session_->openFile(file_));
        QCOMPARE(session_->state(), TransportState::Stopped);
    }

    void init() {
        if (session_->state() != TransportState::Stopped) {
            action(TransportAction::Stop)->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(PulseClient::playbackStreams(), 0, kStateTimeoutMs);
    }

    // After the end of the file, Home or a click on the waveform moves the position and
    // plays nothing: Play stays the way to start, and nothing plays that Stop cannot end.
    void afterTheEndAMovePlaysNothing() {
        // At once after the end, as a person would press Home.
        action(TransportAction::Play)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        action(TransportAction::GoToStart)->trigger();
        QVERIFY(staysQuiet());
        QCOMPARE(session_->state(), TransportState::Stopped);

        playToTheEnd();
        QVERIFY(action(TransportAction::Play)->isEnabled());
        QVERIFY(!action(TransportAction::Stop)->isEnabled());

        QSignalSpy positions(session_.get(), &Session::positionChanged);
        action(TransportAction::GoToStart)->trigger();
        QVERIFY(staysQuiet());
        QCOMPARE(session_->state(), TransportState::Stopped);
        QVERIFY(!positions.isEmpty());
        QCOMPARE(positions.last().at(0).toLongLong(), qint64(0));

        // A click on the waveform, likewise.
        WaveformView* view = window_->waveformView();
        QTRY_VERIFY_WITH_TIMEOUT(view->summary() != nullptr, kStateTimeoutMs);
        const QRect wave = view->waveformRect();
        QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(wave.center().x(), wave.center().y()));
        QVERIFY(staysQuiet());
        QCOMPARE(session_->state(), TransportState::Stopped);
        QVERIFY(positions.last().at(0).toLongLong() > kFileFrames / 4);

        // And Play still plays, from the clicked place, to the end again.
        playToTheEnd();
    }

    // Home pressed in the instant the last frame is heard, before the window has heard that
    // the file ended: playback goes on from the start, the window says Playing, and Stop ends
    // it. (The old "finished" news used to arrive after the move and mark the new playback
    // as stopped, so it played on with Stop disabled.)
    void aMoveAtTheVeryEndKeepsPlayingAndStopEndsIt() {
        action(TransportAction::Play)->trigger();
        QCOMPARE(session_->state(), TransportState::Playing);
        const Player* player = session_->engine().player();
        QVERIFY(player != nullptr);
        // Block the GUI thread, so nothing polls the engine, until the audio callback has
        // played the last frame and queued its news.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!player->isFinished() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        QVERIFY(player->isFinished());
        QCOMPARE(session_->state(), TransportState::Playing);

        QSignalSpy positions(session_.get(), &Session::positionChanged);
        action(TransportAction::GoToStart)->trigger();
        // Wait until the engine has been polled while playing the new run.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(positions.begin(), positions.end(),
                                             [](const QList<QVariant>& args) {
                                                 return args.at(0).toLongLong() > kRate / 10;
                                             }),
                                 kStateTimeoutMs);
        QCOMPARE(session_->state(), TransportState::Playing);
        QVERIFY(PulseClient::playbackStreams() > 0);
        QVERIFY(action(TransportAction::Stop)->isEnabled());
        action(TransportAction::Stop)->trigger();
        QCOMPARE(session_->state(), TransportState::Stopped);
        QTRY_COMPARE_WITH_TIMEOUT(PulseClient::playbackStreams(), 0, kStateTimeoutMs);
    }

    // Pause, End, Space: Play at the end of the file starts again from the start (not a
    // silent flicker, with the next Play only then starting over).
    void playAtTheEndStartsFromTheStart() {
        action(TransportAction::Play)->trigger();
        QCOMPARE(session_->state(), TransportState::Playing);
        QTest::qWait(200);
        action(TransportAction::Pause)->trigger();
        QCOMPARE(session_->state(), TransportState::Paused);
        action(TransportAction::GoToEnd)->trigger();
        QCOMPARE(window_->statusPanel()->positionText(), QStringLiteral("0:01.0 / 0:01.0"));

        QSignalSpy positions(session_.get(), &Session::positionChanged);
        QTest::keyClick(window_.get(), Qt::Key_Space);
        QCOMPARE(session_->state(), TransportState::Playing);
        // It plays from the start: the position goes through the first half of the file.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(positions.begin(), positions.end(),
                                             [](const QList<QVariant>& args) {
                                                 const qint64 frame = args.at(0).toLongLong();
                                                 return frame > 0 && frame < kFileFrames / 2;
                                             }),
                                 kStateTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(PulseClient::playbackStreams() > 0, kStateTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
    }

    // "Paused" is shown while paused, and only then.
    void pausedIsShownWhilePaused() {
        QVERIFY(window_->statusPanel()->transportText().isEmpty());
        action(TransportAction::Play)->trigger();
        QCOMPARE(session_->state(), TransportState::Playing);
        QVERIFY(window_->statusPanel()->transportText().isEmpty());
        action(TransportAction::Pause)->trigger();
        QCOMPARE(window_->statusPanel()->transportText(), QStringLiteral("Paused"));
        action(TransportAction::Play)->trigger();
        QVERIFY(window_->statusPanel()->transportText().isEmpty());
        action(TransportAction::Stop)->trigger();
        QVERIFY(window_->statusPanel()->transportText().isEmpty());
    }

    // Ctrl+Q during a take asks first; "Keep Recording" keeps it going, "Stop Recording and
    // Quit" saves the take and closes the window.
    void quittingDuringATakeAsksAndKeepsTheTake() {
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QTest::qWait(300);

        QString asked;
        const auto answer = [&asked](const QString& button) {
            QTimer::singleShot(0, [&asked, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (box == nullptr)
                    return;
                asked = box->text();
                for (QAbstractButton* b : box->buttons()) {
                    if (b->text().remove('&') == button)
                        b->click();
                }
            });
        };
        answer(QStringLiteral("Keep Recording"));
        QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_Q));
        QVERIFY2(asked.contains(QStringLiteral("being recorded")), qPrintable(asked));
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(window_->isVisible());
        QCOMPARE(saved.count(), 0);

        asked.clear();
        answer(QStringLiteral("Stop Recording and Quit"));
        window_->quitAction()->trigger();
        QVERIFY(!asked.isEmpty());
        QCOMPARE(saved.count(), 1);
        QVERIFY(session_->state() != TransportState::Recording);
        QVERIFY(!window_->isVisible());
        QVERIFY(QFileInfo(saved.first().first().toString()).size() > 44);
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
    }
};

QTEST_MAIN(TestWindowPlaybackFixes)
#include "TestWindowPlaybackFixes.moc"
