#include "robustness/CrashedTake.h"
#include "ui/dialogs/RecoveryBanner.h"
#include "ui/recording/TakeRecovery.h"
#include "ui/session/Session.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include "core/recovery/RecordingJournal.h"

#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <sys/wait.h>
#include <unistd.h>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;
constexpr int kChannels = 2;
constexpr std::int64_t kFrames = 3 * kRate; // three seconds reached the disk
constexpr int kWorkTimeoutMs = 20000;

std::vector<float> testSignal() {
    std::vector<float> out(static_cast<std::size_t>(kFrames * kChannels));
    for (std::int64_t i = 0; i < kFrames; ++i) {
        for (int c = 0; c < kChannels; ++c)
            out[i * kChannels + c] =
                0.4f * static_cast<float>(std::sin(2 * M_PI * (330.0 + 110 * c) * i / kRate));
    }
    return out;
}

// A PID that belonged to a process that has exited.
std::int64_t deadPid() {
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

// Leaves the journal a crashed recorder leaves: written when the take began, never
// finished, and naming a process that no longer runs.
bool leaveJournal(const std::string& take) {
    JournalEntry entry{take, "ALSA", "default", kRate, kChannels, FileFormat::Wav24};
    auto journal = RecordingJournal::begin(entry);
    if (!journal.ok())
        return false;
    const QString path = QString::fromStdString(journal->path());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    text.replace(QStringLiteral("pid=%1\n").arg(journal->record().pid),
                 QStringLiteral("pid=%1\n").arg(deadPid()));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) > 0;
}

} // namespace

// At start-up the window looks for takes a crash left unfinished, offers them in a banner,
// and one click repairs them and opens the last one. No sound device is needed.
class TestStartupRecovery : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;

    std::unique_ptr<Settings> settingsFor(const QString& folder) {
        auto settings = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings->setRecordingFolder(folder);
        return settings;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
    }

    void aCrashedTakeIsOfferedRepairedAndOpened() {
        const QString folder = temp_.filePath(QStringLiteral("takes"));
        QVERIFY(QDir().mkpath(folder));
        const std::string take =
            (folder + QStringLiteral("/Take 2026-11-26 10-15-03.wav")).toStdString();
        // The header was last updated after one second; three seconds are on disk.
        QVERIFY(writeCrashedTake(take, FileFormat::Wav24, kRate, kChannels, testSignal(), kRate));
        QVERIFY(headerFrames(take) < kFrames);
        QVERIFY(leaveJournal(take));

        auto settings = settingsFor(folder);
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        RecoveryBanner* banner = window.recoveryBanner();
        QVERIFY(!banner->isVisibleTo(&window));

        window.lookForUnfinishedTakes();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(&window), kWorkTimeoutMs);
        QCOMPARE(banner->message(), QStringLiteral("Tapedeck found 1 recording that was not "
                                                   "finished (Take 2026-11-26 10-15-03.wav)."));
        QVERIFY(banner->recoverButton()->isEnabled());

        QTest::mouseClick(banner->recoverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisibleTo(&window), kWorkTimeoutMs);
        QCOMPARE(session.currentPath(), QString::fromStdString(take));
        QCOMPARE(session.state(), TransportState::Stopped);
        QVERIFY(!QFileInfo::exists(QString::fromStdString(RecordingJournal::pathFor(take))));
        QCOMPARE(headerFrames(take), kFrames);
        const QString status = window.statusBar()->currentMessage();
        QVERIFY2(status.contains(QStringLiteral("Recovered Take 2026-11-26 10-15-03.wav (0:03.0)")),
                 qPrintable(status));
        QTRY_VERIFY_WITH_TIMEOUT(window.waveformView()->summary() != nullptr, kWorkTimeoutMs);
        QCOMPARE(window.waveformView()->totalFrames(), kFrames);

        // Nothing is left to offer at the next start.
        QSignalSpy found(window.takeRecovery(), &TakeRecovery::unfinishedTakesFound);
        window.lookForUnfinishedTakes();
        QTRY_VERIFY_WITH_TIMEOUT(!window.takeRecovery()->isBusy(), kWorkTimeoutMs);
        QCOMPARE(found.count(), 0);
    }

    void aFolderWithoutUnfinishedTakesShowsNothing() {
        const QString folder = temp_.filePath(QStringLiteral("clean"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeFinishedTake((folder + QStringLiteral("/Take 1.wav")).toStdString(),
                                  FileFormat::Wav24, kRate, kChannels, testSignal()));
        auto settings = settingsFor(folder);
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        window.lookForUnfinishedTakes();
        QTRY_VERIFY_WITH_TIMEOUT(!window.takeRecovery()->isBusy(), kWorkTimeoutMs);
        QTest::qWait(50);
        QVERIFY(!window.recoveryBanner()->isVisibleTo(&window));
    }
};

QTEST_MAIN(TestStartupRecovery)
#include "TestStartupRecovery.moc"
