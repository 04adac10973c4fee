#include "core/recording/DropoutMarkers.h"
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/devices/DevicePicker.h"
#include "ui/dialogs/ErrorBanner.h"
#include "ui/recording/DiskSpaceMonitor.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/transport/TransportIcon.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/RecentFilesMenu.h"
#include "ui/window/Settings.h"
#include "ui/window/StatusPanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <sndfile.h>

using namespace tapedeck;

namespace {

DeviceInfo device(const char* host, const char* name, int inputs, int outputs) {
    DeviceInfo info;
    info.hostApi = host;
    info.name = name;
    info.maxInputChannels = inputs;
    info.maxOutputChannels = outputs;
    info.defaultSampleRate = 48000;
    return info;
}

constexpr int kRate = 48000;
constexpr int kOpenTimeoutMs = 10000;

// A two-second stereo sine as a 16-bit WAV; returns its path.
QString writeTestFile(const QTemporaryDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    const auto samples = tapedeck::testing::SignalGenerator::sine(440, 0.5, 2 * kRate, 2, kRate);
    const auto written = tapedeck::testing::writeSoundFile(path.toStdString(), samples, 2, kRate,
                                                           SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    return written.ok() ? path : QString();
}

// Whether the colour is the marker red (not the waveform's highlight, not the background).
bool isMarkerRed(const QColor& colour) {
    const QColor red = WaveformView::markerColor();
    return std::abs(colour.red() - red.red()) < 16 && std::abs(colour.green() - red.green()) < 16 &&
           std::abs(colour.blue() - red.blue()) < 16;
}

// How many pixels of column x, inside `area`, are marker red.
int redPixelsInColumn(const QImage& image, int x, const QRect& area) {
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        count += isMarkerRed(image.pixelColor(x, y)) ? 1 : 0;
    return count;
}

std::vector<DeviceInfo> fakeDevices() {
    return {device("ALSA", "default", 32, 32), device("ALSA", "USB Mic", 2, 0),
            device("ALSA", "Headphones", 0, 2), device("JACK", "system", 8, 8)};
}

} // namespace

// The window is built without starting PortAudio: no sound card is needed.
class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;

    std::unique_ptr<Settings> freshSettings() {
        return std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
    }

