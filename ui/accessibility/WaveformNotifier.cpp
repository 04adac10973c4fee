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
    if (const auto* overlay = view.findChild<MarkerOverlay*>(QString(), Qt::FindDirectChildrenOnly))
        connect(&overlay->markers(), &MarkerList::changed, this, &WaveformNotifier::report);
    view_.installEventFilter(this);
    lastSent_ = WaveformAccessible::describe(view_);
    if (view_.hasFocus())
        timer_.start();
}

bool WaveformNotifier::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &view_) {
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
    if (text == lastSent_ || !QAccessible::isActive())
        return;
    lastSent_ = text;
    ++sent_;
    QAccessibleEvent event(&view_, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
}

} // namespace tapedeck
