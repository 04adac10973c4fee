// Selection on the waveform, and what it is for: typed times, Esc and Ctrl+A, Export
// Selection… and Trim to Selection with Undo. Offscreen, no sound server (playing a selection
// is in TestSelectionPlayback).
#include "support/SoundFileIo.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/selection/ExportJob.h"
#include "ui/selection/SelectionActions.h"
#include "ui/selection/SelectionBar.h"
#include "ui/session/Session.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformSelection.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sndfile.h>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
constexpr int kSeconds = 4;
constexpr int kOpenTimeoutMs = 10000;
constexpr int kJobTimeoutMs = 20000;

std::vector<short> rampSamples(int frames) {
    std::vector<short> samples(static_cast<std::size_t>(frames) * 2);
    for (int i = 0; i < frames; ++i) {
        samples[2 * i] = static_cast<short>(i % 20000 - 10000);
        samples[2 * i + 1] = static_cast<short>(10000 - i % 20000);
    }
    return samples;
}

bool writeRamp(const QString& path, int frames) {
    SF_INFO info{};
    info.samplerate = kRate;
    info.channels = 2;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.toLocal8Bit().constData(), SFM_WRITE, &info);
    if (file == nullptr)
        return false;
    const auto samples = rampSamples(frames);
    const bool ok = sf_writef_short(file, samples.data(), frames) == frames;
    sf_close(file);
    return ok;
}

std::vector<short> readShorts(const QString& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.toLocal8Bit().constData(), SFM_READ, &info);
    if (file == nullptr)
        return {};
    std::vector<short> samples(static_cast<std::size_t>(info.frames) * info.channels);
    sf_readf_short(file, samples.data(), info.frames);
    sf_close(file);
    return samples;
}

} // namespace

