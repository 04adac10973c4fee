// The window at 800×500, a small laptop screen shared with other windows: every transport
// control stays on the toolbar, the waveform keeps its room next to the panels, and the takes
// panel can be sized, hidden and remembered. Offscreen, no sound server.
#include "ui/session/Session.h"
#include "ui/takes/TakesPanel.h"
#include "ui/waveform/WaveformView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace tapedeck;

namespace {

constexpr QSize kSmall(800, 500);
constexpr int kWaveformRoom = 400; // pixels the waveform keeps at 800×500

} // namespace

class TestSmallWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;

    QString settingsPath() const { return temp_.filePath(QStringLiteral("tapedeck.ini")); }
    std::unique_ptr<Settings> settings() const {
        return std::make_unique<Settings>(
            std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat));
    }

    static QWidget* waveformArea(MainWindow& window) {
        return window.waveformView()->parentWidget(); // the waveform or its placeholder
    }

    // Shows the window at 800×500 and waits until its layout has settled.
    static bool showSmall(MainWindow& window) {
        window.resize(kSmall);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        QTest::qWait(50);
        return window.size() == kSmall;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
    }
    void init() { QFile::remove(settingsPath()); }

    // Every control of the transport toolbar is on it, none behind the ›› button.
    void everyTransportControlIsOnTheToolbar() {
        auto store = settings();
        Session session(*store);
        MainWindow window(session, *store);
        QVERIFY(showSmall(window));
        auto* bar = window.findChild<QToolBar*>(QStringLiteral("TransportToolBar"));
        QVERIFY(bar);
        int controls = 0;
        for (QAction* action : bar->actions()) {
            if (action->isSeparator())
                continue;
            QWidget* widget = bar->widgetForAction(action);
            QVERIFY(widget);
            const QString name = action->text().isEmpty() ? widget->objectName() : action->text();
            QVERIFY2(widget->isVisible(), qPrintable(name + QStringLiteral(" is hidden")));
            QVERIFY2(bar->rect().contains(widget->geometry()),
                     qPrintable(name + QStringLiteral(" is outside the toolbar")));
            ++controls;
        }
        QVERIFY(controls >= 10);
        for (QToolButton* button : bar->findChildren<QToolButton*>()) {
            if (button->objectName() == QStringLiteral("qt_toolbar_ext_button"))
                QVERIFY2(!button->isVisible(), "the toolbar's overflow button is shown");
        }
        // Wide again, the buttons say what they do.
        window.resize(1400, 700);
        QTRY_COMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    }

    // With the takes panel and the devices panel both open, the waveform keeps its room and
    // the panels' tabs are whole.
    void theWaveformKeepsItsRoomBesideThePanels() {
        auto store = settings();
        Session session(*store);
        MainWindow window(session, *store);
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            dock->show(); // devices, markers and take options share one place, as tabs
        QVERIFY(showSmall(window));
        QVERIFY(window.takesDock()->isVisible());
        QTRY_VERIFY2(waveformArea(window)->width() >= kWaveformRoom,
                     qPrintable(QString::number(waveformArea(window)->width())));
        for (QTabBar* tabs : window.findChildren<QTabBar*>()) {
            if (!tabs->isVisible())
                continue;
            for (int i = 0; i < tabs->count(); ++i)
                QVERIFY2(tabs->rect().contains(tabs->tabRect(i)),
                         qPrintable(tabs->tabText(i) + QStringLiteral(" is cut off")));
        }
    }

    // The takes panel is sized by dragging its edge, hidden with F9 (View › Takes Panel),
    // and comes back at its width after a restart.
    void theTakesPanelKeepsItsWidthAcrossRestarts() {
        constexpr int kWidth = 300;
        {
            auto store = settings();
            Session session(*store);
            MainWindow window(session, *store);
            window.resize(1200, 700);
            window.takesDock()->show();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resizeDocks({window.takesDock()}, {kWidth}, Qt::Horizontal);
            QTRY_VERIFY(qAbs(window.takesDock()->width() - kWidth) <= 4);
            QVERIFY(window.close());
        }
        {
            auto store = settings();
            Session session(*store);
            MainWindow window(session, *store);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.takesDock()->isVisible());
            QTRY_VERIFY2(qAbs(window.takesDock()->width() - kWidth) <= 4,
                         qPrintable(QString::number(window.takesDock()->width())));
            // F9 hides it, and the waveform takes the room.
            const int before = waveformArea(window)->width();
            QAction* toggle = window.takesDock()->toggleViewAction();
            QCOMPARE(toggle->shortcut(), QKeySequence(Qt::Key_F9));
            toggle->trigger();
            QTRY_VERIFY(!window.takesDock()->isVisible());
            QTRY_VERIFY(waveformArea(window)->width() > before);
            QVERIFY(window.close());
        }
        {
            // Hidden is remembered too.
            auto store = settings();
            Session session(*store);
            MainWindow window(session, *store);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(!window.takesDock()->isVisible());
        }
    }
};

QTEST_MAIN(TestSmallWindow)
#include "TestSmallWindow.moc"
