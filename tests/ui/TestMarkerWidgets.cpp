#include "ui/markers/MarkerList.h"
#include "ui/markers/MarkersPanel.h"
#include "ui/recording/TakeOptionsPanel.h"
#include "ui/session/TransportState.h"
#include "ui/transport/TransportActions.h"
#include "ui/waveform/MarkerOverlay.h"
#include "ui/waveform/WaveformView.h"

#include "core/summary/WaveformSummary.h"

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

    // A paused and resumed take has a "Paused" marker (and a clipped one a "Clip" marker):
    // the person's first marker is still "Marker 1", and numbers go on among theirs alone.
    void defaultNamesCountOnlyThePersonsMarkers() {
        MarkerList list;
        list.setDocument({}, 48000, false);
        QCOMPARE(list.nextDefaultName(), QStringLiteral("Marker 1"));
        list.add({100, kPausedMarkerName}, false);
        list.add({50, kClipMarkerName}, false);
        QCOMPARE(list.nextDefaultName(), QStringLiteral("Marker 1"));
        list.add({200, list.nextDefaultName().toStdString()}, false);
        QCOMPARE(list.nextDefaultName(), QStringLiteral("Marker 2"));
        list.add({300, "Marker 2"}, false);
        list.remove(2); // "Marker 1" goes; "Marker 2" stays: the next is not a second one
        QCOMPARE(list.markers()[2].name, std::string("Marker 2"));
        QCOMPARE(list.nextDefaultName(), QStringLiteral("Marker 3"));
    }

    // Markers a few pixels apart (M pressed quickly while recording) get their names in
    // rows that do not overlap; what finds no room is left out rather than drawn over.
    void markerNamesDoNotOverlap() {
        constexpr int kRate = 48000;
        const std::int64_t frames = 60LL * kRate;
        auto summary = std::make_shared<WaveformSummary>(1);
        const std::vector<float> quiet(static_cast<std::size_t>(frames), 0.1f);
        summary->appendInterleaved(quiet.data(), frames);
        summary->finish();
        WaveformView view;
        view.resize(600, 200);
        view.setSummary(summary, kRate, frames);
        MarkerList list;
        list.setDocument({}, kRate, false);
        MarkerOverlay overlay(view, list);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Ten markers a tenth of a second apart: about a pixel each at this zoom.
        for (int i = 0; i < 10; ++i)
            list.add(
                {kRate * 10 + i * kRate / 10, QStringLiteral("Marker %1").arg(i + 1).toStdString()},
                false);
        list.add({kRate * 40, kPausedMarkerName}, false);
        const auto labels = overlay.layoutLabels();
        QVERIFY(labels.size() >= 2);
        for (std::size_t a = 0; a < labels.size(); ++a) {
            for (std::size_t b = a + 1; b < labels.size(); ++b)
                QVERIFY2(!labels[a].rect.intersects(labels[b].rect),
                         qPrintable(labels[a].text + QStringLiteral(" / ") + labels[b].text));
        }
        // The first of the bunch and the lone marker far away both keep their names.
        QCOMPARE(labels.front().text, QStringLiteral("Marker 1"));
        QCOMPARE(labels.back().text, QStringLiteral("Paused"));
        QVERIFY(labels[1].rect.top() > labels[0].rect.top()); // stacked below, not over it
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