class TestSelection : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;
    QString file_;

    WaveformView* view() const { return window_->waveformView(); }
    int xFor(std::int64_t frame) const {
        return view()->waveformRect().left() +
               static_cast<int>((frame - view()->startFrame()) / view()->framesPerPixel());
    }
    int midY() const { return view()->waveformRect().center().y(); }
    void drag(int fromX, int toX, Qt::KeyboardModifiers modifiers = {}) {
        QTest::mousePress(view(), Qt::LeftButton, modifiers, QPoint(fromX, midY()));
        QMouseEvent move(QEvent::MouseMove, QPointF(toX, midY()),
                         view()->mapToGlobal(QPointF(toX, midY())), Qt::NoButton, Qt::LeftButton,
                         modifiers);
        QApplication::sendEvent(view(), &move);
        QTest::mouseRelease(view(), Qt::LeftButton, modifiers, QPoint(toX, midY()));
    }
    // Within one pixel column of `frame`.
    bool near(std::int64_t actual, std::int64_t frame) const {
        return std::abs(actual - frame) <= static_cast<std::int64_t>(view()->framesPerPixel()) + 1;
    }
    void openFresh(const QString& name) {
        file_ = temp_.filePath(name);
        QVERIFY(writeRamp(file_, kSeconds * kRate));
        QVERIFY(session_->openFile(file_));
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformDocument()->isComplete(), kOpenTimeoutMs);
        QTRY_VERIFY(view()->summary() != nullptr);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->resize(1000, 600);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void gesturesMakeTheRightSpans() {
        WaveformSelection s;
        QVERIFY(!s.press(100, false, 0, 5));
        QVERIFY(!s.drag(102, false)); // within the click slop: nothing yet
        QVERIFY(s.drag(400, true));
        QCOMPARE(s.start(), qint64(100));
        QCOMPARE(s.end(), qint64(400));
        QVERIFY(s.drag(50, true)); // back past the anchor
        QCOMPARE(s.start(), qint64(50));
        QCOMPARE(s.end(), qint64(100));
        QVERIFY(!s.release());
        // An edge is grabbed near it and dragged.
        QVERIFY(!s.press(98, false, 0, 5));
        QVERIFY(s.drag(300, true));
        QCOMPARE(s.start(), qint64(50));
        QCOMPARE(s.end(), qint64(300));
        QVERIFY(!s.release());
        // Shift+click extends from the farther edge.
        QVERIFY(s.press(600, true, 0, 5));
        QCOMPARE(s.start(), qint64(50));
        QCOMPARE(s.end(), qint64(600));
        QVERIFY(!s.release());
        // A plain click elsewhere is a click.
        s.press(1000, false, 0, 5);
        QVERIFY(s.release());
        // Shift+click with nothing selected selects from the playhead.
        WaveformSelection fresh;
        QVERIFY(fresh.press(200, true, 700, 5));
        QCOMPARE(fresh.start(), qint64(200));
        QCOMPARE(fresh.end(), qint64(700));
    }

    void timesAreShownAndRead() {
        QCOMPARE(SelectionBar::formatTime(62.5), QStringLiteral("1:02.500"));
        QCOMPARE(SelectionBar::formatTime(3723.25), QStringLiteral("1:02:03.250"));
        QCOMPARE(SelectionBar::parseTime(QStringLiteral("1:02.5")), std::optional(62.5));
        QCOMPARE(SelectionBar::parseTime(QStringLiteral(" 62,5 ")), std::optional(62.5));
        QCOMPARE(SelectionBar::parseTime(QStringLiteral("1:02:03.25")), std::optional(3723.25));
        QVERIFY(!SelectionBar::parseTime(QStringLiteral("soon")));
        QVERIFY(!SelectionBar::parseTime(QStringLiteral("-1")));
    }

    void aDragSelectsAndTheBarShowsIt() {
        openFresh(QStringLiteral("drag.wav"));
        QSignalSpy changes(view(), &WaveformView::selectionChanged);
        drag(xFor(kRate), xFor(2 * kRate));
        QVERIFY(!changes.isEmpty());
        QVERIFY(session_->hasSelection());
        QVERIFY2(near(session_->selectionStart(), kRate),
                 qPrintable(QString::number(session_->selectionStart())));
        QVERIFY(near(session_->selectionEnd(), 2 * kRate));
        QVERIFY(window_->selectionBar()->startField()->text().startsWith(QStringLiteral("0:01.")) ||
                window_->selectionBar()->startField()->text().startsWith(QStringLiteral("0:00.9")));
        QVERIFY(window_->selectionActions()->exportAction()->isEnabled());
        QVERIFY(window_->selectionActions()->trimAction()->isEnabled());

        // It is drawn: the highlight tints the selected columns only.
        const QImage image = view()->grab().toImage();
        const QColor inside =
            image.pixelColor(xFor(3 * kRate / 2), view()->waveformRect().top() + 3);
        const QColor outside = image.pixelColor(xFor(3 * kRate), view()->waveformRect().top() + 3);
        QVERIFY(inside != outside);

        // The end edge is dragged.
        drag(xFor(session_->selectionEnd()), xFor(3 * kRate));
        QVERIFY(near(session_->selectionStart(), kRate));
        QVERIFY(near(session_->selectionEnd(), 3 * kRate));
        // Shift+click extends it to the left.
        QTest::mouseClick(view(), Qt::LeftButton, Qt::ShiftModifier,
                          QPoint(xFor(kRate / 2), midY()));
        QVERIFY(near(session_->selectionStart(), kRate / 2));
        QVERIFY(near(session_->selectionEnd(), 3 * kRate));
        // A plain click lets go and moves the playhead.
        QSignalSpy seeks(view(), &WaveformView::seekRequested);
        QTest::mouseClick(view(), Qt::LeftButton, {}, QPoint(xFor(kRate / 4), midY()));
        QVERIFY(!session_->hasSelection());
        QCOMPARE(seeks.count(), 1);
        QVERIFY(window_->selectionBar()->startField()->text().isEmpty());
        QVERIFY(!window_->selectionActions()->exportAction()->isEnabled());
    }

    void ctrlAEscAndTypedTimes() {
        openFresh(QStringLiteral("keys.wav"));
        QTest::keySequence(window_.get(), QKeySequence::SelectAll);
        QCOMPARE(session_->selectionStart(), qint64(0));
        QCOMPARE(session_->selectionEnd(), qint64(kSeconds * kRate));
        QCOMPARE(window_->selectionBar()->lengthField()->text(), QStringLiteral("0:04.000"));
        QTest::keyClick(window_.get(), Qt::Key_Escape);
        QVERIFY(!session_->hasSelection());
        QVERIFY(view()->selection().isEmpty());

        // Typed: a start alone selects to the end; then an end; then a length.
        QLineEdit* start = window_->selectionBar()->startField();
        start->setText(QStringLiteral("1.5"));
        emit start->editingFinished();
        QCOMPARE(session_->selectionStart(), qint64(3 * kRate / 2));
        QCOMPARE(session_->selectionEnd(), qint64(kSeconds * kRate));
        QLineEdit* end = window_->selectionBar()->endField();
        end->setText(QStringLiteral("0:02.25"));
        emit end->editingFinished();
        QCOMPARE(session_->selectionEnd(), qint64(2 * kRate + kRate / 4));
        QLineEdit* length = window_->selectionBar()->lengthField();
        length->setText(QStringLiteral("0.5"));
        emit length->editingFinished();
        QCOMPARE(session_->selectionStart(), qint64(3 * kRate / 2));
        QCOMPARE(session_->selectionEnd(), qint64(2 * kRate));
        QCOMPARE(view()->selection().start(), qint64(3 * kRate / 2));
        QCOMPARE(view()->selection().end(), qint64(2 * kRate));
        // Nonsense puts the field back.
        start->setText(QStringLiteral("later"));
        emit start->editingFinished();
        QCOMPARE(start->text(), QStringLiteral("0:01.500"));
        QCOMPARE(session_->selectionStart(), qint64(3 * kRate / 2));
    }

    void exportSelectionIsSampleExactAndNeverOverwrites() {
        openFresh(QStringLiteral("export.wav"));
        window_->selectionBar()->startField()->setText(QStringLiteral("1"));
        emit window_->selectionBar()->startField()->editingFinished();
        window_->selectionBar()->endField()->setText(QStringLiteral("2.5"));
        emit window_->selectionBar()->endField()->editingFinished();
        const QString out = temp_.filePath(QStringLiteral("piece.wav"));
        SelectionActions* actions = window_->selectionActions();
        QString suggested;
        actions->setPathChooser([&](const QString& proposal) {
            suggested = proposal;
            return out;
        });
        QSignalSpy done(actions->job(), &ExportJob::finished);
        actions->exportAction()->trigger();
        QVERIFY(suggested.endsWith(QStringLiteral("export (selection).wav")));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kJobTimeoutMs);
        const auto all = rampSamples(kSeconds * kRate);
        const auto piece = readShorts(out);
        QCOMPARE(piece.size(), std::size_t(3 * kRate / 2) * 2);
        QVERIFY(std::equal(piece.begin(), piece.end(), all.begin() + kRate * 2));
        QVERIFY(window_->statusBar()->currentMessage().contains(QStringLiteral("piece.wav")));

        // Again to the same name: refused, and the file is untouched.
        const QByteArray before = [&] {
            QFile f(out);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        actions->exportAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, kJobTimeoutMs);
        QVERIFY(window_->errorBanner()->isVisibleTo(window_.get()));
        QVERIFY2(window_->errorBanner()->message().contains(QStringLiteral("already exists")),
                 qPrintable(window_->errorBanner()->message()));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void trimKeepsTheSpanAndUndoBringsTheOriginalBack() {
        openFresh(QStringLiteral("trim me.wav"));
        const QByteArray original = [&] {
            QFile f(file_);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QFile dropouts(file_ + ".dropouts");
        QVERIFY(dropouts.open(QIODevice::WriteOnly));
        dropouts.write("# Tapedeck dropouts: frame\tseconds\tlost frames\tkind\n"
                       "72000\t1.500000\t256\toverflow\n");
        dropouts.close();
        window_->selectionBar()->startField()->setText(QStringLiteral("0.5"));
        emit window_->selectionBar()->startField()->editingFinished();
        window_->selectionBar()->endField()->setText(QStringLiteral("3"));
        emit window_->selectionBar()->endField()->editingFinished();
        SelectionActions* actions = window_->selectionActions();
        QSignalSpy done(actions->job(), &ExportJob::finished);
        actions->trimAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kJobTimeoutMs);
        const QString trimmed = temp_.filePath(QStringLiteral("trim me (trimmed).wav"));
        QTRY_COMPARE(session_->currentPath(), trimmed);
        QVERIFY(!QFileInfo::exists(file_)); // in the trash
        const auto all = rampSamples(kSeconds * kRate);
        const auto kept = readShorts(trimmed);
        QCOMPARE(kept.size(), std::size_t(5 * kRate / 2) * 2);
        QVERIFY(std::equal(kept.begin(), kept.end(), all.begin() + kRate));
        QVERIFY(actions->undoAction()->isEnabled());
        // The dropout inside the span went along, shifted; the original's went with it.
        QFile carried(trimmed + ".dropouts");
        QVERIFY(carried.open(QIODevice::ReadOnly));
        QVERIFY(carried.readAll().contains("\n48000\t1.000000\t256\toverflow\n"));
        QVERIFY(!QFileInfo::exists(file_ + ".dropouts"));

        actions->undoAction()->trigger();
        QVERIFY(QFileInfo::exists(file_));
        QVERIFY(QFileInfo::exists(file_ + ".dropouts"));
        QVERIFY(!QFileInfo::exists(trimmed + ".dropouts"));
        QVERIFY(!QFileInfo::exists(trimmed)); // the trimmed take went to the trash
        QCOMPARE(session_->currentPath(), file_);
        QFile f(file_);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), original);

        // Redo trims again.
        actions->undoStack()->redo();
        QVERIFY(!QFileInfo::exists(file_));
        QVERIFY(QFileInfo::exists(trimmed));
        QCOMPARE(session_->currentPath(), trimmed);
        actions->undoStack()->undo();
        QVERIFY(QFileInfo::exists(file_));
    }

    void trimmedNamesNeverCollide() {
        const QString base = temp_.filePath(QStringLiteral("song.flac"));
        QCOMPARE(SelectionActions::trimmedPath(base), temp_.filePath("song (trimmed).flac"));
        QFile taken(temp_.filePath(QStringLiteral("song (trimmed).flac")));
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.close();
        QCOMPARE(SelectionActions::trimmedPath(base), temp_.filePath("song (trimmed 2).flac"));
    }

    void cleanupTestCase() {
        // The test-mode trash (~/.qttest/share/Trash) keeps what the trim tests threw away.
        const QDir trash(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         "/Trash");
        for (const QString& name : QDir(trash.filePath("files")).entryList({"trim me*"})) {
            QFile::remove(trash.filePath("files/" + name));
            QFile::remove(trash.filePath("info/" + name + ".trashinfo"));
        }
        window_.reset();
        session_.reset();
        settings_.reset();
    }
};

QTEST_MAIN(TestSelection)
#include "TestSelection.moc"
