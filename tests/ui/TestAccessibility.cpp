#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/accessibility/MeterValueNotifier.h"
#include "ui/accessibility/RecordingAnnouncer.h"
#include "ui/accessibility/WaveformNotifier.h"
#include "ui/markers/MarkerList.h"
#include "ui/meters/LevelMeter.h"
#include "ui/session/Session.h"
#include "ui/transport/RecorderControls.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusPanel.h"

#include <QAccessible>
#include <QApplication>
#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sndfile.h>

#include <array>
#include <vector>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
constexpr int kOpenTimeoutMs = 10000;
const QChar kMinus(0x2212);

// Every interface under `root`, depth first.
void collect(QAccessibleInterface* root, std::vector<QAccessibleInterface*>& out) {
    if (!root)
        return;
    out.push_back(root);
    for (int i = 0; i < root->childCount(); ++i)
        collect(root->child(i), out);
}

QString describe(QAccessibleInterface* iface) {
    QObject* object = iface->object();
    return QStringLiteral("%1 \"%2\" (role %3)")
        .arg(object ? QString::fromLatin1(object->metaObject()->className()) : QStringLiteral("?"),
             object ? object->objectName() : QString())
        .arg(static_cast<int>(iface->role()), 0, 16);
}

} // namespace

// The window as a screen reader sees it through Qt's accessibility interfaces (offscreen):
// names on every focusable control, the meter's value, the waveform's words, and the
// recording announcements.
class TestAccessibility : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;

    std::unique_ptr<Settings> freshSettings() {
        return std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
    }

    // A two-second stereo sine as a 16-bit WAV; returns its path.
    QString writeTestFile(const QString& name) {
        const QString path = temp_.filePath(name);
        const auto samples =
            tapedeck::testing::SignalGenerator::sine(440, 0.5, 2 * kRate, 2, kRate);
        const auto written = tapedeck::testing::writeSoundFile(
            path.toStdString(), samples, 2, kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
        return written.ok() ? path : QString();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
    }

    void everyFocusableControlHasANameAndADescription() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        // The panels hidden at first can be shown from the View menu: check them too.
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents(); // names for the tab bars the docks just made

        std::vector<QAccessibleInterface*> all;
        collect(QAccessible::queryAccessibleInterface(&window), all);
        QVERIFY(all.size() > 40); // the whole window, not just its frame
        QStringList unnamed;
        QStringList undescribed;
        int focusable = 0;
        for (QAccessibleInterface* iface : all) {
            if (!iface->state().focusable)
                continue;
            ++focusable;
            // Items and plain text say everything in their name. Qt's tab bar (6.4) speaks
            // its current tab as its name and reads no description of its own; each tab
            // describes itself.
            const QAccessible::Role role = iface->role();
            const bool wordsOnly = role == QAccessible::StaticText ||
                                   role == QAccessible::ListItem || role == QAccessible::TreeItem ||
                                   role == QAccessible::Cell || role == QAccessible::Row ||
                                   role == QAccessible::PageTab || role == QAccessible::PageTabList;
            if (iface->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << describe(iface);
            else if (!wordsOnly && iface->text(QAccessible::Description).trimmed().isEmpty())
                undescribed << describe(iface) + QLatin1Char(' ') + iface->text(QAccessible::Name);
        }
        QVERIFY(focusable > 15);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("without a name:\n  ") +
                                               unnamed.join(QStringLiteral("\n  "))));
        QVERIFY2(undescribed.isEmpty(), qPrintable(QStringLiteral("without a description:\n  ") +
                                                   undescribed.join(QStringLiteral("\n  "))));
    }

    void theMeterExposesItsLevelAsAValue() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        LevelMeter* meter = window.levelMeter();
        meter->setChannelCount(2);
        meter->setClock([] { return 1.0; }); // the bars hold still, whatever the machine's load
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(meter);
        QVERIFY(iface);
        QCOMPARE(iface->role(), QAccessible::ProgressBar);
        QVERIFY(!iface->text(QAccessible::Name).isEmpty());
        QAccessibleValueInterface* value = iface->valueInterface();
        QVERIFY(value);
        QCOMPARE(value->minimumValue().toDouble(), -60.0);
        QCOMPARE(value->maximumValue().toDouble(), 0.0);
        QCOMPARE(value->currentValue().toDouble(), -60.0);
        QCOMPARE(iface->text(QAccessible::Value), QStringLiteral("silent"));

        // Half scale on the left (-6 dB), a quarter on the right (-12 dB), a hundred blocks
        // in a row as the engine delivers them between two frames.
        const std::array<float, 2> peak = {0.5f, 0.25f};
        const std::array<float, 2> rms = {0.3f, 0.15f};
        for (int block = 0; block < 100; ++block)
            meter->addLevels(2, peak.data(), rms.data());
        QCOMPARE(value->currentValue().toDouble(), -6.0);
        QCOMPARE(iface->text(QAccessible::Value), QStringLiteral("left ") + kMinus +
                                                      QStringLiteral("6 dB, right ") + kMinus +
                                                      QStringLiteral("12 dB"));
        // Not one report per block: the notifier speaks on its own calm timer, once the
        // level has settled for a moment (the test's clock stands still, so it stays -6).
        auto* notifier = meter->findChild<MeterValueNotifier*>();
        QVERIFY(notifier); // made with the interface
        QCOMPARE(notifier->sentCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(notifier->sentCount() >= 1, 5000);
        const int heard = notifier->sentCount();

        // When the bars come to rest the reader hears the final level once.
        meter->reset();
        QCOMPARE(notifier->sentCount(), heard + 1);
        QCOMPARE(value->currentValue().toDouble(), -60.0);

        const std::array<float, 2> loud = {1.0f, 0.5f};
        meter->addLevels(2, loud.data(), rms.data());
        QVERIFY(iface->text(QAccessible::Value).endsWith(QStringLiteral("; clipped")));
    }

    void theWaveformSpeaksPositionSelectionAndMarkers() {
        const QString file = writeTestFile(QStringLiteral("words.wav"));
        QVERIFY(!file.isEmpty());
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(session.openFile(file));
        WaveformView* view = window.waveformView();
        QTRY_VERIFY_WITH_TIMEOUT(view->summary() != nullptr, kOpenTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.waveformDocument()->isComplete(), kOpenTimeoutMs);

        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(view);
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Waveform"));
        QCOMPARE(iface->text(QAccessible::Value),
                 QStringLiteral("Position 0:00.0 of 0:02.0; no selection; no markers"));

        view->setPlayhead(kRate + kRate / 4);
        view->setSelection(kRate / 2, kRate * 3 / 2);
        MarkerList* markers = window.recorderControls()->markers();
        markers->clear(); // and forget the file's saved markers (none) still being read
        markers->add({0, "Intro"}, false);
        markers->add({kRate * 3 / 2, "Outro"}, false);
        const QString expected =
            QStringLiteral("Position 0:01.2 of 0:02.0; selection 0:00.5 to 0:01.5; "
                           "2 markers: Intro at 0:00.0, Outro at 0:01.5");
        QCOMPARE(iface->text(QAccessible::Value), expected);
        // AT-SPI carries the description, so the words are there too, before the view's own.
        QVERIFY(iface->text(QAccessible::Description).startsWith(expected));
        QVERIFY(iface->text(QAccessible::Description).contains(QStringLiteral("2 channels")));
        // A marker added is told at once (the reader need not wait for the position timer).
        auto* notifier = view->findChild<WaveformNotifier*>();
        QVERIFY(notifier); // made with the interface
        QVERIFY(notifier->sentCount() >= 1);

        // Selecting all, as the person would, is told as well.
        const int before = notifier->sentCount();
        view->selectAll();
        QCOMPARE(notifier->sentCount(), before + 1);
        QVERIFY(
            iface->text(QAccessible::Value).contains(QStringLiteral("selection 0:00.0 to 0:02.0")));
    }

    // The session's own signals, as a take sends them: the state at once, the elapsed time
    // every few seconds of take time, not at each of the 120 position updates.
    void recordingStateAndElapsedTimeAreAnnouncedCalmly() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(window.findChild<RecordingAnnouncer*>());
        QCOMPARE(
            QAccessible::queryAccessibleInterface(window.statusPanel())->text(QAccessible::Name),
            QStringLiteral("Status"));

        // A session of its own, so the signals below move nothing else in the window.
        Session quiet(*settings);
        QWidget panel;
        panel.setAccessibleName(QStringLiteral("Status"));
        RecordingAnnouncer announcer(quiet, panel);
        emit quiet.stateChanged(TransportState::Recording);
        QCOMPARE(announcer.announcement(), QStringLiteral("Recording"));
        constexpr int kUpdates = 120; // twelve seconds, ten updates a second
        for (int i = 1; i <= kUpdates; ++i)
            emit quiet.positionChanged(qint64(i) * kRate / 10, -1, kRate);
        QCOMPARE(announcer.count(), 3); // "Recording", then at 0:05 and 0:10
        QCOMPARE(announcer.announcement(), QStringLiteral("Recording, 0:10.0"));
        emit quiet.takePausedChanged(true);
        QCOMPARE(announcer.announcement(), QStringLiteral("Recording paused at 0:12.0"));
        emit quiet.stateChanged(TransportState::Stopped);
        QCOMPARE(announcer.announcement(), QStringLiteral("Recording stopped after 0:12.0"));
        QCOMPARE(announcer.count(), 5);
        // Each announcement became the panel's description (Qt sends DescriptionChanged).
        QCOMPARE(QAccessible::queryAccessibleInterface(&panel)->text(QAccessible::Description),
                 QStringLiteral("Recording stopped after 0:12.0"));
    }
};

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
