// The window from the keyboard alone: every Tab stop can be seen and named, the focus mark
// stands out, the focus starts on Record, each Alt+letter means one thing, and Help › Keyboard
// Shortcuts lists every shortcut the window has. Offscreen, no sound server.
#include "support/SignalGenerator.h"
#include "support/SoundFileIo.h"
#include "ui/keyboard/ShortcutsDialog.h"
#include "ui/session/Session.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QShortcutEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

#include <sndfile.h>

#include <map>
#include <memory>

using namespace tapedeck;

namespace {

// The letter after a lone '&' ("&&" is a literal ampersand), lower case; a null QChar when
// there is none.
QChar mnemonicOf(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

// What a screen reader would call the widget: its accessible name, or the text of its buddy
// label or button.
QString spokenName(QWidget* widget) {
    QAccessibleInterface* face = QAccessible::queryAccessibleInterface(widget);
    return face ? face->text(QAccessible::Name) : QString();
}

QString describe(QWidget* widget) {
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
             spokenName(widget));
}

// Checks that no two texts in `texts` share a mnemonic; says which do.
QString repeatedMnemonics(const QStringList& texts) {
    std::map<QChar, QString> seen;
    QString repeats;
    for (const QString& text : texts) {
        const QChar letter = mnemonicOf(text);
        if (letter.isNull())
            continue;
        const auto [it, fresh] = seen.emplace(letter, text);
        if (!fresh)
            repeats += QStringLiteral("'%1': \"%2\" and \"%3\"; ").arg(letter, it->second, text);
    }
    return repeats;
}

// Catches the shortcut events sent to actions, so a key can be checked to reach its action
// without running it (Open would put up a file dialog, Quit would close the window).
class ShortcutCatcher : public QObject {
public:
    struct Caught {
        QAction* action;
        bool ambiguous;
    };
    std::vector<Caught> caught;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Shortcut)
            return false;
        caught.push_back(
            {qobject_cast<QAction*>(watched), static_cast<QShortcutEvent*>(event)->isAmbiguous()});
        return true;
    }
};

} // namespace

class TestWindowKeyboard : public QObject {
    Q_OBJECT
private:
    QTemporaryDir temp_;

    std::unique_ptr<Settings> freshSettings() {
        QFile::remove(temp_.filePath(QStringLiteral("tapedeck.ini")));
        return std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
    }

    static QToolButton* recordButton(MainWindow& window) {
        auto* bar = window.findChild<QToolBar*>(QStringLiteral("TransportToolBar"));
        return bar ? qobject_cast<QToolButton*>(
                         bar->widgetForAction(window.transport()->action(TransportAction::Record)))
                   : nullptr;
    }

    // Every panel shown, so the Tab chain and the mnemonics of all of them are checked.
    static void showAllPanels(MainWindow& window) {
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            dock->show();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
    }

