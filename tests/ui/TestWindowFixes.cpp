// The window's rough edges found by trying it as a new user, each pinned by a test. These run
// offscreen with no sound server (the playback ones are in TestWindowPlaybackFixes).
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/devices/DevicePicker.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/meters/LevelMeter.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusLine.h"
#include "ui/window/StatusPanel.h"

#include "core/io/SoundFileFormatName.h"
#include "core/summary/WavTruncation.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <sndfile.h>

#include <algorithm>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
constexpr int kOpenTimeoutMs = 10000;

QString writeSine(const QTemporaryDir& dir, const QString& name, int frames, int sfFormat) {
    const QString path = dir.filePath(name);
    const auto samples = tapedeck::testing::SignalGenerator::sine(440, 0.5, frames, 2, kRate);
    const auto written =
        tapedeck::testing::writeSoundFile(path.toStdString(), samples, 2, kRate, sfFormat);
    return written.ok() ? path : QString();
}

// Keeps only the first `bytes` bytes of `from`, as `to`.
bool copyCut(const QString& from, const QString& to, qint64 bytes) {
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return false;
    return out.write(in.read(bytes)) == bytes;
}

} // namespace

class TestWindowFixes : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;

    std::unique_ptr<Settings> freshSettings() {
        QFile::remove(temp_.filePath(QStringLiteral("tapedeck.ini")));
        return std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
    }

    // An error about one file goes away from the status bar once another file opens.
    void anOldErrorLeavesTheStatusBarWhenAnotherFileOpens() {
        QFile empty(temp_.filePath(QStringLiteral("empty.wav")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const QString good =
            writeSine(temp_, QStringLiteral("good.wav"), kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        QVERIFY(!good.isEmpty());
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        // No sound server here: no player is opened, so the empty file is found out by the
        // waveform document.
        QVERIFY(session.openFile(empty.fileName()));
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains("empty"),
                                 kOpenTimeoutMs);
        QVERIFY(session.openFile(good));
        QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
                 qPrintable(window.statusBar()->currentMessage()));
        // A passing note that is not an error stays.
        window.statusLine()->show(QStringLiteral("Saved to somewhere"));
        QVERIFY(session.openFile(good));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Saved to somewhere"));
    }

    // The same through the session's own error: a missing file, then a good one.
    void aSessionErrorIsClearedFromTheStatusBar() {
        const QString good =
            writeSine(temp_, QStringLiteral("good2.wav"), kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(!session.openFile(temp_.filePath(QStringLiteral("gone.wav"))));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("does not exist")));
        QVERIFY(session.openFile(good));
        QVERIFY(window.statusBar()->currentMessage().isEmpty());
        QVERIFY(!window.errorBanner()->isVisibleTo(&window));
    }

    // A WAV with its header and only 3,000 bytes of sound says it is cut short, and how much
    // it holds.
    void aTruncatedWavSaysItIsCutShort() {
        const QString full = writeSine(temp_, QStringLiteral("long.wav"), 20 * kRate,
                                       SF_FORMAT_WAV | SF_FORMAT_PCM_24);
        QVERIFY(!full.isEmpty());
        const QString cut = temp_.filePath(QStringLiteral("cut.wav"));
        QVERIFY(copyCut(full, cut, 44 + 3000));

        const std::optional<WavTruncation> found = findWavTruncation(cut.toStdString());
        QVERIFY(found.has_value());
        QCOMPARE(found->presentBytes, qint64(3000));
        QCOMPARE(found->presentFrames, qint64(500)); // 6 bytes a stereo 24-bit frame
        QCOMPARE(found->announcedFrames, qint64(20 * kRate));
        QVERIFY(!findWavTruncation(full.toStdString()).has_value());

        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(session.openFile(cut));
        QTRY_VERIFY_WITH_TIMEOUT(window.errorBanner()->isVisibleTo(&window), kOpenTimeoutMs);
        QVERIFY(window.errorBanner()->isWarning());
        const QString message = window.errorBanner()->message();
        QVERIFY2(message.contains(QStringLiteral("cut short")), qPrintable(message));
        // In the window's time format, as the status panel shows a length (10 ms: 0:00.0).
        QVERIFY2(message.contains(QStringLiteral("holds 0:00.0 of sound")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("3,000 bytes")) ||
                     message.contains(QStringLiteral("3000 bytes")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("0:20.0")), qPrintable(message));
        QVERIFY(!window.errorBanner()->nextStep().isEmpty());

        // A complete file opened afterwards takes the warning away.
        QVERIFY(session.openFile(full));
        QVERIFY(!window.errorBanner()->isVisibleTo(&window));
    }

    // A long message is shortened before it reaches the time, and libsndfile's reason does not
    // bring a second full stop (".).").
    void aLongMessageStaysClearOfTheTime() {
        const QString notAudio = temp_.filePath(QStringLiteral("notes.wav"));
        QFile text(notAudio);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(4096, 'x'));
        text.close();
        const QString good =
            writeSine(temp_, QStringLiteral("good3.wav"), kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.resize(700, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(session.openFile(good));
        QTRY_COMPARE_WITH_TIMEOUT(window.statusPanel()->positionText(),
                                  QStringLiteral("0:00.0 / 0:01.0"), kOpenTimeoutMs);
        window.waveformDocument()->open(notAudio);
        QTRY_VERIFY_WITH_TIMEOUT(!window.statusLine()->fullText().isEmpty(), kOpenTimeoutMs);
        const QString full = window.statusLine()->fullText();
        QVERIFY2(full.contains(QStringLiteral("not audio")), qPrintable(full));
        QVERIFY2(!full.contains(QStringLiteral(".).")), qPrintable(full));
        QVERIFY2(full.endsWith(QStringLiteral(").")), qPrintable(full));

        const QString shown = window.statusBar()->currentMessage();
        QVERIFY(shown != full);
        QVERIFY(shown.endsWith(QChar(0x2026)));
        const int room = window.statusPanel()->x() - 6; // where QStatusBar stops drawing
        QVERIFY2(window.statusBar()->fontMetrics().horizontalAdvance(shown) <= room - 8,
                 qPrintable(QStringLiteral("%1 px of text, %2 px of room")
                                .arg(window.statusBar()->fontMetrics().horizontalAdvance(shown))
                                .arg(room)));
        QCOMPARE(window.statusBar()->toolTip(), full);

        // A wider window shows more of it.
        window.resize(1400, 500);
        QTRY_VERIFY(window.statusBar()->currentMessage().size() > shown.size());
    }

    // In a small window the devices panel gives way: the waveform keeps a usable width and
    // the meter's numbers do not run together.
    void theDevicesPanelGivesWayInASmallWindow() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.resize(1100, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("DevicesDock"));
        QVERIFY(dock && dock->isVisible());
        const int dockWide = dock->width();
        window.resize(640, 480);
        QTRY_VERIFY(window.width() <= 700);
        QTest::qWait(0);
        QVERIFY2(window.levelMeter()->width() >= MainWindow::kMinimumCentralWidth - 40,
                 qPrintable(QString::number(window.levelMeter()->width())));
        QVERIFY2(dock->width() < dockWide,
                 qPrintable(QStringLiteral("%1 → %2").arg(dockWide).arg(dock->width())));

        const auto labels = window.levelMeter()->visibleScaleLabels();
        QVERIFY(labels.size() >= 4);
        QCOMPARE(labels.front().db, 0);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            QVERIFY(window.levelMeter()->rect().contains(labels[i].rect));
            for (std::size_t j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].rect.intersects(labels[j].rect),
                         qPrintable(QStringLiteral("%1 dB and %2 dB overlap")
                                        .arg(labels[i].db)
                                        .arg(labels[j].db)));
        }
    }

    // At the meter's narrowest every label still stands apart; wide, all nine show.
    void meterLabelsNeverRunTogether() {
        LevelMeter meter;
        meter.setChannelCount(2);
        meter.resize(meter.minimumSizeHint());
        const auto narrow = meter.visibleScaleLabels();
        QVERIFY(!narrow.empty());
        for (std::size_t i = 0; i < narrow.size(); ++i)
            for (std::size_t j = i + 1; j < narrow.size(); ++j)
                QVERIFY(!narrow[i].rect.intersects(narrow[j].rect));
        meter.resize(1200, meter.sizeHint().height());
        QCOMPARE(meter.visibleScaleLabels().size(), std::size_t{9});
    }

    // Without a file manager, "Show Recordings Folder" says so and where the folder is.
    void showRecordingsFolderExplainsWhenNothingOpensIt() {
        auto settings = freshSettings();
        const QString folder = temp_.filePath(QStringLiteral("my takes"));
        settings->setRecordingFolder(folder);
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QString asked;
        window.setFolderOpener([&asked](const QString& path) {
            asked = path;
            return false;
        });
        window.showFolderAction()->trigger();
        QCOMPARE(asked, folder);
        QVERIFY(window.errorBanner()->isVisibleTo(&window));
        QVERIFY2(window.errorBanner()->message().contains(folder),
                 qPrintable(window.errorBanner()->message()));
        QVERIFY(window.errorBanner()->message().contains(QStringLiteral("file manager")));

        // When it does open, nothing is said.
        window.errorBanner()->hide();
        window.setFolderOpener([](const QString&) { return true; });
        window.showFolderAction()->trigger();
        QVERIFY(!window.errorBanner()->isVisibleTo(&window));
    }

    // One wording for a file's format, while recording and afterwards.
    void aFileFormatIsDescribedInPlainWords() {
        QCOMPARE(describeSoundFileFormat(SF_FORMAT_WAVEX | SF_FORMAT_PCM_24),
                 describeFileFormat(FileFormat::Wav24));
        QCOMPARE(describeSoundFileFormat(SF_FORMAT_WAV | SF_FORMAT_PCM_24),
                 std::string("WAV 24-bit"));
        QCOMPARE(describeSoundFileFormat(SF_FORMAT_WAV | SF_FORMAT_PCM_16),
                 describeFileFormat(FileFormat::Wav16));
        QCOMPARE(describeSoundFileFormat(SF_FORMAT_WAV | SF_FORMAT_FLOAT),
                 describeFileFormat(FileFormat::WavFloat));
        QCOMPARE(describeSoundFileFormat(SF_FORMAT_FLAC | SF_FORMAT_PCM_24),
                 describeFileFormat(FileFormat::Flac));
        QCOMPARE(describeSoundFileFormat(SF_FORMAT_OGG | SF_FORMAT_VORBIS),
                 describeFileFormat(FileFormat::OggVorbis));
        QCOMPARE(describeSoundFileFormat(SF_FORMAT_AIFF | SF_FORMAT_PCM_16),
                 std::string("AIFF 16-bit"));

        const QString path = writeSine(temp_, QStringLiteral("wavex.wav"), kRate,
                                       SF_FORMAT_WAVEX | SF_FORMAT_PCM_24);
        QVERIFY(!path.isEmpty());
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(session.openFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(window.waveformView()->summary() != nullptr, kOpenTimeoutMs);
        const auto texts = window.statusPanel()->findChildren<QLabel*>();
        const bool plain = std::any_of(texts.begin(), texts.end(), [](QLabel* label) {
            return label->text() == QStringLiteral("48000 Hz, stereo, WAV 24-bit");
        });
        QVERIFY(plain);
    }

    // The toolbar's buttons are in the Tab chain, and the focused waveform shows a mark.
    void theToolbarIsReachedWithTabAndTheWaveformShowsFocus() {
        const QString path =
            writeSine(temp_, QStringLiteral("focus.wav"), kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* bar = window.findChild<QToolBar*>(QStringLiteral("TransportToolBar"));
        QVERIFY(bar);
        QToolButton* record = qobject_cast<QToolButton*>(
            bar->widgetForAction(window.transport()->action(TransportAction::Record)));
        QVERIFY(record);
        QCOMPARE(record->focusPolicy(), Qt::TabFocus);
        // Tabbing from the first control reaches the Record button.
        bool reached = false;
        window.devicePicker()->hostApiBox()->setFocus();
        QTRY_VERIFY(QApplication::focusWidget() != nullptr);
        for (int i = 0; i < 40 && !reached; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            reached = QApplication::focusWidget() == record;
        }
        QVERIFY(reached);

        QVERIFY(session.openFile(path));
        WaveformView* view = window.waveformView();
        QTRY_VERIFY_WITH_TIMEOUT(window.waveformDocument()->isComplete(), kOpenTimeoutMs);
        record->setFocus();
        QTRY_VERIFY(!view->hasFocus());
        const QColor highlight = view->palette().color(QPalette::Highlight);
        const QImage unfocused = view->grab().toImage();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        const QImage focused = view->grab().toImage();
        const QPoint corner(0, view->height() / 2); // the left edge, halfway down
        QCOMPARE(focused.pixelColor(corner).rgb(), highlight.rgb());
        QVERIFY(unfocused.pixelColor(corner).rgb() != highlight.rgb());
    }

    // The status bar says "Paused" only while paused.
    void pausedIsShown() {
        StatusPanel panel;
        panel.show();
        panel.setTransportState(TransportState::Playing);
        QVERIFY(panel.transportText().isEmpty());
        panel.setTransportState(TransportState::Paused);
        QCOMPARE(panel.transportText(), QStringLiteral("Paused"));
        panel.setTransportState(TransportState::Stopped);
        QVERIFY(panel.transportText().isEmpty());
    }
};

QTEST_MAIN(TestWindowFixes)
#include "TestWindowFixes.moc"
