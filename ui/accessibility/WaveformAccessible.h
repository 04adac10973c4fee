#pragma once

#include "ui/accessibility/WaveformSpeech.h"

#include <QAccessibleWidget>

namespace tapedeck {

class WaveformView;

// What a screen reader knows of the waveform: a canvas named "Waveform" whose value text is
// the position, the selection and the markers ("Position 1:02.5 of 4:10.0; selection 0:10.0
// to 0:20.0; 3 markers: Intro at 0:00.0, …"), and whose description says the same followed
// by the view's own description (channels, length, dropouts), since AT-SPI carries the
// description but not a value text. Made by Qt (through AccessibleInterfaces) the first time
// something asks; it then starts the view's calm change reports (WaveformNotifier).
// GUI thread only.
class WaveformAccessible : public QAccessibleWidget {
public:
    explicit WaveformAccessible(WaveformView* view);

    QString text(QAccessible::Text which) const override;

    // What the view shows now, as WaveformSpeech takes it.
    static WaveformSpeech::Facts factsOf(const WaveformView& view);
    // The description of `view` as a screen reader gets it.
    static QString describe(const WaveformView& view);
};

} // namespace tapedeck