    // When the window opens, Space or Enter would start a take: the focus is on Record.
    void focusStartsOnRecord() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY(QApplication::focusWidget() != nullptr);
        QVERIFY2(QApplication::focusWidget() == recordButton(window),
                 qPrintable(describe(QApplication::focusWidget())));
    }

    // Tab goes round every control once; each one it reaches is on screen, can be used, and
    // has a name a screen reader can say.
    void everyTabStopIsVisibleUsableAndNamed() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.resize(1400, 900);
        showAllPanels(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // With a file open, so the waveform, the selection and Play are there too.
        const QString path = temp_.filePath(QStringLiteral("tab.wav"));
        const auto samples = tapedeck::testing::SignalGenerator::sine(440, 0.5, 48000, 2, 48000);
        QVERIFY(tapedeck::testing::writeSoundFile(path.toStdString(), samples, 2, 48000,
                                                  SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                    .ok());
        QVERIFY(session.openFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(window.waveformDocument()->isComplete(), 10000);
        QToolButton* record = recordButton(window);
        QVERIFY(record);
        record->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), record);
        QList<QWidget*> reached;
        QStringList wrong;
        QWidget* current = record;
        QImage focusedLook = record->grab().toImage();
        for (int i = 0; i < 200; ++i) {
            QTest::keyClick(current, Qt::Key_Tab);
            QWidget* previous = current;
            current = QApplication::focusWidget();
            QVERIFY(current);
            // The focus shows: the control it left looks different now.
            if (previous->grab().toImage() == focusedLook)
                wrong.append(describe(previous) + QStringLiteral(" shows no focus"));
            if (current == record)
                break;
            QVERIFY2(
                !reached.contains(current),
                qPrintable(QStringLiteral("Tab goes round without Record: ") + describe(current)));
            reached.append(current);
            focusedLook = current->grab().toImage();
        }
        QCOMPARE(QApplication::focusWidget(), record);
        QVERIFY(reached.size() >= 10);
        for (QWidget* widget : reached) {
            if (!widget->isVisible() || !widget->isEnabled() || widget->width() < 4 ||
                widget->height() < 4 || spokenName(widget).trimmed().isEmpty())
                wrong.append(describe(widget));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
    }

    // The focused tool button wears a frame of the highlight colour, at least two pixels
    // wide all round: not a faint tint.
    void theFocusMarkIsClearlyVisible() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QToolButton* record = recordButton(window);
        // Loop: the first button after Record that works with no file open.
        QToolButton* loop = qobject_cast<QToolButton*>(
            window.findChild<QToolBar*>(QStringLiteral("TransportToolBar"))
                ->widgetForAction(window.transport()->action(TransportAction::Loop)));
        QVERIFY(record && loop);
        loop->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(loop->hasFocus());
        const QImage unfocused = record->grab().toImage();
        QTest::keyClick(loop, Qt::Key_Backtab); // from the keyboard, as a person would
        QTRY_VERIFY(record->hasFocus());
        const QImage focused = record->grab().toImage();
        const QRgb highlight = record->palette().color(QPalette::Highlight).rgb();
        const auto count = [highlight](const QImage& image) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    n += image.pixelColor(x, y).rgb() == highlight ? 1 : 0;
            return n;
        };
        const int frame = 2 * (focused.width() + focused.height()) - 24; // inset a little
        QVERIFY2(count(focused) - count(unfocused) >= frame * 3 / 2,
                 qPrintable(QStringLiteral("%1 highlight pixels focused, %2 unfocused, want %3")
                                .arg(count(focused))
                                .arg(count(unfocused))
                                .arg(frame * 3 / 2)));
    }

    // Each Alt+letter means one thing: no two menus of the menu bar, no two entries of a
    // menu, and no two buttons or labelled fields of the window share a letter. Alt+F opens
    // the File menu.
    void mnemonicsAreUniqueAndAltFOpensFile() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        showAllPanels(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QStringList windowLevel; // the menu bar's titles and the window's own controls
        QMenu* fileMenu = nullptr;
        for (QAction* action : window.menuBar()->actions()) {
            windowLevel.append(action->text());
            QMenu* menu = action->menu();
            QVERIFY(menu);
            if (mnemonicOf(action->text()) == QLatin1Char('f'))
                fileMenu = menu;
            QList<QMenu*> menus{menu};
            while (!menus.isEmpty()) {
                QMenu* one = menus.takeFirst();
                emit one->aboutToShow(); // menus filled as they open
                QStringList entries;
                for (QAction* entry : one->actions()) {
                    if (entry->isSeparator())
                        continue;
                    entries.append(entry->text());
                    if (entry->menu())
                        menus.append(entry->menu());
                }
                const QString repeats = repeatedMnemonics(entries);
                QVERIFY2(repeats.isEmpty(),
                         qPrintable(one->title() + QStringLiteral(": ") + repeats));
            }
        }
        for (QAbstractButton* button : window.findChildren<QAbstractButton*>()) {
            auto* tool = qobject_cast<QToolButton*>(button);
            if (!tool || !tool->defaultAction()) // an action's button shows no mnemonic
                windowLevel.append(button->text());
        }
        for (QLabel* label : window.findChildren<QLabel*>()) {
            if (label->buddy())
                windowLevel.append(label->text());
        }
        const QString repeats = repeatedMnemonics(windowLevel);
        QVERIFY2(repeats.isEmpty(), qPrintable(repeats));

        QVERIFY(fileMenu);
        QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(fileMenu->isVisible());
        fileMenu->close();
    }
    // Help › Keyboard Shortcuts lists an action the dialog knows nothing about.
    void theShortcutsListShowsANewAction() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        auto* extra = new QAction(QStringLiteral("&Frobnicate the Tape"), &window);
        extra->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F12));
        window.addAction(extra);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* open = nullptr;
        for (QAction* top : window.menuBar()->actions()) {
            for (QAction* entry : top->menu()->actions()) {
                if (entry->text() == QStringLiteral("&Keyboard Shortcuts"))
                    open = entry;
            }
        }
        QVERIFY(open);
        open->trigger();
        ShortcutsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ShortcutsDialog*>()) && dialog->isVisible());
        const auto rowOf = [dialog](const QString& command) -> QTreeWidgetItem* {
            const auto found = dialog->list()->findItems(command, Qt::MatchExactly, 0);
            return found.isEmpty() ? nullptr : found.first();
        };
        QTreeWidgetItem* row = rowOf(QStringLiteral("Frobnicate the Tape"));
        QVERIFY(row);
        QCOMPARE(row->text(1), extra->shortcut().toString(QKeySequence::NativeText));
        QVERIFY(rowOf(QStringLiteral("Record")));
        QVERIFY(rowOf(QStringLiteral("Open…")));
        QCOMPARE(rowOf(QStringLiteral("Open…"))->text(1), QStringLiteral("Ctrl+O"));
        dialog->close();
    }

    // Every key the list shows reaches the action it names, and no other.
    void everyListedShortcutReachesItsAction() {
        auto settings = freshSettings();
        Session session(*settings);
        MainWindow window(session, *settings);
        window.resize(1400, 900);
        showAllPanels(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ShortcutCatcher catcher;
        const QList<QAction*> actions = window.findChildren<QAction*>();
        for (QAction* action : actions)
            action->installEventFilter(&catcher);
        ShortcutsDialog dialog(window);
        int checked = 0;
        for (int i = 0; i < dialog.list()->topLevelItemCount(); ++i) {
            QTreeWidgetItem* row = dialog.list()->topLevelItem(i);
            const QString keys = row->data(0, Qt::UserRole).toString();
            if (keys.isEmpty())
                continue; // a heading
            const QString command = row->text(0);
            for (const QString& text : keys.split(QLatin1Char('\n'))) {
                const QKeySequence key = QKeySequence::fromString(text);
                QList<QAction*> named;
                for (QAction* action : actions) {
                    if (ShortcutsDialog::withoutMnemonic(action->text()) == command &&
                        action->shortcuts().contains(key))
                        named.append(action);
                }
                QVERIFY2(named.size() == 1, qPrintable(command));
                QAction* action = named.first();
                const bool wasEnabled = action->isEnabled();
                action->setEnabled(true); // Zoom waits for a waveform, Stop for a take…
                QWidget* target = recordButton(window);
                if (action->shortcutContext() != Qt::WindowShortcut) {
                    for (QObject* object : action->associatedObjects()) {
                        auto* widget = qobject_cast<QWidget*>(object);
                        if (widget && !qobject_cast<QMenu*>(widget))
                            target = widget;
                    }
                }
                target->setFocus(Qt::TabFocusReason);
                QTRY_VERIFY(target->hasFocus());
                catcher.caught.clear();
                QTest::keySequence(target, key);
                action->setEnabled(wasEnabled);
                const QString what = command + QStringLiteral(" (") + text + QLatin1Char(')');
                QVERIFY2(
                    catcher.caught.size() == 1,
                    qPrintable(what +
                               QStringLiteral(" reached %1 actions").arg(catcher.caught.size())));
                QVERIFY2(catcher.caught.front().action == action,
                         qPrintable(what + QStringLiteral(" reached ") +
                                    catcher.caught.front().action->text()));
                QVERIFY2(!catcher.caught.front().ambiguous, qPrintable(what));
                ++checked;
            }
        }
        QVERIFY(checked >= 15);
    }
};

QTEST_MAIN(TestWindowKeyboard)
#include "TestWindowKeyboard.moc"
