// Issue 19, "Trust: the slips a new user found": renaming a take from the takes list (the
// extension kept, refusals said in words, always undoable), the window following a rename
// of the open take, the texts (plurals, what Undo did, Open Recent, the cut-short banner)
// and File › Close. Each test is on the real window, offscreen, with no sound server.
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/meters/LevelMeter.h"
#include "ui/selection/ExportJob.h"
#include "ui/selection/SelectionActions.h"
#include "ui/selection/SelectionBar.h"
#include "ui/session/Session.h"
#include "ui/takes/TakeListModel.h"
#include "ui/takes/TakesPanel.h"
#include "ui/transport/RecorderControls.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/RecentFilesMenu.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusLine.h"
#include "ui/window/StatusPanel.h"

#include "core/markers/TakeMarkers.h"
#include "core/summary/SummaryCache.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <sndfile.h>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
constexpr int kTimeoutMs = 10000;

bool writeTake(const QString& path, int frames, int format = SF_FORMAT_WAV | SF_FORMAT_PCM_16) {
    const auto samples = tapedeck::testing::SignalGenerator::sine(440, 0.3, frames, 2, kRate);
    return tapedeck::testing::writeSoundFile(path.toStdString(), samples, 2, kRate, format).ok();
}

QByteArray contentsOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The File menu's item with this text (mnemonic ampersands ignored), or null.
QAction* fileMenuItem(QMainWindow& window, const QString& text) {
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text().remove(QLatin1Char('&')) != QStringLiteral("File") || !menu->menu())
            continue;
        for (QAction* item : menu->menu()->actions()) {
            if (item->text().remove(QLatin1Char('&')) == text)
                return item;
        }
    }
    return nullptr;
}

} // namespace

