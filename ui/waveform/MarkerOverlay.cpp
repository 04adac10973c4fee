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

std::vector<MarkerOverlay::Label> MarkerOverlay::layoutLabels() const {
    std::vector<Label> labels;
    if (!view_.summary())
        return labels;
    const QRect wave = view_.waveformRect();
    const QFontMetrics metrics(font());
    const int height = metrics.height() + 2;
    // The right edge of the last name in each row; markers come sorted by frame, so a name
    // only has to clear the one before it in its row.
    std::vector<int> rowRight(kLabelRows, wave.left() - kLabelGap - 1);
    const std::vector<Marker>& markers = markers_.markers();
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const int x = xForFrame(markers[i].frame);
        const QString name = QString::fromStdString(markers[i].name);
        if (x < wave.left() || x > wave.right() || name.isEmpty())
            continue;
        const QRect rect(x + 1, wave.top(), metrics.horizontalAdvance(name) + 6, height);
        for (int row = 0; row < kLabelRows; ++row) {
            if (rect.left() <= rowRight[row] + kLabelGap)
                continue;
            labels.push_back({static_cast<int>(i), rect.translated(0, row * height), name});
            rowRight[row] = rect.right();
            break;
        }
    }
    return labels;
}

void MarkerOverlay::paintEvent(QPaintEvent* /*event*/) {
    if (markers_.markers().empty() || !view_.summary())
        return;
    QPainter painter(this);
    const QRect wave = view_.waveformRect();
    const QColor colour = palette().color(QPalette::Highlight);
    painter.setClipRect(wave);
    for (const Marker& m : markers_.markers()) {
        const int x = xForFrame(m.frame);
        if (x >= wave.left() && x <= wave.right())
            painter.fillRect(QRect(x, wave.top(), 1, wave.height()), colour);
    }
    painter.setPen(palette().color(QPalette::HighlightedText));
    for (const Label& label : layoutLabels()) {
        painter.fillRect(label.rect, colour);
        painter.drawText(label.rect, Qt::AlignCenter, label.text);
    }
}

} // namespace tapedeck
