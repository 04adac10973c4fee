#include "ui/waveform/MarkerOverlay.h"

#include "ui/markers/MarkerList.h"
#include "ui/waveform/WaveformView.h"

#include <QEvent>
#include <QPainter>

#include <cmath>

namespace tapedeck {

MarkerOverlay::MarkerOverlay(WaveformView& view, const MarkerList& markers)
    : QWidget(&view), view_(view), markers_(markers) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(view.rect());
    view.installEventFilter(this);
    connect(&view, &WaveformView::viewChanged, this, qOverload<>(&QWidget::update));
    connect(&markers, &MarkerList::changed, this, qOverload<>(&QWidget::update));
    raise();
}

int MarkerOverlay::xForFrame(std::int64_t frame) const {
    const QRect wave = view_.waveformRect();
    const double fpp = view_.framesPerPixel() > 0 ? view_.framesPerPixel() : 1.0;
    return wave.left() +
           static_cast<int>(std::floor((static_cast<double>(frame) - view_.startFrame()) / fpp));
}

bool MarkerOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &view_ && event->type() == QEvent::Resize) {
        setGeometry(view_.rect());
        raise();
    }
    return QWidget::eventFilter(watched, event);
}

void MarkerOverlay::paintEvent(QPaintEvent* /*event*/) {
    if (markers_.markers().empty() || !view_.summary())
        return;
    QPainter painter(this);
    const QRect wave = view_.waveformRect();
    const QColor colour = palette().color(QPalette::Highlight);
    const QFontMetrics metrics(font());
    painter.setClipRect(wave);
    for (const Marker& m : markers_.markers()) {
        const int x = xForFrame(m.frame);
        if (x < wave.left() || x > wave.right())
            continue;
        painter.fillRect(QRect(x, wave.top(), 1, wave.height()), colour);
        const QString name = QString::fromStdString(m.name);
        if (name.isEmpty())
            continue;
        const QRect label(x + 1, wave.top(), metrics.horizontalAdvance(name) + 6,
                          metrics.height() + 2);
        painter.fillRect(label, colour);
        painter.setPen(palette().color(QPalette::HighlightedText));
        painter.drawText(label, Qt::AlignCenter, name);
    }
}

} // namespace tapedeck
