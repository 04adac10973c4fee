#include "support/PulseClient.h"
#include "support/SoundFileIo.h"
#include "ui/schedule/ScheduleActions.h"
#include "ui/schedule/ScheduleDialog.h"
#include "ui/schedule/ScheduledTake.h"
#include "ui/session/Session.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <chrono>

using namespace tapedeck;
using namespace tapedeck::testing;
using Clock = std::chrono::system_clock;

namespace {
constexpr int kRate = 48000;
constexpr int kTimeoutMs = 15000;
} // namespace

// Transport › Schedule Recording… in the window, on the private sound server: a take set two
// seconds ahead starts at that time, not before, and stops after its two-second length;
// closing the window while one waits asks first; a cancelled one records nothing.
class TestScheduledTakeSound : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    QString folder() const { return temp_.filePath(QStringLiteral("Takes")); }
    int takesInFolder() const {
        return QDir(folder()).entryList(QDir::Files | QDir::NoDotAndDotDot).size();
    }

    // Opens the dialog from the menu's action and schedules a take at `start`.
    Clock::time_point scheduleVia(QAction* action, const QString& length) {
        action->trigger();
        ScheduleDialog* dialog = window_->schedule()->dialog();
        if (!dialog)
            return {};
        // Two whole seconds ahead or a little more, written as a date and time with seconds.
        const QDateTime start =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3);
        dialog->startField()->setText(start.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        dialog->lengthField()->setText(length);
        dialog->scheduleButton()->click();
        return Clock::time_point(std::chrono::seconds(start.toSecsSinceEpoch()));
    }

private slots:
    void initTestCase() {
        QVERIFY(PulseClient::insideTestServer());
        QStandardPaths::setTestModeEnabled(true);
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("t.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(folder());
        DeviceChoice choice = settings_->deviceChoice();
        choice.sampleRate = kRate;
        choice.channels = 2;
        choice.format = FileFormat::WavFloat;
        settings_->setDeviceChoice(choice);
        TakeOptions options = settings_->takeOptions();
        options.preRollSeconds = 0; // the take is what comes after the start, nothing before
        settings_->setTakeOptions(options);
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_->startAudio();
        QVERIFY(session_->hasAudio());
    }

    void aScheduledTakeStartsAtItsTimeAndStopsAfterItsLength() {
        ScheduleActions* schedule = window_->schedule();
        QAction* action = schedule->action();
        QCOMPARE(action->text(), QStringLiteral("Sc&hedule Recording…"));
        // While waiting (each second of the countdown): no file and no take. When the take
        // starts: the wall clock.
        Clock::time_point startedAt;
        bool started = false;
        int filesWhileWaiting = 0;
        bool recordingWhileWaiting = false;
        QObject watching; // the connections end with this test
        connect(schedule->scheduledTake(), &ScheduledTake::countdownChanged, &watching, [&] {
            filesWhileWaiting = std::max(filesWhileWaiting, takesInFolder());
            recordingWhileWaiting =
                recordingWhileWaiting || session_->state() == TransportState::Recording;
        });
        connect(session_.get(), &Session::stateChanged, &watching, [&](TransportState state) {
            if (state == TransportState::Recording && !started) {
                startedAt = Clock::now();
                started = true;
            }
        });
        QSignalSpy saved(session_.get(), &Session::takeSaved);
        const Clock::time_point start = scheduleVia(action, QStringLiteral("2s"));
        QVERIFY(schedule->dialog() == nullptr);
        QVERIFY(schedule->scheduledTake()->isPending());
        QCOMPARE(action->text(), QStringLiteral("Cancel Sc&heduled Recording"));
        QVERIFY(schedule->countdownLabel()->isVisible());
        QVERIFY2(schedule->countdownLabel()->text().startsWith(
                     QStringLiteral("Recording starts in 0:0")),
                 qPrintable(schedule->countdownLabel()->text()));
        QVERIFY(session_->state() != TransportState::Recording);

        QTRY_VERIFY_WITH_TIMEOUT(started, kTimeoutMs);
        QCOMPARE(filesWhileWaiting, 0); // nothing recorded before the time
        QVERIFY(!recordingWhileWaiting);
        QVERIFY2(startedAt >= start, "the take started before its time");
        const auto late =
            std::chrono::duration_cast<std::chrono::milliseconds>(startedAt - start).count();
        qInfo("The scheduled take started %lld ms after its time.", static_cast<long long>(late));
        QVERIFY(!schedule->scheduledTake()->isPending());
        QVERIFY(!schedule->countdownLabel()->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Sc&hedule Recording…"));

        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeoutMs); // stopped by its length
        QVERIFY(session_->state() != TransportState::Recording);
        const auto take = readSoundFile(saved.first().first().toString().toStdString());
        QVERIFY(take.ok());
        QCOMPARE(take->frames(), std::int64_t(2 * kRate));
        QCOMPARE(takesInFolder(), 1);
        // The take options are as they were: the next take has no length.
        QVERIFY(!session_->takeOptions().stopAfterLength);
    }

    void aCancelledTakeRecordsNothing() {
        ScheduleActions* schedule = window_->schedule();
        QAction* action = schedule->action();
        const int takes = takesInFolder();
        bool recorded = false;
        QObject watching; // the connection ends with this test
        connect(session_.get(), &Session::stateChanged, &watching, [&](TransportState state) {
            recorded = recorded || state == TransportState::Recording;
        });
        const Clock::time_point start = scheduleVia(action, QString());
        QVERIFY(schedule->scheduledTake()->isPending());
        // Closing the window asks first; keeping it open keeps the take waiting.
        QString asked;
        QTimer::singleShot(0, [&asked] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box == nullptr)
                return;
            asked = box->text();
            for (QAbstractButton* button : box->buttons()) {
                if (button->text() == QStringLiteral("Keep Tapedeck Open"))
                    button->click();
            }
        });
        window_->close();
        QVERIFY2(asked.contains(QStringLiteral("scheduled to start")), qPrintable(asked));
        QVERIFY(window_->isVisible());
        QVERIFY(schedule->scheduledTake()->isPending());
        action->trigger(); // Cancel Scheduled Recording
        QVERIFY(!schedule->scheduledTake()->isPending());
        QCOMPARE(action->text(), QStringLiteral("Sc&hedule Recording…"));
        QVERIFY(!schedule->countdownLabel()->isVisible());
        // Past the time it was set for, and then some.
        QTRY_VERIFY_WITH_TIMEOUT(Clock::now() > start + std::chrono::milliseconds(1500),
                                 kTimeoutMs);
        QCoreApplication::processEvents();
        QVERIFY(!recorded);
        QCOMPARE(session_->state() == TransportState::Recording, false);
        QCOMPARE(takesInFolder(), takes);
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
    }
};

QTEST_MAIN(TestScheduledTakeSound)
#include "TestScheduledTakeSound.moc"
