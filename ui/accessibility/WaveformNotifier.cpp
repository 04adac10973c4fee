#include "ui/accessibility/WaveformNotifier.h"

#include "ui/accessibility/WaveformAccessible.h"
#include "ui/markers/MarkerList.h"
#include "ui/waveform/MarkerOverlay.h"
#include "ui/waveform/WaveformView.h"

#include <QAccessible>
#include <QEvent>

namespace tapedeck {

void WaveformNotifier::attach(WaveformView& view) {
    if (!view.findChild<WaveformNotifier*>(QString(), Qt::FindDirectChildrenOnly))
        new WaveformNotifier(view);
}

WaveformNotifier::WaveformNotifier(WaveformView& view) : QObject(&view), view_(view) {
    timer_.setInterval(kPositionIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &WaveformNotifier::report);
    connect(&view_, &WaveformView::selectionChanged, this, &WaveformNotifier::report);
    view_.installEventFilter(this);
    followMarkers();
    lastSent_ = WaveformAccessible::describe(view_);
    if (view_.hasFocus())
        timer_.start();
}

void WaveformNotifier::followMarkers() {
    if (followsMarkers_)
        return;
    if (const auto* overlay =
            view_.findChild<MarkerOverlay*>(QString(), Qt::FindDirectChildrenOnly)) {
        connect(&overlay->markers(), &MarkerList::changed, this, &WaveformNotifier::report);
        followsMarkers_ = true;
    }
}

bool WaveformNotifier::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &view_) {
        // The marker overlay may come after this notifier (the interface can be asked for
        // while the window is still being built); a child is whole once the loop comes back.
        if (event->type() == QEvent::ChildAdded && !followsMarkers_)
            QTimer::singleShot(0, this, &WaveformNotifier::followMarkers);
        if (event->type() == QEvent::FocusIn) {
            // Focus itself makes the screen reader read the whole description; the timer
            // only keeps the position fresh while the focus stays.
            lastSent_ = WaveformAccessible::describe(view_);
            timer_.start();
        } else if (event->type() == QEvent::FocusOut) {
            timer_.stop();
        }
    }
    return QObject::eventFilter(watched, event);
}

void WaveformNotifier::report() {
    const QString text = WaveformAccessible::describe(view_);
    if (text == lastSent_)
        return;
    lastSent_ = text;
    ++sent_;
    QAccessibleEvent event(&view_, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
}

} // namespace tapedeck
