#include "ui/accessibility/WaveformAccessible.h"

#include "ui/accessibility/WaveformNotifier.h"
#include "ui/markers/MarkerList.h"
#include "ui/waveform/MarkerOverlay.h"
#include "ui/waveform/WaveformView.h"

namespace tapedeck {

WaveformAccessible::WaveformAccessible(WaveformView* view)
    : QAccessibleWidget(view, QAccessible::Canvas) {
    WaveformNotifier::attach(*view);
}

WaveformSpeech::Facts WaveformAccessible::factsOf(const WaveformView& view) {
    WaveformSpeech::Facts facts;
    facts.sampleRate = view.sampleRate();
    facts.totalFrames = view.summary() ? view.totalFrames() : 0;
    facts.playhead = view.playhead();
    if (!view.selection().isEmpty()) {
        facts.selectionStart = view.selection().start();
        facts.selectionEnd = view.selection().end();
    }
    // The markers are drawn by an overlay that knows the list; the view itself knows only
    // the dropouts (in its own description).
    if (const auto* overlay = view.findChild<MarkerOverlay*>(QString(), Qt::FindDirectChildrenOnly))
        facts.markers = overlay->markers().markers();
    return facts;
}

QString WaveformAccessible::describe(const WaveformView& view) {
    const QString speech = WaveformSpeech::describe(factsOf(view));
    const QString own = view.accessibleDescription();
    if (speech.isEmpty())
        return own;
    return own.isEmpty() ? speech : speech + QStringLiteral(". ") + own;
}

QString WaveformAccessible::text(QAccessible::Text which) const {
    const auto* view = static_cast<const WaveformView*>(widget());
    if (which == QAccessible::Value)
        return WaveformSpeech::describe(factsOf(*view));
    if (which == QAccessible::Description)
        return describe(*view);
    return QAccessibleWidget::text(which);
}

} // namespace tapedeck