class TestTrustSlips : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    QString folder_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    TakesPanel* panel() const { return window_->takesPanel(); }
    QString take(const QString& name) const { return folder_ + QLatin1Char('/') + name; }
    QStringList names() const {
        QStringList shown;
        QAbstractItemModel* m = panel()->view()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            shown << m->index(row, TakeListModel::Name).data().toString();
        return shown;
    }
    QString statusText() const { return window_->statusLine()->fullText(); }

    // Selects the row, presses F2, types `typed` over the name and presses Return, as a
    // person does.
    void renameInList(const QString& name, const QString& typed) {
        selectTake(name);
        panel()->view()->setFocus();
        QTest::keyClick(panel()->view(), Qt::Key_F2);
        // The view deletes its editor once the edit is committed.
        QPointer<QLineEdit> editor;
        QTRY_VERIFY((editor = panel()->view()->findChild<QLineEdit*>()) && editor->isVisible());
        editor->selectAll();
        if (typed.isEmpty())
            QTest::keyClick(editor, Qt::Key_Backspace);
        else
            QTest::keyClicks(editor, typed);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!editor || !editor->isVisible());
    }

    void selectTake(const QString& name) {
        QTRY_VERIFY_WITH_TIMEOUT(names().contains(name), kTimeoutMs);
        QAbstractItemModel* m = panel()->view()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            const QModelIndex index = m->index(row, TakeListModel::Name);
            if (index.data().toString() == name)
                panel()->view()->setCurrentIndex(index);
        }
    }

    void undo() { QTest::keySequence(window_.get(), QKeySequence::Undo); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        // The summary cache of this test, not the person's.
        qputenv("XDG_CACHE_HOME", temp_.filePath(QStringLiteral("cache")).toUtf8());
        folder_ = temp_.filePath(QStringLiteral("takes"));
        QVERIFY(QDir().mkpath(folder_));
        QVERIFY(writeTake(take("Take 3.wav"), kRate));
        QVERIFY(writeTake(take("Brass.wav"), kRate));
        QVERIFY(writeTake(take("Song.aiff"), kRate / 2, SF_FORMAT_AIFF | SF_FORMAT_PCM_16));
        QFile sidecar(take("Take 3.wav.dropouts"));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("# Tapedeck dropouts\n");
        sidecar.close();
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(folder_);
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->resize(1200, 700);
        window_->show();
        window_->takesDock()->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 3, kTimeoutMs);
    }

    // 1. "interview" typed for "Take 3.wav" names it "interview.wav": it stays in the list,
    // its sidecar goes along, and Undo gives the old name back.
    void aRenameKeepsTheExtensionAndIsUndoable() {
        const QByteArray before = contentsOf(take("Take 3.wav"));
        renameInList(QStringLiteral("Take 3.wav"), QStringLiteral("interview"));
        QVERIFY(!QFileInfo::exists(take("interview")));
        QVERIFY(QFileInfo::exists(take("interview.wav")));
        QVERIFY(QFileInfo::exists(take("interview.wav.dropouts")));
        QVERIFY(!QFileInfo::exists(take("Take 3.wav")));
        QVERIFY(names().contains(QStringLiteral("interview.wav")));
        QVERIFY(window_->selectionActions()->undoAction()->isEnabled());
        QVERIFY2(statusText().contains(QStringLiteral("interview.wav")), qPrintable(statusText()));

        undo();
        QVERIFY(QFileInfo::exists(take("Take 3.wav")));
        QVERIFY(QFileInfo::exists(take("Take 3.wav.dropouts")));
        QVERIFY(!QFileInfo::exists(take("interview.wav")));
        QCOMPARE(contentsOf(take("Take 3.wav")), before);
        QVERIFY(names().contains(QStringLiteral("Take 3.wav")));
        QTRY_VERIFY_WITH_TIMEOUT(!names().contains(QStringLiteral("interview.wav")), kTimeoutMs);
    }

    // Another format's extension does not make a WAV a FLAC: the real one stays, and the
    // status line says so. One of the same format is kept as typed.
    void anotherFormatsExtensionIsNotTaken() {
        renameInList(QStringLiteral("Take 3.wav"), QStringLiteral("interview.flac"));
        QVERIFY(!QFileInfo::exists(take("interview.flac")));
        QVERIFY(QFileInfo::exists(take("interview.wav")));
        QVERIFY2(statusText().contains(QStringLiteral(".wav")) &&
                     statusText().contains(QStringLiteral("format")),
                 qPrintable(statusText()));
        undo();
        QVERIFY(QFileInfo::exists(take("Take 3.wav")));

        renameInList(QStringLiteral("Song.aiff"), QStringLiteral("Song 2.aif"));
        QVERIFY(QFileInfo::exists(take("Song 2.aif")));
        undo();
        QVERIFY(QFileInfo::exists(take("Song.aiff")));
    }

    // Empty names, names with "/", and names taken already are refused, saying why.
    void refusedNamesSayWhy() {
        const auto refused = [this](const QString& typed, const QString& why) {
            window_->errorBanner()->hide();
            renameInList(QStringLiteral("Take 3.wav"), typed);
            QVERIFY(QFileInfo::exists(take("Take 3.wav")));
            QVERIFY2(window_->errorBanner()->isVisibleTo(window_.get()), qPrintable(typed));
            QVERIFY2(window_->errorBanner()->message().contains(why),
                     qPrintable(window_->errorBanner()->message()));
            QVERIFY2(statusText().contains(why), qPrintable(statusText()));
        };
        refused(QString(), QStringLiteral("empty"));
        refused(QStringLiteral("a/b"), QStringLiteral("“/”"));
        refused(QStringLiteral("Brass"), QStringLiteral("already"));
        // The take being recorded keeps its name until it is saved.
        panel()->setBusyTake(take("Take 3.wav"));
        refused(QStringLiteral("Other"), QStringLiteral("being recorded"));
        panel()->setBusyTake({});
        QCOMPARE(QDir(folder_).entryList(QDir::Files).size(), 4); // the takes and a sidecar
    }

    // 2. Renaming the open take: the window follows (title, Open Recent, markers, the
    // waveform document and its summary cache), and Undo brings it back.
    void theWindowFollowsARenameOfTheOpenTake() {
        QVERIFY(session_->openFile(take("Take 3.wav")));
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformDocument()->isComplete(), kTimeoutMs);
        renameInList(QStringLiteral("Take 3.wav"), QStringLiteral("Interview"));
        const QString renamed = take("Interview.wav");
        QVERIFY(QFileInfo::exists(renamed));
        QCOMPARE(session_->currentPath(), renamed);
        QVERIFY2(window_->windowTitle().contains(QStringLiteral("Interview.wav")),
                 qPrintable(window_->windowTitle()));
        QCOMPARE(settings_->recentFiles().value(0), renamed);
        QVERIFY(!settings_->recentFiles().contains(take("Take 3.wav")));
        QCOMPARE(window_->recentFilesMenu()->actions().value(0)->toolTip(),
                 QDir::toNativeSeparators(renamed));
        QCOMPARE(window_->waveformDocument()->path(), renamed);

        // The summary is found in the cache under the new name.
        const Result<SummaryCacheKey> key = SummaryCache::keyFor(renamed.toStdString());
        QVERIFY(key.ok());
        const QString cached = QString::fromStdString(SummaryCache().cachePathFor(*key));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(cached), kTimeoutMs);
        WaveformDocument again;
        again.open(renamed);
        QTRY_VERIFY_WITH_TIMEOUT(again.isComplete(), kTimeoutMs);
        QVERIFY(again.cameFromCache());

        // A marker goes into the renamed file, not to a file that is gone.
        window_->recorderControls()->addMarkerAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(take_markers::load(renamed.toStdString()).size(), std::size_t(1),
                                  kTimeoutMs);

        undo();
        QCOMPARE(session_->currentPath(), take("Take 3.wav"));
        QVERIFY2(window_->windowTitle().contains(QStringLiteral("Take 3.wav")),
                 qPrintable(window_->windowTitle()));
        QCOMPARE(settings_->recentFiles().value(0), take("Take 3.wav"));
        QCOMPARE(take_markers::load(take("Take 3.wav").toStdString()).size(), std::size_t(1));
    }

    // 11. Counted texts read in English: "2 places", "1 channel", never "(s)".
    void countsArePluralsNotParentheses() {
        window_->statusPanel()->setFileDropouts(2);
        QString tip;
        for (QLabel* label : window_->statusPanel()->findChildren<QLabel*>()) {
            if (label->toolTip().contains(QStringLiteral("Audio was lost")))
                tip = label->toolTip();
        }
        QVERIFY2(tip.contains(QStringLiteral("at 2 places")), qPrintable(tip));
        window_->statusPanel()->setFileDropouts(0);
        window_->levelMeter()->setChannelCount(1);
        QCOMPARE(window_->levelMeter()->accessibleDescription(),
                 QStringLiteral("1 channel, no clipping"));
        window_->levelMeter()->setChannelCount(2);
        QCOMPARE(window_->levelMeter()->accessibleDescription(),
                 QStringLiteral("2 channels, no clipping"));
    }

    // Undo of a move to the trash replaces "Moved … to the trash" with what was undone.
    void undoingATrashSaysSo() {
        selectTake(QStringLiteral("Brass.wav"));
        panel()->view()->setFocus();
        QTest::keyClick(panel()->view(), Qt::Key_Delete);
        QVERIFY(!QFileInfo::exists(take("Brass.wav")));
        QVERIFY2(statusText().contains(QStringLiteral("trash")), qPrintable(statusText()));
        undo();
        QVERIFY(QFileInfo::exists(take("Brass.wav")));
        QVERIFY2(!statusText().contains(QStringLiteral("Moved")), qPrintable(statusText()));
        QVERIFY2(statusText().contains(QStringLiteral("Undone")) &&
                     statusText().contains(QStringLiteral("Brass.wav")),
                 qPrintable(statusText()));
    }

    // Undoing a trim says what was undone.
    void undoingATrimSaysSo() {
        QVERIFY(session_->openFile(take("Brass.wav")));
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformDocument()->isComplete(), kTimeoutMs);
        window_->selectionBar()->startField()->setText(QStringLiteral("0.2"));
        emit window_->selectionBar()->startField()->editingFinished();
        window_->selectionBar()->endField()->setText(QStringLiteral("0.6"));
        emit window_->selectionBar()->endField()->editingFinished();
        SelectionActions* actions = window_->selectionActions();
        QSignalSpy done(actions->job(), &ExportJob::finished);
        actions->trimAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeoutMs);
        QCOMPARE(session_->currentPath(), take("Brass (trimmed).wav"));
        window_->statusLine()->show(QStringLiteral("something else"));
        undo();
        QCOMPARE(session_->currentPath(), take("Brass.wav"));
        QVERIFY2(statusText().contains(QStringLiteral("Undone")) &&
                     statusText().contains(QStringLiteral("Trim")),
                 qPrintable(statusText()));
    }

    // A file that is gone leaves Open Recent when opening it fails.
    void aMissingFileLeavesOpenRecent() {
        const QString gone = take("gone.wav");
        QVERIFY(writeTake(gone, kRate));
        QVERIFY(session_->openFile(gone));
        QVERIFY(settings_->recentFiles().contains(gone));
        QVERIFY(session_->openFile(take("Brass.wav")));
        QVERIFY(QFile::remove(gone));
        QAction* item = nullptr;
        for (QAction* action : window_->recentFilesMenu()->actions()) {
            if (action->toolTip() == QDir::toNativeSeparators(gone))
                item = action;
        }
        QVERIFY(item != nullptr);
        item->trigger();
        QVERIFY(!settings_->recentFiles().contains(gone));
        for (QAction* action : window_->recentFilesMenu()->actions())
            QVERIFY(action->toolTip() != QDir::toNativeSeparators(gone));
        QCOMPARE(session_->currentPath(), take("Brass.wav")); // still open
    }

    // The cut-short banner uses the window's time format: m:ss.t, no "s" after it.
    void theCutShortBannerUsesTheWindowsTimes() {
        const QString full = temp_.filePath(QStringLiteral("long.wav"));
        QVERIFY(writeTake(full, 10 * kRate - 1, SF_FORMAT_WAV | SF_FORMAT_PCM_24));
        const QString cut = temp_.filePath(QStringLiteral("cut.wav"));
        {
            QFile out(cut);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QVERIFY(out.write(contentsOf(full).left(44 + 6 * 3 * kRate)) > 0); // 3 s
        }
        QVERIFY(session_->openFile(cut));
        QTRY_VERIFY_WITH_TIMEOUT(window_->errorBanner()->isVisibleTo(window_.get()), kTimeoutMs);
        const QString message = window_->errorBanner()->message();
        // As the status panel shows a length: 0:09.9 for 9.99998 s, not 10.000 s.
        QVERIFY2(message.contains(QStringLiteral("0:03.0")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("0:09.9")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral(" s ")) &&
                     !message.contains(QStringLiteral(" s.")) &&
                     !message.contains(QStringLiteral("10.000")),
                 qPrintable(message));
    }

    // File › Close (Ctrl+W) returns the window to its empty state without quitting; it is
    // disabled with nothing open.
    void fileCloseEmptiesTheWindow() {
        QAction* close = fileMenuItem(*window_, QStringLiteral("Close"));
        QVERIFY(close != nullptr);
        QCOMPARE(close->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_W));
        QVERIFY(session_->openFile(take("Brass.wav")));
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformDocument()->isOpen(), kTimeoutMs);
        QVERIFY(close->isEnabled());
        QVERIFY(window_->waveformView()->isVisible());
        QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_W));
        QVERIFY(window_->isVisible());
        QVERIFY(session_->currentPath().isEmpty());
        QCOMPARE(session_->state(), TransportState::NoFile);
        QCOMPARE(window_->windowTitle(), QStringLiteral("Tapedeck"));
        QVERIFY(!window_->waveformView()->isVisible());
        QVERIFY(!window_->waveformDocument()->isOpen());
        QVERIFY(!window_->transport()->action(TransportAction::Play)->isEnabled());
        QVERIFY(!window_->transport()->action(TransportAction::Stop)->isEnabled());
        QCOMPARE(window_->statusPanel()->positionText(), QStringLiteral("No file"));
        QVERIFY(!close->isEnabled());
        QVERIFY(!window_->recorderControls()->addMarkerAction()->isEnabled());
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
        const QDir trash(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         "/Trash");
        for (const QString& name : QDir(trash.filePath("files")).entryList({"Brass*"})) {
            QFile::remove(trash.filePath("files/" + name));
            QFile::remove(trash.filePath("info/" + name + ".trashinfo"));
        }
    }
};

QTEST_MAIN(TestTrustSlips)
#include "TestTrustSlips.moc"
