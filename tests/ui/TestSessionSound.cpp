#include "ui/dialogs/ErrorBanner.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace tapedeck;

namespace {
constexpr int kTakeMs = 1000;
constexpr int kStateTimeoutMs = 10000;
constexpr int kMinimumTakeFrames = 48000 / 2; // half of a one-second take, at least
} // namespace

// The window and session against the private sound server (tests/audio): record a take,
// find it open and playable, play it to the end, and survive the server going away.
class TestSessionSound : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        session_->startAudio();
        QVERIFY2(session_->hasAudio(), "PortAudio did not start");
        QVERIFY(!session_->devices().empty());
    }

    void aTakeIsSavedAndOpenAfterStop() {
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        QSignalSpy positions(session_.get(), &Session::positionChanged);
        window_->transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QVERIFY(window_->windowTitle().startsWith(QStringLiteral("Tapedeck — Take ")));
        QVERIFY(!window_->openAction()->isEnabled());
        QTest::qWait(kTakeMs);
        QVERIFY(positions.count() > 5); // the bridge polls at the frame rate

        window_->transport()->action(TransportAction::Stop)->trigger();
        QCOMPARE(saved.count(), 1);
        const QString path = saved.first().first().toString();
        QVERIFY(path.startsWith(temp_.filePath(QStringLiteral("takes"))));
        QVERIFY(QFileInfo(path).size() > 0);
        QCOMPARE(session_->state(), TransportState::Stopped);
        QCOMPARE(session_->currentPath(), path);
        QVERIFY(window_->transport()->action(TransportAction::Play)->isEnabled());
        QVERIFY(!window_->errorBanner()->isVisibleTo(window_.get()));
        QVERIFY(settings_->recentFiles().contains(path));
    }

    void theTakePlaysToTheEnd() {
        QSignalSpy states(session_.get(), &Session::stateChanged);
        qint64 length = 0;
        connect(session_.get(), &Session::positionChanged, this,
                [&length](qint64, qint64 total) { length = std::max(length, total); });
        window_->transport()->action(TransportAction::Play)->trigger();
        QCOMPARE(session_->state(), TransportState::Playing);
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        QVERIFY(length >= kMinimumTakeFrames);
    }

    void aLostSoundServerShowsAnErrorAndKeepsTheTake() {
        const QByteArray pids = qgetenv("TAPEDECK_SOUND_SERVER_PIDS");
        if (pids.isEmpty())
            QSKIP("not run inside tests/audio/with-sound-server.sh");
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        window_->transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session_->state(), TransportState::Recording);
        QTest::qWait(kTakeMs / 2);
        for (const QByteArray& pid : pids.split(' ')) {
            if (!pid.trimmed().isEmpty())
                ::kill(static_cast<pid_t>(pid.trimmed().toLongLong()), SIGKILL);
        }
        QTRY_VERIFY_WITH_TIMEOUT(session_->state() != TransportState::Recording, kStateTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window_->errorBanner()->isVisibleTo(window_.get()), 2000);
        QVERIFY(!window_->errorBanner()->nextStep().isEmpty());
        // The banner says why the take ended, and that it was kept.
        QVERIFY2(window_->errorBanner()->nextStep().contains(QStringLiteral("saved")) ||
                     window_->errorBanner()->nextStep().contains(QStringLiteral("kept")),
                 qPrintable(window_->errorBanner()->message() + " / " +
                            window_->errorBanner()->nextStep()));
        QCOMPARE(saved.count(), 1);
        QVERIFY(QFileInfo(saved.first().first().toString()).size() > 0);
        // The window still answers.
        QVERIFY(window_->transport()->action(TransportAction::Record)->isEnabled());
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
    }
};

QTEST_MAIN(TestSessionSound)
#include "TestSessionSound.moc"
