#include "ui/markers/MarkerList.h"
#include "ui/markers/MarkersPanel.h"
#include "ui/recording/TakeOptionsPanel.h"
#include "ui/session/TransportState.h"
#include "ui/transport/TransportActions.h"

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace tapedeck;

// The recorder's controls without a sound card: the marker list and its panel, the take
// options panel, and the Pause action while recording. Offscreen.
class TestMarkerWidgets : public QObject {
    Q_OBJECT

private slots:
    void audacityLabelsHaveSixDecimalsAndTabs() {
        const std::vector<Marker> markers = {{0, "Start"}, {72000, "Verse\tone"}, {96001, ""}};
        QCOMPARE(MarkerList::audacityLabels(markers, 48000),
                 QStringLiteral("0.000000\t0.000000\tStart\n"
                                "1.500000\t1.500000\tVerse one\n"
                                "2.000021\t2.000021\t\n"));
    }

    void theListStaysSortedAndFindsNeighbours() {
        MarkerList list;
        list.setDocument({}, 48000, false);
        list.add({4800, "b"}, false);
        list.add({100, "a"}, false);
        QCOMPARE(list.add({9600, "c"}, false), 2);
        QCOMPARE(list.markers().front().name, std::string("a"));
        QCOMPARE(*list.nextFrame(100), std::int64_t(4800));
        QCOMPARE(*list.previousFrame(4800), std::int64_t(100));
        QVERIFY(!list.previousFrame(100));
        QVERIFY(!list.nextFrame(9600));
        QCOMPARE(list.nextDefaultName(), QStringLiteral("Marker 4"));
    }

    void thePanelRenamesAndDeletes() {
        MarkerList list;
        list.setDocument({}, 48000, false);
        MarkersPanel panel(list);
        list.add({48000, "One"}, false);
        list.add({96000 + 48000 * 60, "Two"}, false);
        QCOMPARE(panel.list()->topLevelItemCount(), 2);
        QCOMPARE(panel.list()->topLevelItem(0)->text(0), QStringLiteral("0:01.000"));
        QCOMPARE(panel.list()->topLevelItem(1)->text(0), QStringLiteral("1:02.000"));
        QCOMPARE(MarkersPanel::formatTime(48000LL * 3723 + 24000, 48000),
                 QStringLiteral("1:02:03.500"));
        panel.list()->topLevelItem(1)->setText(1, QStringLiteral("Chorus"));
        QCOMPARE(list.markers()[1].name, std::string("Chorus"));
        QVERIFY(!panel.deleteButton()->isEnabled());
        panel.list()->setCurrentItem(panel.list()->topLevelItem(0));
        QVERIFY(panel.deleteButton()->isEnabled());
        panel.deleteButton()->click();
        QCOMPARE(list.markers().size(), std::size_t(1));
        QCOMPARE(list.markers()[0].name, std::string("Chorus"));
        QSignalSpy seeks(&panel, &MarkersPanel::seekRequested);
        emit panel.list()->itemActivated(panel.list()->topLevelItem(0), 0);
        QCOMPARE(seeks.count(), 1);
        QCOMPARE(seeks.first().first().value<std::int64_t>(), std::int64_t(96000 + 48000 * 60));
    }

    void takeOptionsAreEditedAndLocked() {
        TakeOptionsPanel panel;
        QSignalSpy changed(&panel, &TakeOptionsPanel::optionsChanged);
        QCOMPARE(panel.preRollBox()->value(), 2.0); // the default pre-roll
        QCOMPARE(panel.preRollBox()->maximum(), 30.0);
        QVERIFY(!panel.startLevelBox()->isEnabled());
        panel.startOnSoundBox()->setChecked(true);
        QVERIFY(panel.startLevelBox()->isEnabled());
        panel.startLevelBox()->setValue(-24);
        panel.stopAfterLengthBox()->setChecked(true);
        panel.lengthBox()->setValue(90);
        const TakeOptions o = panel.options();
        QVERIFY(o.startOnSound && o.stopAfterLength && !o.stopOnSilence);
        QCOMPARE(o.startAboveDbfs, -24.0);
        QCOMPARE(o.lengthSeconds, 90.0);
        QVERIFY(changed.count() >= 4);
        QCOMPARE(changed.last().first().value<TakeOptions>(), o);
        panel.setLocked(true);
        QVERIFY(!panel.preRollBox()->isEnabled());
        QVERIFY(!panel.startLevelBox()->isEnabled());
        panel.setLocked(false);
        QVERIFY(panel.lengthBox()->isEnabled());
    }

    void pauseIsEnabledWhileRecordingAndPOwnsIt() {
        QVERIFY(isTransportActionEnabled(TransportAction::Pause, TransportState::Recording));
        TransportActions actions;
        actions.setState(TransportState::Recording);
        QAction* pause = actions.action(TransportAction::Pause);
        QVERIFY(pause->isEnabled());
        QVERIFY(pause->shortcuts().contains(QKeySequence(Qt::Key_P)));
        actions.setState(TransportState::Playing);
        QVERIFY(pause->shortcuts().contains(QKeySequence(Qt::Key_P)));
        QVERIFY(pause->shortcuts().contains(QKeySequence(Qt::Key_Space)));
    }
};

QTEST_MAIN(TestMarkerWidgets)
#include "TestMarkerWidgets.moc"
