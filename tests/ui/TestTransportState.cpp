#include "ui/session/TransportState.h"
#include "ui/transport/TransportActions.h"

#include <QAction>
#include <QApplication>
#include <QStyle>
#include <QTest>

using tapedeck::TransportAction;
using tapedeck::TransportActions;
using tapedeck::TransportState;

Q_DECLARE_METATYPE(TransportState)

class TestTransportState : public QObject {
    Q_OBJECT
private slots:
    void enabledActionsFollowTheState_data() {
        QTest::addColumn<TransportState>("state");
        // Record, Play, Pause, Stop, GoToStart, GoToEnd, Loop
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing open") << TransportState::NoFile << "1000001";
        QTest::newRow("file stopped") << TransportState::Stopped << "1100111";
        QTest::newRow("playing") << TransportState::Playing << "0011111";
        QTest::newRow("paused") << TransportState::Paused << "1101111";
        // Pause pauses the take (and resumes it).
        QTest::newRow("recording") << TransportState::Recording << "0011000";
    }

    void enabledActionsFollowTheState() {
        QFETCH(TransportState, state);
        QFETCH(QString, expected);
        TransportActions actions(QApplication::style());
        actions.setState(state);
        for (std::size_t i = 0; i < tapedeck::kTransportActions.size(); ++i) {
            const TransportAction which = tapedeck::kTransportActions[i];
            const bool wanted = expected.at(static_cast<int>(i)) == QLatin1Char('1');
            QVERIFY2(tapedeck::isTransportActionEnabled(which, state) == wanted,
                     qPrintable(QStringLiteral("action %1").arg(i)));
            QCOMPARE(actions.action(which)->isEnabled(), wanted);
        }
    }

    void spaceAndRMoveToTheActionTheyMean() {
        TransportActions actions(QApplication::style());
        const QKeySequence space(Qt::Key_Space);
        const QKeySequence r(Qt::Key_R);

        actions.setState(TransportState::Stopped);
        QVERIFY(actions.action(TransportAction::Play)->shortcuts().contains(space));
        QVERIFY(actions.action(TransportAction::Record)->shortcuts().contains(r));

        actions.setState(TransportState::Playing);
        QVERIFY(actions.action(TransportAction::Pause)->shortcuts().contains(space));
        QVERIFY(!actions.action(TransportAction::Play)->shortcuts().contains(space));

        actions.setState(TransportState::Recording);
        const QList<QKeySequence> stopKeys = actions.action(TransportAction::Stop)->shortcuts();
        QVERIFY(stopKeys.contains(space));
        QVERIFY(stopKeys.contains(r));
        QVERIFY(actions.action(TransportAction::Record)->shortcuts().isEmpty());
    }

    void everyActionHasTextAnIconAndATooltip() {
        TransportActions actions(QApplication::style());
        for (TransportAction which : tapedeck::kTransportActions) {
            QAction* action = actions.action(which);
            QVERIFY(!action->text().isEmpty());
            QVERIFY(!action->toolTip().isEmpty());
            QVERIFY(!action->icon().isNull());
        }
        QCOMPARE(actions.action(TransportAction::GoToStart)->shortcut(),
                 QKeySequence(Qt::Key_Home));
        QCOMPARE(actions.action(TransportAction::GoToEnd)->shortcut(), QKeySequence(Qt::Key_End));
        QVERIFY(actions.action(TransportAction::Loop)->isCheckable());
    }
};

QTEST_MAIN(TestTransportState)
#include "TestTransportState.moc"
