#include "ui/recording/SleepInhibitor.h"
#include "ui/schedule/ScheduleDialog.h"
#include "ui/schedule/ScheduledTake.h"
#include "ui/session/Session.h"
#include "ui/window/Settings.h"

#include <QDBusConnection>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace tapedeck;
using Clock = std::chrono::system_clock;

namespace {
// A local date and time as the wall clock.
Clock::time_point at(int year, int month, int day, int hour, int minute, int second = 0) {
    const QDateTime local(QDate(year, month, day), QTime(hour, minute, second));
    return Clock::time_point(std::chrono::milliseconds(local.toMSecsSinceEpoch()));
}

QString destination(Clock::time_point) {
    return QStringLiteral("/music/Tapedeck/Take.wav");
}
} // namespace

// Transport › Schedule Recording…'s dialog, on a fixed clock (2026-12-04 15:00 local): the start as
// a time of day or a date and time, the length in the command line's forms, a past time refused
// with a plain message; and the wait itself, which keeps the computer awake and can be cancelled.
class TestScheduleDialog : public QObject {
    Q_OBJECT

    Clock::time_point now_ = at(2026, 12, 4, 15, 0);
    ScheduleDialog::Now clock() {
        return [this] { return now_; };
    }

    // Types into the dialog and presses Schedule; true when it closed accepted.
    static bool schedule(ScheduleDialog& dialog, const QString& start, const QString& length) {
        dialog.startField()->setText(start);
        dialog.lengthField()->setText(length);
        dialog.scheduleButton()->click();
        return dialog.result() == QDialog::Accepted && !dialog.isVisible();
    }

private slots:
    void init() { now_ = at(2026, 12, 4, 15, 0); } // each test starts at 15:00

