// The takes list: the recordings folder newest first, read from headers, with each take's
// loudness; it follows the folder; opens, renames (with sidecars), trashes with Undo, filters
// as you type, drags out, and F9 shows it and is remembered. Offscreen, no sound server.
#include "core/export/SpanLoudness.h"
#include "core/summary/SummaryCache.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/selection/SelectionActions.h"
#include "ui/session/Session.h"
#include "ui/takes/TakeFiles.h"
#include "ui/takes/TakeListModel.h"
#include "ui/takes/TakeLoudness.h"
#include "ui/takes/TakesPanel.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <sndfile.h>
#include <sys/stat.h>

#include <cmath>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
constexpr int kTimeoutMs = 10000;

bool writeTake(const QString& path, int frames, int format, const QDateTime& when) {
    const auto samples = tapedeck::testing::SignalGenerator::sine(440, 0.2, frames, 2, kRate);
    if (!tapedeck::testing::writeSoundFile(path.toStdString(), samples, 2, kRate, format).ok())
        return false;
    QFile file(path);
    return file.open(QIODevice::ReadWrite) &&
           file.setFileTime(when, QFileDevice::FileModificationTime);
}

bool touch(const QString& path, const QByteArray& content = "x") {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestTakesList : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    QString folder_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    TakesPanel* panel() const { return window_->takesPanel(); }
    TakeListModel* model() const { return panel()->model(); }
    QStringList names() const {
        QStringList shown;
        QAbstractItemModel* m = panel()->view()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            shown << m->index(row, TakeListModel::Name).data().toString();
        return shown;
    }
    void selectTake(const QString& name) {
        QAbstractItemModel* m = panel()->view()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            const QModelIndex index = m->index(row, TakeListModel::Name);
            if (index.data().toString() == name) {
                panel()->view()->setCurrentIndex(index);
                return;
            }
        }
        QFAIL(qPrintable("no row " + name));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        folder_ = temp_.filePath(QStringLiteral("takes"));
        QVERIFY(QDir().mkpath(folder_));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(writeTake(folder_ + "/Take 1.wav", 2 * kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_24,
                          now.addSecs(-300)));
        QVERIFY(writeTake(folder_ + "/Take 2.flac", kRate / 2, SF_FORMAT_FLAC | SF_FORMAT_PCM_16,
                          now.addSecs(-200)));
        QVERIFY(writeTake(folder_ + "/Brass.wav", 3 * kRate, SF_FORMAT_WAV | SF_FORMAT_FLOAT,
                          now.addSecs(-100)));
        QVERIFY(touch(folder_ + "/notes.txt"));
        QVERIFY(touch(folder_ + "/Take 1.wav.dropouts", "# Tapedeck dropouts\n"));
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        settings_->setRecordingFolder(folder_);
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->resize(1200, 700);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, kTimeoutMs);
    }

    void newestFirstWithLengthsFromTheHeaders() {
        QCOMPARE(names(), (QStringList{"Brass.wav", "Take 2.flac", "Take 1.wav"}));
        const auto cell = [this](int row, int column) {
            return model()->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, TakeListModel::Length), QStringLiteral("0:03.0"));
        QCOMPARE(cell(0, TakeListModel::Format), QStringLiteral("WAV 32-bit float"));
        QCOMPARE(cell(1, TakeListModel::Length), QStringLiteral("0:00.5"));
        QCOMPARE(cell(1, TakeListModel::Format), QStringLiteral("FLAC 16-bit"));
        QCOMPARE(cell(2, TakeListModel::Length), QStringLiteral("0:02.0"));
        QCOMPARE(cell(2, TakeListModel::Format), QStringLiteral("WAV 24-bit"));
        QCOMPARE(model()->takes()[2].bytes, QFileInfo(folder_ + "/Take 1.wav").size());
        QVERIFY(!cell(2, TakeListModel::Size).isEmpty());
        QVERIFY(!cell(2, TakeListModel::Date).isEmpty());
    }

    // Each take's integrated loudness, as an independent meter (libebur128) reads it. It is
    // kept in the waveform cache with the scan, so the next launch shows it without measuring
    // the take again: the cache file is not written anew.
    void eachTakesLoudnessIsShownAndKeptForTheNextLaunch() {
        const auto cell = [this](int row) {
            return model()->index(row, TakeListModel::Loudness).data().toString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(cell(0).endsWith(QStringLiteral("LUFS")), kTimeoutMs);
        const QString path = folder_ + "/Brass.wav";
        const Result<LoudnessReading> reference = measureFile(path.toStdString());
        QVERIFY(reference.ok() && reference->integratedLufs);
        const double shown = cell(0)
                                 .section(QLatin1Char(' '), 0, 0)
                                 .replace(QChar(0x2212), QLatin1Char('-'))
                                 .toDouble();
        qInfo("Brass.wav: shown %s, libebur128 %.2f LUFS", qPrintable(cell(0)),
              *reference->integratedLufs);
        QVERIFY(std::fabs(shown - *reference->integratedLufs) <= 0.15);

        const SummaryCache cache;
        const Result<SummaryCacheKey> key = SummaryCache::keyFor(path.toStdString());
        QVERIFY(key.ok());
        struct stat before {};
        QCOMPARE(::stat(cache.cachePathFor(*key).c_str(), &before), 0);
        const QFileInfo info(path);
        TakeLoudness nextLaunch;
        QSignalSpy measured(&nextLaunch, &TakeLoudness::measured);
        QVERIFY(!nextLaunch.reading(path, info.lastModified(), info.size()));
        QVERIFY(measured.wait(kTimeoutMs));
        const std::optional<LoudnessReading> again =
            nextLaunch.reading(path, info.lastModified(), info.size(), false);
        QVERIFY(again && again->integratedLufs);
        QCOMPARE(TakeLoudness::describe(again), cell(0));
        struct stat after {};
        QCOMPARE(::stat(cache.cachePathFor(*key).c_str(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino); // a store renames a new file into place
    }

    void f9ShowsThePanelAndItIsRemembered() {
        QVERIFY(!window_->takesDock()->isVisible());
        QTest::keyClick(window_.get(), Qt::Key_F9);
        QVERIFY(window_->takesDock()->isVisible());
        window_->close(); // saves the window state
        auto settings = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        Session session(*settings);
        MainWindow again(session, *settings);
        again.show();
        QApplication::setActiveWindow(&again);
        QVERIFY(QTest::qWaitForWindowActive(&again));
        QVERIFY(again.takesDock()->isVisible());
        QTest::keyClick(&again, Qt::Key_F9);
        QVERIFY(!again.takesDock()->isVisible());
        again.close();
        window_->show();
        QApplication::setActiveWindow(window_.get());
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        if (!window_->takesDock()->isVisible())
            QTest::keyClick(window_.get(), Qt::Key_F9);
        QVERIFY(window_->takesDock()->isVisible());
    }

    void theListFollowsTheFolder() {
        QVERIFY(writeTake(folder_ + "/Take 3.wav", kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16,
                          QDateTime::currentDateTime()));
        QTRY_COMPARE_WITH_TIMEOUT(names().size(), 4, kTimeoutMs);
        QCOMPARE(names().first(), QStringLiteral("Take 3.wav"));
        QVERIFY(QFile::remove(folder_ + "/Take 3.wav"));
        QTRY_COMPARE_WITH_TIMEOUT(names().size(), 3, kTimeoutMs);
    }

    void doubleClickAndEnterOpen() {
        selectTake(QStringLiteral("Take 2.flac"));
        const QModelIndex index = panel()->view()->currentIndex();
        const QRect rect = panel()->view()->visualRect(index);
        QTest::mouseClick(panel()->view()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(panel()->view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(session_->currentPath(), folder_ + "/Take 2.flac");
        selectTake(QStringLiteral("Brass.wav"));
        panel()->view()->setFocus();
        QTest::keyClick(panel()->view(), Qt::Key_Return);
        QCOMPARE(session_->currentPath(), folder_ + "/Brass.wav");
    }

    void renameTakesItsSidecarsAlong() {
        selectTake(QStringLiteral("Take 1.wav"));
        panel()->view()->setFocus();
        QTest::keyClick(panel()->view(), Qt::Key_F2);
        auto* editor = panel()->view()->findChild<QLineEdit*>();
        QVERIFY(editor != nullptr);
        QTRY_VERIFY(editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Interview.wav"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(QFileInfo::exists(folder_ + "/Interview.wav"));
        QVERIFY(!QFileInfo::exists(folder_ + "/Take 1.wav"));
        QVERIFY(QFileInfo::exists(folder_ + "/Interview.wav.dropouts"));
        QVERIFY(!QFileInfo::exists(folder_ + "/Take 1.wav.dropouts"));
        QTRY_VERIFY_WITH_TIMEOUT(names().contains(QStringLiteral("Interview.wav")), kTimeoutMs);

        // Never over another file.
        QSignalSpy refused(model(), &TakeListModel::renameFailed);
        const QModelIndex row =
            model()->index(model()->rowOf(folder_ + "/Interview.wav"), TakeListModel::Name);
        QVERIFY(!model()->setData(row, QStringLiteral("Brass.wav"), Qt::EditRole));
        QCOMPARE(refused.count(), 1);
        QVERIFY(QFileInfo::exists(folder_ + "/Interview.wav"));
        QVERIFY(QFileInfo::exists(folder_ + "/Brass.wav"));
    }

    void deleteMovesToTheTrashAndUndoBringsItBack() {
        QTRY_VERIFY_WITH_TIMEOUT(names().contains(QStringLiteral("Interview.wav")), kTimeoutMs);
        const QByteArray content = [&] {
            QFile f(folder_ + "/Interview.wav");
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        selectTake(QStringLiteral("Interview.wav"));
        panel()->view()->setFocus();
        QTest::keyClick(panel()->view(), Qt::Key_Delete);
        QVERIFY(!QFileInfo::exists(folder_ + "/Interview.wav"));
        QVERIFY(!QFileInfo::exists(folder_ + "/Interview.wav.dropouts"));
        QTRY_VERIFY_WITH_TIMEOUT(!names().contains(QStringLiteral("Interview.wav")), kTimeoutMs);

        QTest::keySequence(window_.get(), QKeySequence::Undo);
        QVERIFY(QFileInfo::exists(folder_ + "/Interview.wav"));
        QVERIFY(QFileInfo::exists(folder_ + "/Interview.wav.dropouts"));
        QFile f(folder_ + "/Interview.wav");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
        QTRY_VERIFY_WITH_TIMEOUT(names().contains(QStringLiteral("Interview.wav")), kTimeoutMs);
    }

    void typingFiltersByName() {
        panel()->view()->setFocus();
        QTest::keyClicks(panel()->view(), QStringLiteral("bra"));
        QCOMPARE(panel()->filterField()->text(), QStringLiteral("bra"));
        QCOMPARE(names(), QStringList{QStringLiteral("Brass.wav")});
        panel()->filterField()->clear();
        QCOMPARE(names().size(), 3);
    }

    void takesDragOutAsFiles() {
        const QModelIndex index = model()->index(0, TakeListModel::Name);
        QVERIFY(model()->flags(index) & Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> data(model()->mimeData({index}));
        QCOMPARE(data->urls().size(), 1);
        QVERIFY(data->urls().first().isLocalFile());
        QCOMPARE(data->urls().first().toLocalFile(), model()->takes()[0].path);
    }

    void showInFolderOpensTheFolder() {
        QString shown;
        window_->setFolderOpener([&shown](const QString& folder) {
            shown = folder;
            return true;
        });
        panel()->showInFolderAction()->trigger();
        QCOMPARE(shown, folder_);
    }

    void cleanupTestCase() {
        window_.reset();
        session_.reset();
        settings_.reset();
        const QDir trash(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         "/Trash");
        for (const QString& name : QDir(trash.filePath("files")).entryList({"Interview*"})) {
            QFile::remove(trash.filePath("files/" + name));
            QFile::remove(trash.filePath("info/" + name + ".trashinfo"));
        }
    }
};

QTEST_MAIN(TestTakesList)
#include "TestTakesList.moc"
