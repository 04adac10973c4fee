// Playing a selection against the private sound server (tests/audio): Play plays the
// selection and stops at its end; Loop repeats it; a click outside plays on to the end.
#include "support/PulseClient.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/selection/SelectionBar.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sndfile.h>

using namespace tapedeck;
using tapedeck::testing::PulseClient;

namespace {
constexpr int kRate = 48000;
constexpr int kFileFrames = 3 * kRate;
constexpr std::int64_t kFrom = kRate / 2; // 0.5 s
constexpr std::int64_t kTo = kRate;       // 1.0 s
constexpr int kStateTimeoutMs = 10000;
} // namespace

class TestSelectionPlayback : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    QAction* action(TransportAction which) const { return window_->transport()->action(which); }

    void select(const QString& from, const QString& to) {
        QLineEdit* start = window_->selectionBar()->startField();
        start->setText(from);
        emit start->editingFinished();
        QLineEdit* end = window_->selectionBar()->endField();
        end->setText(to);
        emit end->editingFinished();
    }

private slots:
    void initTestCase() {
        if (!PulseClient::insideTestServer())
            QSKIP("not run inside tests/audio/with-sound-server.sh");
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        const QString file = temp_.filePath(QStringLiteral("three.wav"));
        const auto samples =
            tapedeck::testing::SignalGenerator::sine(330, 0.3, kFileFrames, 2, kRate);
        QVERIFY(tapedeck::testing::writeSoundFile(file.toStdString(), samples, 2, kRate,
                                                  SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        session_->startAudio();
        QVERIFY2(session_->hasAudio(), "PortAudio did not start");
        QVERIFY(session_->openFile(file));
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformDocument()->isComplete(), kStateTimeoutMs);
    }

    // Space plays the selection and stops at its end.
    void playPlaysTheSelection() {
        select(QStringLiteral("0.5"), QStringLiteral("1"));
        QCOMPARE(session_->selectionStart(), kFrom);
        QCOMPARE(session_->selectionEnd(), kTo);
        QSignalSpy positions(session_.get(), &Session::positionChanged);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(window_.get(), Qt::Key_Space);
        QCOMPARE(session_->state(), TransportState::Playing);
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        const qint64 elapsed = clock.elapsed();
        // Half a second of sound, plus the stream's start and its 100 ms latency; the rest of
        // the file would have been two seconds more.
        QVERIFY2(elapsed >= 450 && elapsed < 1500, qPrintable(QString::number(elapsed)));
        QVERIFY(!positions.isEmpty());
        for (const QList<QVariant>& args : positions) {
            const qint64 frame = args.at(0).toLongLong();
            QVERIFY2(frame >= kFrom && frame <= kTo, qPrintable(QString::number(frame)));
        }
        QCOMPARE(positions.last().at(0).toLongLong(), kTo);
        // Play again: the selection again, from its start.
        positions.clear();
        action(TransportAction::Play)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        QVERIFY(positions.first().at(0).toLongLong() < kFrom + kRate / 4);
        QCOMPARE(positions.last().at(0).toLongLong(), kTo);
    }

    // L loops the selection: it comes round again and again, never leaving it.
    void loopRepeatsTheSelection() {
        QTest::keyClick(window_.get(), Qt::Key_L);
        QVERIFY(window_->transport()->loopEnabled());
        QSignalSpy positions(session_.get(), &Session::positionChanged);
        action(TransportAction::Play)->trigger();
        int rounds = 0;
        qint64 last = -1;
        QElapsedTimer clock;
        clock.start();
        while (rounds < 2 && clock.elapsed() < kStateTimeoutMs) {
            QVERIFY(QTest::qWaitFor([&] { return !positions.isEmpty(); }, kStateTimeoutMs));
            const qint64 frame = positions.takeFirst().at(0).toLongLong();
            QVERIFY2(frame >= kFrom && frame <= kTo, qPrintable(QString::number(frame)));
            if (last > kFrom + kRate / 4 && frame < last)
                ++rounds;
            last = frame;
        }
        QCOMPARE(rounds, 2);
        QCOMPARE(session_->state(), TransportState::Playing);
        action(TransportAction::Stop)->trigger();
        QTest::keyClick(window_.get(), Qt::Key_L);
        QVERIFY(!window_->transport()->loopEnabled());
    }

    // Esc clears the selection: Play plays the whole file again.
    void withoutASelectionTheWholeFilePlays() {
        QTest::keyClick(window_.get(), Qt::Key_Escape);
        QVERIFY(!session_->hasSelection());
        QSignalSpy positions(session_.get(), &Session::positionChanged);
        action(TransportAction::Play)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), TransportState::Stopped, kStateTimeoutMs);
        QCOMPARE(positions.last().at(0).toLongLong(), qint64(kFileFrames));
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
    }
};

QTEST_MAIN(TestSelectionPlayback)
#include "TestSelectionPlayback.moc"