    void startsIdleWithOnlySensibleActions() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        QCOMPARE(window.windowTitle(), QStringLiteral("Tapedeck"));
        QVERIFY(window.transport()->action(TransportAction::Record)->isEnabled());
        QVERIFY(!window.transport()->action(TransportAction::Play)->isEnabled());
        QVERIFY(!window.transport()->action(TransportAction::Stop)->isEnabled());
        QVERIFY(window.openAction()->isEnabled());
        QVERIFY(!window.errorBanner()->isVisibleTo(&window));
    }

    void recordingWithoutAnAudioSystemShowsABannerAndStaysIdle() {
        auto settings = freshSettings();
        settings->setRecordingFolder(temp_.filePath(QStringLiteral("takes")));
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        window.transport()->action(TransportAction::Record)->trigger();
        QCOMPARE(session.state(), TransportState::NoFile);
        QVERIFY(window.errorBanner()->isVisibleTo(&window));
        QVERIFY(!window.errorBanner()->message().isEmpty());
        QVERIFY(!window.errorBanner()->nextStep().isEmpty());
    }

    void settingsAreRestoredOnANewWindow() {
        const QString recent = temp_.filePath(QStringLiteral("song.wav"));
        const QString folder = temp_.filePath(QStringLiteral("elsewhere"));
        {
            auto settings = freshSettings();
            Session session(*settings);
            MainWindow window(session, *settings);
            window.showDevices(fakeDevices());
            DevicePicker* picker = window.devicePicker();
            picker->hostApiBox()->setCurrentIndex(picker->hostApiBox()->findText("ALSA"));
            picker->inputBox()->setCurrentIndex(picker->inputBox()->findData("USB Mic"));
            picker->outputBox()->setCurrentIndex(picker->outputBox()->findData("Headphones"));
            picker->channelsBox()->setCurrentIndex(picker->channelsBox()->findData(1));
            picker->bufferBox()->setCurrentIndex(picker->bufferBox()->findData(512));
            picker->formatBox()->setCurrentIndex(
                picker->formatBox()->findData(static_cast<int>(FileFormat::Flac)));
            picker->rateBox()->setCurrentIndex(picker->rateBox()->findData(44100));
            window.transport()->action(TransportAction::Loop)->setChecked(true);
            session.setRecordingFolder(folder);
            settings->addRecentFile(recent);
            window.close();
        }
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.showDevices(fakeDevices());
        const DeviceChoice restored = window.devicePicker()->choice();
        QCOMPARE(restored.hostApi, QStringLiteral("ALSA"));
        QCOMPARE(restored.inputDevice, QStringLiteral("USB Mic"));
        QCOMPARE(restored.outputDevice, QStringLiteral("Headphones"));
        QCOMPARE(restored.channels, 1);
        QCOMPARE(restored.sampleRate, 44100);
        QCOMPARE(restored.framesPerBuffer, 512);
        QCOMPARE(restored.format, FileFormat::Flac);
        QVERIFY(window.transport()->loopEnabled());
        QCOMPARE(session.recordingFolder(), folder);
        QCOMPARE(settings->recentFiles(), QStringList{recent});
        QVERIFY(window.recentFilesMenu()->isEnabled());
        QVERIFY(window.recentFilesMenu()->actions().first()->text().contains("song.wav"));
    }

    void aRescanWithoutTheSavedDeviceDoesNotLoseOtherChoices() {
        auto settings = freshSettings();
        DeviceChoice saved;
        saved.hostApi = "JACK";
        saved.inputDevice = "system";
        saved.channels = 2;
        saved.framesPerBuffer = 1024;
        settings->setDeviceChoice(saved);
        Session session(*settings);
        MainWindow window(session, *settings);
        window.showDevices(fakeDevices());
        QCOMPARE(window.devicePicker()->choice().hostApi, QStringLiteral("JACK"));
        QCOMPARE(window.devicePicker()->choice().framesPerBuffer, 1024);
    }

    void everyControlHasAnAccessibleName() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.showDevices(fakeDevices());
        window.show();
        const QList<QWidget*> widgets = window.findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            const bool isControl = qobject_cast<QComboBox*>(widget) != nullptr ||
                                   widget->inherits("QAbstractButton") ||
                                   widget->inherits("tapedeck::LevelMeter");
            if (!isControl || !widget->isVisibleTo(&window))
                continue;
            // Tool buttons take their name from their action's text.
            const bool named =
                !widget->accessibleName().isEmpty() ||
                (widget->inherits("QToolButton") && !widget->property("text").toString().isEmpty());
            QVERIFY2(named, qPrintable(widget->metaObject()->className() + QStringLiteral(" ") +
                                       widget->objectName()));
        }
    }

    // No sound server runs here: the file still opens, with its waveform and format, and
    // Play says in the banner why it cannot play.
    void aFileOpensWithoutASoundDeviceAndPlayExplains() {
        const QString file = writeTestFile(temp_, QStringLiteral("quiet.wav"));
        QVERIFY(!file.isEmpty());
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(!session.hasAudio());
        QVERIFY(session.openFile(file));
        QCOMPARE(session.state(), TransportState::Stopped);
        QCOMPARE(window.windowTitle(), QStringLiteral("Tapedeck — quiet.wav"));
        QTRY_VERIFY_WITH_TIMEOUT(window.waveformView()->summary() != nullptr, kOpenTimeoutMs);
        QVERIFY(window.waveformView()->isVisible());
        QCOMPARE(window.waveformView()->totalFrames(), qint64(2 * kRate));
        QCOMPARE(window.statusPanel()->positionText(), QStringLiteral("0:00.0 / 0:02.0"));
        QVERIFY(!window.errorBanner()->isVisibleTo(&window));

        QVERIFY(window.transport()->action(TransportAction::Play)->isEnabled());
        window.transport()->action(TransportAction::Play)->trigger();
        QCOMPARE(session.state(), TransportState::Stopped);
        QVERIFY(window.errorBanner()->isVisibleTo(&window));
        QVERIFY(!window.errorBanner()->isWarning());
        QVERIFY2(window.errorBanner()->message().contains(QStringLiteral("sound system")),
                 qPrintable(window.errorBanner()->message()));
        QVERIFY(!window.errorBanner()->nextStep().isEmpty());

        // Seeking still moves the position Play would start from.
        window.transport()->action(TransportAction::GoToEnd)->trigger();
        QCOMPARE(window.statusPanel()->positionText(), QStringLiteral("0:02.0 / 0:02.0"));
    }

    void aMissingFileIsRefusedWithAReason() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        QVERIFY(!session.openFile(temp_.filePath(QStringLiteral("not-there.wav"))));
        QCOMPARE(session.state(), TransportState::NoFile);
        QVERIFY(window.errorBanner()->message().contains(QStringLiteral("does not exist")));
    }

    void theDropoutSidecarIsReadAsMarkers() {
        const std::string text = "# Tapedeck dropouts: frame\tseconds\tlost frames\tkind\n"
                                 "96000\t2.000000\t256\toverflow\n"
                                 "24000\t0.500000\t0\txrun\n"
                                 "garbage line\n";
        QCOMPARE(parseDropoutMarkers(text), (std::vector<std::int64_t>{24000, 96000}));
        QVERIFY(parseDropoutMarkers("").empty());
        QVERIFY(
            readDropoutMarkers(temp_.filePath(QStringLiteral("none.wav")).toStdString()).empty());
    }

    // A take with a ".dropouts" sidecar opens with a red marker at each dropout.
    void dropoutsOfAnOpenedTakeAreDrawnAsMarkers() {
        const QString file = writeTestFile(temp_, QStringLiteral("marked.wav"));
        QVERIFY(!file.isEmpty());
        QFile sidecar(file + QStringLiteral(".dropouts"));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("# Tapedeck dropouts: frame\tseconds\tlost frames\tkind\n"
                      "48000\t1.000000\t256\toverflow\n"
                      "72000\t1.500000\t0\txrun\n");
        sidecar.close();

        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.resize(1000, 600);
        window.show();
        QVERIFY(session.openFile(file));
        WaveformView* view = window.waveformView();
        QTRY_COMPARE_WITH_TIMEOUT(view->markers().size(), std::size_t{2}, kOpenTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.waveformDocument()->isComplete(), kOpenTimeoutMs);
        QCOMPARE(window.statusPanel()->countsText(), QStringLiteral("Dropouts: 2"));

        const QImage image = view->grab().toImage();
        const QRect wave = view->waveformRect();
        for (std::int64_t frame : {48000, 72000}) {
            const int x = wave.left() +
                          static_cast<int>((frame - view->startFrame()) / view->framesPerPixel());
            QVERIFY2(redPixelsInColumn(image, x, wave) > wave.height() * 3 / 4,
                     qPrintable(QStringLiteral("no marker line at x=%1").arg(x)));
        }
        // Elsewhere the waveform has no red.
        QCOMPARE(redPixelsInColumn(image, wave.left() + wave.width() / 8, wave), 0);
    }

    // During a recording the bridge adds markers one by one to the live waveform.
    void aLiveMarkerIsDrawnWhereTheDropoutHappened() {
        auto summary = std::make_shared<WaveformSummary>(1);
        const auto samples =
            tapedeck::testing::SignalGenerator::sine(220, 0.3, 4 * kRate, 1, kRate);
        summary->appendInterleaved(samples.data(), 4 * kRate);
        WaveformView view;
        view.resize(800, 240);
        view.setSummary(summary, kRate, 0);
        view.setLiveMode(true);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const std::int64_t frame = 3 * kRate;
        view.addMarker(frame);
        QCOMPARE(view.markers(), std::vector<std::int64_t>{frame});
        const QImage image = view.grab().toImage();
        const QRect wave = view.waveformRect();
        const int x =
            wave.left() + static_cast<int>((frame - view.startFrame()) / view.framesPerPixel());
        QVERIFY(redPixelsInColumn(image, x, wave) > wave.height() * 3 / 4);
        QVERIFY(isMarkerRed(image.pixelColor(x + 2, wave.top() + 2))); // the flag
        QCOMPARE(redPixelsInColumn(image, x - 20, wave), 0);
        view.clear();
        QVERIFY(view.markers().empty());
    }

    // A take can start while the view is still hidden at its default size: once it gets its
    // real width, it still shows the last thirty seconds.
    void theLiveViewKeepsItsTimeSpanWhenItGetsItsSize() {
        auto summary = std::make_shared<WaveformSummary>(2);
        WaveformView view;
        view.setSummary(summary, kRate, 0);
        view.setLiveMode(true);
        view.resize(900, 240);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double seconds = view.framesPerPixel() * view.waveformRect().width() / kRate;
        QVERIFY2(std::abs(seconds - 30.0) < 0.5, qPrintable(QString::number(seconds)));
        view.zoomIn(); // zoomed by hand: a resize keeps the zoom
        const double zoomed = view.framesPerPixel();
        view.resize(600, 240);
        QCOMPARE(view.framesPerPixel(), zoomed);
    }

    // Free space turns into minutes of recording, and the warning comes once per take.
    void lowDiskSpaceWarnsOncePerTake() {
        DiskSpaceMonitor monitor;
        qint64 bytes = 0;
        monitor.setMeasure([&bytes](const QString&) {
            return DiskSpace{bytes, QStringLiteral("Scratch")};
        });
        const double bytesPerSecond = 48000.0 * 2 * 3;
        bytes = static_cast<qint64>(bytesPerSecond * 3600);
        double seconds = monitor.secondsLeft(QStringLiteral("/anywhere"), bytesPerSecond);
        QCOMPARE(seconds, 3600.0);
        QVERIFY(!monitor.warningFor(seconds));

        bytes = static_cast<qint64>(bytesPerSecond * (7 * 60 + 30));
        seconds = monitor.secondsLeft(QStringLiteral("/anywhere"), bytesPerSecond);
        const auto warning = monitor.warningFor(seconds);
        QVERIFY(warning.has_value());
        QCOMPARE(warning->message,
                 QStringLiteral("Only 7 minutes of recording space left on Scratch."));
        QVERIFY(!warning->nextStep.isEmpty());
        QVERIFY(!monitor.warningFor(seconds - 60)); // once, not every tick
        monitor.rearm();
        QVERIFY(monitor.warningFor(seconds - 60).has_value());

        bytes = -1; // unknown: no warning, and the status says so
        QCOMPARE(monitor.secondsLeft(QStringLiteral("/anywhere"), bytesPerSecond), -1.0);
        monitor.rearm();
        QVERIFY(!monitor.warningFor(-1));
    }

    // Transport icons follow the palette: on a dark palette Stop is light, not dark.
    void transportIconsReadOnADarkPalette() {
        const QPalette original = QApplication::palette();
        QPalette dark = original;
        for (auto group : {QPalette::Active, QPalette::Inactive})
            dark.setColor(group, QPalette::ButtonText, QColor(235, 235, 235));
        dark.setColor(QPalette::Window, QColor(40, 40, 40));
        dark.setColor(QPalette::Button, QColor(50, 50, 50));
        QApplication::setPalette(dark);
        const QImage stop = transportIcon(TransportIconShape::Stop).pixmap(QSize(32, 32)).toImage();
        QApplication::setPalette(original);
        QVERIFY2(stop.pixelColor(16, 16).lightness() > 200,
                 qPrintable(stop.pixelColor(16, 16).name()));
        QCOMPARE(stop.pixelColor(1, 1).alpha(), 0); // transparent around the shape
        const QImage record =
            transportIcon(TransportIconShape::Record).pixmap(QSize(32, 32)).toImage();
        QVERIFY(record.pixelColor(16, 16).red() > 180 && record.pixelColor(16, 16).green() < 80);
    }

    void timesAreShownForPeople() {
        QCOMPARE(StatusPanel::formatTime(0), QStringLiteral("0:00.0"));
        QCOMPARE(StatusPanel::formatTime(62.34), QStringLiteral("1:02.3"));
        QCOMPARE(StatusPanel::formatTime(3723.5), QStringLiteral("1:02:03.5"));
        QCOMPARE(StatusPanel::formatDuration(30), QStringLiteral("under a minute"));
        QCOMPARE(StatusPanel::formatDuration(12 * 60 + 5), QStringLiteral("12 min"));
        QCOMPARE(StatusPanel::formatDuration(3 * 3600 + 20 * 60), QStringLiteral("3 h 20 min"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