    void aPastTimeIsRefusedWithAPlainMessage() {
        ScheduleDialog dialog(&destination, nullptr, clock());
        dialog.show();
        QVERIFY(!schedule(dialog, QStringLiteral("14:30"), QString()));
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.whenLabel()->text().contains(QStringLiteral("has already passed")),
                 qPrintable(dialog.whenLabel()->text()));
        QVERIFY2(dialog.whenLabel()->text().contains(QStringLiteral("not taken to mean tomorrow")),
                 qPrintable(dialog.whenLabel()->text()));
        QVERIFY(dialog.destinationLabel()->text().isEmpty());
        // Now itself is past too: a take cannot start at the moment it is asked for.
        QVERIFY(!schedule(dialog, QStringLiteral("15:00"), QString()));
        QVERIFY(!schedule(dialog, QStringLiteral("2026-12-03 16:00"), QString()));
        QVERIFY(dialog.isVisible());
    }

    // The time may pass while the dialog is open: Schedule checks it again.
    void aTimeThatPassesWhileTheDialogIsOpenIsRefused() {
        ScheduleDialog dialog(&destination, nullptr, clock());
        dialog.show();
        dialog.startField()->setText(QStringLiteral("15:01"));
        QVERIFY2(dialog.whenLabel()->text().contains(QStringLiteral("in 1 min 0 s")),
                 qPrintable(dialog.whenLabel()->text()));
        QCOMPARE(dialog.destinationLabel()->text(),
                 QStringLiteral("It will be saved as /music/Tapedeck/Take.wav"));
        now_ = at(2026, 12, 4, 15, 2);
        dialog.scheduleButton()->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.whenLabel()->text().contains(QStringLiteral("has already passed")));
    }

    void startTimesAreReadAsTheCommandLineReadsThem() {
        const struct {
            const char* text;
            Clock::time_point start;
        } cases[] = {
            {"16:30", at(2026, 12, 4, 16, 30)},
            {"15:00:30", at(2026, 12, 4, 15, 0, 30)},
            {"2026-12-05 09:15", at(2026, 12, 5, 9, 15)},
            {"2026-12-05T09:15:30", at(2026, 12, 5, 9, 15, 30)},
        };
        for (const auto& c : cases) {
            ScheduleDialog dialog(&destination, nullptr, clock());
            dialog.show();
            QVERIFY2(schedule(dialog, QString::fromLatin1(c.text), QString()), c.text);
            QVERIFY2(dialog.start() == c.start, c.text);
            QCOMPARE(dialog.lengthSeconds(), 0.0); // until Stop
        }
        for (const char* wrong : {"", "25:00", "4:30 pm", "tomorrow", "2026-02-30 10:00"}) {
            ScheduleDialog dialog(&destination, nullptr, clock());
            dialog.show();
            QVERIFY2(!schedule(dialog, QString::fromLatin1(wrong), QString()), wrong);
            QVERIFY2(dialog.whenLabel()->text().startsWith(QStringLiteral("Write the start")),
                     qPrintable(dialog.whenLabel()->text()));
        }
    }

    void lengthsAreReadAsTheCommandLineReadsThem() {
        const struct {
            const char* text;
            double seconds;
        } cases[] = {{"90s", 90}, {"45m", 2700}, {"1h30m", 5400}, {"1h", 3600}, {"600", 600}};
        for (const auto& c : cases) {
            ScheduleDialog dialog(&destination, nullptr, clock());
            dialog.show();
            QVERIFY2(schedule(dialog, QStringLiteral("16:00"), QString::fromLatin1(c.text)),
                     c.text);
            QCOMPARE(dialog.lengthSeconds(), c.seconds);
        }
        for (const char* wrong : {"0", "1x", "30m1h", "-5s"}) {
            ScheduleDialog dialog(&destination, nullptr, clock());
            dialog.show();
            QVERIFY2(!schedule(dialog, QStringLiteral("16:00"), QString::fromLatin1(wrong)), wrong);
            QVERIFY2(dialog.whenLabel()->text().startsWith(QStringLiteral("Write the length")),
                     qPrintable(dialog.whenLabel()->text()));
        }
    }

    // Five minutes ahead, on the minute; with the date when that is tomorrow.
    void theDefaultStartIsAFewMinutesAhead() {
        ScheduleDialog dialog(&destination, nullptr, clock());
        QCOMPARE(dialog.startField()->text(), QStringLiteral("15:05"));
        now_ = at(2026, 12, 4, 23, 58, 10);
        ScheduleDialog late(&destination, nullptr, clock());
        QCOMPARE(late.startField()->text(), QStringLiteral("2026-12-05 00:04"));
        QVERIFY(late.whenLabel()->text().contains(QStringLiteral("in 5 min 50 s")));
    }

    void theCountdownReadsAsAClock() {
        using namespace std::chrono;
        QCOMPARE(ScheduledTake::countdownText(seconds(299)),
                 QStringLiteral("Recording starts in 4:59"));
        QCOMPARE(ScheduledTake::countdownText(milliseconds(200)),
                 QStringLiteral("Recording starts in 0:01"));
        QCOMPARE(ScheduledTake::countdownText(seconds(3723)),
                 QStringLiteral("Recording starts in 1:02:03"));
    }

    // While a take waits, the computer is kept awake; cancelling lets it sleep and records
    // nothing. (No bus here: the inhibitor is asked, and says it cannot.)
    void theWaitKeepsTheComputerAwakeUntilCancelled() {
        QTemporaryDir temp;
        QStandardPaths::setTestModeEnabled(true);
        Settings settings(std::make_unique<QSettings>(temp.filePath(QStringLiteral("t.ini")),
                                                      QSettings::IniFormat));
        Session session(settings);
        SleepInhibitor inhibitor{QDBusConnection(QString()), QDBusConnection(QString())};
        ScheduledTake take(session, inhibitor, nullptr, clock());
        QSignalSpy pending(&take, &ScheduledTake::pendingChanged);
        QSignalSpy countdown(&take, &ScheduledTake::countdownChanged);
        QSignalSpy started(&take, &ScheduledTake::started);

        take.schedule(at(2026, 12, 4, 16, 0), 90);
        QVERIFY(take.isPending());
        QVERIFY(inhibitor.isHeld());
        QCOMPARE(take.lengthSeconds(), 90.0);
        QCOMPARE(pending.count(), 1);
        QCOMPARE(countdown.count(), 1);
        QCOMPARE(countdown.at(0).at(0).toString(), QStringLiteral("Recording starts in 1:00:00"));

        take.cancel();
        QVERIFY(!take.isPending());
        QVERIFY(!inhibitor.isHeld());
        QCOMPARE(pending.count(), 2);
        QCOMPARE(started.count(), 0);
        QCOMPARE(session.state(), TransportState::NoFile);
    }
};

QTEST_MAIN(TestScheduleDialog)
#include "TestScheduleDialog.moc"
