#include "ui/waveform/WaveformView.h"

#include "ui/waveform/SampleWindowLoader.h"
#include "ui/waveform/WaveformPainter.h"
#include "ui/waveform/WaveformRuler.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPolygon>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

constexpr double kZoomStep = 2.0;
constexpr double kWheelZoomStep = 1.25;
constexpr int kWheelStepDegrees = 120;       // one notch of a classic mouse wheel
constexpr double kWheelScrollFraction = 0.1; // of the visible width per notch
constexpr double kKeyScrollFraction = 0.1;
constexpr double kFollowKeepFraction = 0.75; // live: the newest frame sits here after a jump
constexpr double kLiveWindowSeconds = 30.0;  // live: initial visible span
constexpr double kMaxScrollUnits = 1 << 30;
constexpr int kClickSlopPixels = 4;
constexpr int kPlayheadWidth = 2;
constexpr int kFocusFrameWidth = 2;
constexpr int kEdgeGrabPixels = 5; // a press this close to a selection edge drags the edge
constexpr int kSelectionAlpha = 70;
constexpr int kMarkerWidth = 1;
constexpr int kFlagWidth = 7; // the flag at the top of a marker line
constexpr int kFlagHeight = 6;
const QColor kMarkerRed(226, 40, 40);
constexpr int kProgressBarHeight = 3;
constexpr int kProgressMargin = 6;
constexpr int kMinWidth = 120;
constexpr int kMinHeight = 80;
constexpr QSize kPreferredSize(800, 240);

} // namespace

WaveformView::WaveformView(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Waveform"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    scrollBar_ = new QScrollBar(Qt::Horizontal, this);
    scrollBar_->setAccessibleName(tr("Waveform position"));
    connect(scrollBar_, &QScrollBar::valueChanged, this, &WaveformView::onScrollBar);
    loader_ = new SampleWindowLoader(this);
    connect(loader_, &SampleWindowLoader::loaded, this, &WaveformView::onSamplesLoaded);
    pollTimer_.setInterval(kPollIntervalMs);
    connect(&pollTimer_, &QTimer::timeout, this, &WaveformView::poll);
    updateAccessibleDescription();
}

WaveformView::~WaveformView() = default;

QSize WaveformView::sizeHint() const {
    return kPreferredSize;
}

QSize WaveformView::minimumSizeHint() const {
    return {kMinWidth, kMinHeight};
}

void WaveformView::setSummary(std::shared_ptr<const WaveformSummary> summary, int sampleRate,
                              std::int64_t expectedFrames, const QString& samplePath) {
    summary_ = std::move(summary);
    sampleRate_ = sampleRate;
    selection_.clear(); // a new file or take starts with nothing selected
    expectedFrames_ = std::max<std::int64_t>(expectedFrames, 0);
    samplePath_ = samplePath;
    seenFrames_ = summary_ ? summary_->frames() : 0;
    seenComplete_ = summary_ && summary_->isComplete();
    samples_.reset();
    requestedStart_ = -1;
    loader_->cancel();
    if (summary_) {
        pollTimer_.start();
    } else {
        pollTimer_.stop();
    }
    if (live_ && sampleRate_ > 0) {
        setLiveMode(true);
    } else {
        zoomToFit();
    }
    updateAccessibleDescription();
}

void WaveformView::clear() {
    markers_.clear();
    setSummary(nullptr, 0, 0);
}

void WaveformView::setLiveMode(bool follow) {
    live_ = follow;
    liveDefaultZoom_ = follow;
    if (live_) {
        fitted_ = false;
        const double width = std::max(1, waveformRect().width());
        const double span = sampleRate_ > 0 ? sampleRate_ * kLiveWindowSeconds : width;
        framesPerPixel_ = std::max(kMinFramesPerPixel, span / width);
        const double visible = width * framesPerPixel_;
        startFrame_ =
            std::max(0.0, static_cast<double>(seenFrames_) - visible * kFollowKeepFraction);
        afterViewChange();
    }
}

QColor WaveformView::markerColor() {
    return kMarkerRed;
}

void WaveformView::setMarkers(std::vector<std::int64_t> frames) {
    std::sort(frames.begin(), frames.end());
    markers_ = std::move(frames);
    updateAccessibleDescription();
    update();
}

void WaveformView::addMarker(std::int64_t frame) {
    markers_.insert(std::upper_bound(markers_.begin(), markers_.end(), frame), frame);
    update(markerRect(frame));
}

QRect WaveformView::markerRect(std::int64_t frame) const {
    const QRect wave = waveformRect();
    const int x = xForFrame(static_cast<double>(frame));
    return QRect(x - 1, wave.top(), kFlagWidth + 2, wave.height());
}

void WaveformView::setPlayhead(std::int64_t frame) {
    if (frame == playhead_) {
        return;
    }
    const QRect wave = waveformRect();
    const int oldX = xForFrame(static_cast<double>(playhead_));
    playhead_ = frame;
    const int newX = xForFrame(static_cast<double>(playhead_));
    update(QRect(oldX - 1, wave.top(), kPlayheadWidth + 2, wave.height()));
    update(QRect(newX - 1, wave.top(), kPlayheadWidth + 2, wave.height()));
}

std::int64_t WaveformView::totalFrames() const {
    return summary_ ? std::max(expectedFrames_, summary_->frames()) : 0;
}

QRect WaveformView::waveformRect() const {
    const int scrollHeight = scrollBar_->sizeHint().height();
    return QRect(0, WaveformRuler::kHeight, width(),
                 std::max(1, height() - WaveformRuler::kHeight - scrollHeight));
}

std::int64_t WaveformView::frameAt(int x) const {
    const double frame = startFrame_ + (x - waveformRect().left()) * framesPerPixel_;
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor(frame)), 0, totalFrames());
}

int WaveformView::xForFrame(double frame) const {
    return waveformRect().left() +
           static_cast<int>(std::floor((frame - startFrame_) / framesPerPixel_));
}

double WaveformView::fitFramesPerPixel() const {
    const double frames = static_cast<double>(totalFrames());
    const double width = std::max(1, waveformRect().width());
    return frames > 0.0 ? std::max(kMinFramesPerPixel, frames / width) : 1.0;
}

double WaveformView::clampStart(double start, double framesPerPixel) const {
    const double visible = waveformRect().width() * framesPerPixel;
    const double maxStart = std::max(0.0, static_cast<double>(totalFrames()) - visible);
    return std::clamp(start, 0.0, maxStart);
}

void WaveformView::setView(double startFrame, double framesPerPixel) {
    double maxFramesPerPixel = fitFramesPerPixel();
    if (live_ && sampleRate_ > 0) {
        maxFramesPerPixel = std::max(maxFramesPerPixel, sampleRate_ * kLiveWindowSeconds /
                                                            std::max(1, waveformRect().width()));
    }
    framesPerPixel_ = std::clamp(framesPerPixel, kMinFramesPerPixel, maxFramesPerPixel);
    fitted_ = !live_ && framesPerPixel_ >= fitFramesPerPixel();
    startFrame_ = clampStart(startFrame, framesPerPixel_);
    afterViewChange();
}

void WaveformView::zoomIn() {
    zoomAround(1.0 / kZoomStep, waveformRect().center().x());
}

void WaveformView::zoomOut() {
    zoomAround(kZoomStep, waveformRect().center().x());
}

void WaveformView::zoomToFit() {
    setView(0.0, fitFramesPerPixel());
}

void WaveformView::zoomAround(double factor, int x) {
    liveDefaultZoom_ = false;
    const int offset = x - waveformRect().left();
    const double anchor = startFrame_ + offset * framesPerPixel_;
    const double next = framesPerPixel_ * factor;
    setView(anchor - offset * next, next);
}

void WaveformView::afterViewChange() {
    syncScrollBar();
    requestSamplesIfNeeded();
    update();
    emit viewChanged(startFrame_, framesPerPixel_);
}

void WaveformView::syncScrollBar() {
    const double total = static_cast<double>(totalFrames());
    const double visible = waveformRect().width() * framesPerPixel_;
    scrollUnitFrames_ = std::max(framesPerPixel_, total / kMaxScrollUnits);
    const int maximum =
        static_cast<int>(std::ceil(std::max(0.0, total - visible) / scrollUnitFrames_));
    const int page = std::max(1, static_cast<int>(visible / scrollUnitFrames_));
    syncingScrollBar_ = true;
    scrollBar_->setRange(0, maximum);
    scrollBar_->setPageStep(page);
    scrollBar_->setSingleStep(std::max(1, page / 10));
    scrollBar_->setValue(static_cast<int>(std::lround(startFrame_ / scrollUnitFrames_)));
    syncingScrollBar_ = false;
}

void WaveformView::onScrollBar(int value) {
    if (syncingScrollBar_) {
        return;
    }
    startFrame_ = clampStart(value * scrollUnitFrames_, framesPerPixel_);
    requestSamplesIfNeeded();
    update();
    emit viewChanged(startFrame_, framesPerPixel_);
}

void WaveformView::poll() {
    if (!summary_) {
        return;
    }
    const std::int64_t frames = summary_->frames();
    const bool complete = summary_->isComplete();
    if (complete && !live_) {
        pollTimer_.stop(); // nothing more will arrive: an idle window wakes for nothing
    }
    if (frames == seenFrames_ && complete == seenComplete_) {
        return;
    }
    const std::int64_t before = seenFrames_;
    seenFrames_ = frames;
    seenComplete_ = complete;
    const QRect wave = waveformRect();
    const double visible = wave.width() * framesPerPixel_;
    if (live_ && static_cast<double>(frames) > startFrame_ + visible) {
        // Jump so the newest frame sits at three quarters: a full redraw only now and then.
        startFrame_ = std::max(0.0, frames - visible * kFollowKeepFraction);
        afterViewChange();
        return;
    }
    if (fitted_ && expectedFrames_ == 0) {
        framesPerPixel_ = fitFramesPerPixel();
        afterViewChange();
        return;
    }
    syncScrollBar();
    if (complete) {
        update(); // the last partial blocks, and the progress indicator goes away
        return;
    }
    // Only the columns that gained data (one more to the left: a block counts where it starts).
    const int x0 = std::max(wave.left(), xForFrame(static_cast<double>(before)) - 1);
    const int x1 = std::min(wave.right() + 1, xForFrame(static_cast<double>(frames)) + 2);
    if (x1 > x0) {
        update(QRect(x0, wave.top(), x1 - x0, wave.height()));
    }
    if (isBuilding()) {
        update(QRect(wave.left(), wave.top(), wave.width(), kProgressBarHeight));
        const QFontMetrics metrics(font());
        const int boxWidth =
            metrics.horizontalAdvance(tr("Building waveform… 100%")) + 4 * kProgressMargin;
        update(QRect(wave.right() - boxWidth, wave.top(), boxWidth + 1,
                     metrics.height() + 3 * kProgressMargin));
    }
}

bool WaveformView::isBuilding() const {
    return summary_ && expectedFrames_ > 0 && !summary_->isComplete();
}

bool WaveformView::isLoadingSamples() const {
    return loader_->isBusy();
}

bool WaveformView::windowCovers(const SampleWindow& window) const {
    const double total = static_cast<double>(totalFrames());
    const double visibleEnd =
        std::min(total, startFrame_ + waveformRect().width() * framesPerPixel_);
    const double windowEnd = static_cast<double>(window.startFrame + window.frames);
    return window.startFrame <= std::max(0.0, std::floor(startFrame_)) &&
           (windowEnd >= std::ceil(visibleEnd) || windowEnd >= total);
}

bool WaveformView::showsSamples() const {
    return samples_ && framesPerPixel_ < WaveformSummary::kBlockFrames[0] && samples_->frames > 0 &&
           windowCovers(*samples_);
}

void WaveformView::requestSamplesIfNeeded() {
    if (!summary_ || samplePath_.isEmpty() || live_ ||
        framesPerPixel_ >= WaveformSummary::kBlockFrames[0]) {
        loader_->cancel();
        requestedStart_ = -1;
        return;
    }
    if (showsSamples()) {
        return;
    }
    const double visible = waveformRect().width() * framesPerPixel_;
    const double visibleEnd = startFrame_ + visible;
    if (loader_->isBusy() && requestedStart_ <= startFrame_ &&
        static_cast<double>(requestedStart_ + requestedFrames_) >= visibleEnd) {
        return; // the read in progress will cover this view
    }
    // Half a screen either side, so small scrolls need no new read.
    const double margin = visible / 2.0;
    requestedStart_ = std::max<std::int64_t>(0, static_cast<std::int64_t>(startFrame_ - margin));
    requestedFrames_ = std::min<std::int64_t>(SampleReader::kMaxWindowFrames,
                                              static_cast<std::int64_t>(visible + 2 * margin) + 2);
    loader_->request(samplePath_, requestedStart_, requestedFrames_);
}

void WaveformView::onSamplesLoaded(std::uint64_t, std::shared_ptr<const SampleWindow> window) {
    samples_ = std::move(window);
    requestedStart_ = -1;
    update();
    if (showsSamples()) {
        emit samplesShown();
    }
}

void WaveformView::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    const QRect dirty = event->rect();
    const QRect ruler(0, 0, width(), WaveformRuler::kHeight);
    if (dirty.intersects(ruler)) {
        WaveformRuler::paint(painter, ruler, startFrame_, framesPerPixel_, sampleRate_, palette());
    }
    const QRect wave = waveformRect();
    const int x0 = std::max(dirty.left(), wave.left());
    const int x1 = std::min(dirty.right() + 1, wave.right() + 1);
    const WaveformColors colors = WaveformColors::fromPalette(palette());
    if (!summary_) {
        painter.fillRect(wave, colors.background);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(wave, Qt::AlignCenter, tr("No audio"));
        paintFocusFrame(painter);
        return;
    }
    WaveformPainter::paintBackground(painter, wave, x0, x1, summary_->channels(), colors);
    if (showsSamples()) {
        WaveformPainter::paintSamples(painter, wave, x0, x1, *samples_, startFrame_,
                                      framesPerPixel_, colors);
    } else {
        WaveformPainter::paintSummary(painter, wave, x0, x1, *summary_, startFrame_,
                                      framesPerPixel_, colors);
    }
    paintSelection(painter, wave);
    paintMarkers(painter, wave, x0, x1);
    if (playhead_ >= 0) {
        const int x = xForFrame(static_cast<double>(playhead_));
        if (x + kPlayheadWidth > x0 && x < x1) {
            painter.fillRect(QRect(x, wave.top(), kPlayheadWidth, wave.height()),
                             palette().color(QPalette::Text));
        }
    }
    if (isBuilding()) {
        paintProgress(painter, wave);
    }
    paintFocusFrame(painter);
}

void WaveformView::paintFocusFrame(QPainter& painter) const {
    if (!hasFocus())
        return;
    painter.save();
    QPen pen(palette().color(QPalette::Highlight));
    pen.setWidth(kFocusFrameWidth);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const int inset = kFocusFrameWidth / 2;
    painter.drawRect(rect().adjusted(inset, inset, -inset - 1, -inset - 1));
    painter.restore();
}

void WaveformView::focusInEvent(QFocusEvent* event) {
    QWidget::focusInEvent(event);
    update();
}

void WaveformView::focusOutEvent(QFocusEvent* event) {
    QWidget::focusOutEvent(event);
    update();
}

void WaveformView::paintMarkers(QPainter& painter, const QRect& area, int x0, int x1) const {
    if (markers_.empty())
        return;
    // Only the markers whose line or flag reaches into the dirty columns.
    const double first = startFrame_ + (x0 - area.left() - kFlagWidth) * framesPerPixel_;
    const double last = startFrame_ + (x1 - area.left() + 1) * framesPerPixel_;
    auto it = std::lower_bound(markers_.begin(), markers_.end(),
                               static_cast<std::int64_t>(std::floor(std::max(0.0, first))));
    for (; it != markers_.end() && static_cast<double>(*it) <= last; ++it) {
        const int x = xForFrame(static_cast<double>(*it));
        painter.fillRect(QRect(x, area.top(), kMarkerWidth, area.height()), kMarkerRed);
        const QPolygon flag({QPoint(x, area.top()),
                             QPoint(x + kFlagWidth, area.top() + kFlagHeight / 2),
                             QPoint(x, area.top() + kFlagHeight)});
        painter.setPen(Qt::NoPen);
        painter.setBrush(kMarkerRed);
        painter.drawPolygon(flag);
    }
}

void WaveformView::paintProgress(QPainter& painter, const QRect& area) const {
    const double fraction =
        std::clamp(static_cast<double>(summary_->frames()) / expectedFrames_, 0.0, 1.0);
    painter.fillRect(QRect(area.left(), area.top(), static_cast<int>(area.width() * fraction),
                           kProgressBarHeight),
                     palette().color(QPalette::Highlight));
    const QString text =
        tr("Building waveform… %1%").arg(static_cast<int>(std::floor(fraction * 100.0)));
    const QFontMetrics metrics(font());
    const QRect box(area.right() - metrics.horizontalAdvance(text) - 3 * kProgressMargin,
                    area.top() + kProgressBarHeight + kProgressMargin,
                    metrics.horizontalAdvance(text) + 2 * kProgressMargin,
                    metrics.height() + kProgressMargin);
    painter.fillRect(box, palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(box, Qt::AlignCenter, text);
}

void WaveformView::resizeEvent(QResizeEvent*) {
    const int scrollHeight = scrollBar_->sizeHint().height();
    scrollBar_->setGeometry(0, height() - scrollHeight, width(), scrollHeight);
    if (fitted_) {
        framesPerPixel_ = fitFramesPerPixel();
    } else if (live_ && liveDefaultZoom_ && sampleRate_ > 0) {
        // Live, not zoomed by hand: the same stretch of time stays in view (the view often
        // gets its real size only after the take has started).
        framesPerPixel_ =
            std::max(kMinFramesPerPixel, sampleRate_ * kLiveWindowSeconds / std::max(1, width()));
    }
    startFrame_ = clampStart(startFrame_, framesPerPixel_);
    afterViewChange();
}

void WaveformView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    const int degrees = delta.y() != 0 ? delta.y() : delta.x();
    if (degrees == 0) {
        return;
    }
    const double notches = static_cast<double>(degrees) / kWheelStepDegrees;
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAround(std::pow(kWheelZoomStep, -notches), static_cast<int>(event->position().x()));
    } else {
        const double visible = waveformRect().width() * framesPerPixel_;
        setView(startFrame_ - notches * visible * kWheelScrollFraction, framesPerPixel_);
    }
    event->accept();
}

void WaveformView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || event->position().y() >= waveformRect().bottom() ||
        !summary_) {
        return;
    }
    pressX_ = static_cast<int>(event->position().x());
    const auto grab = static_cast<std::int64_t>(std::ceil(kEdgeGrabPixels * framesPerPixel_));
    const bool extend = (event->modifiers() & Qt::ShiftModifier) != 0;
    if (selection_.press(frameAt(pressX_), extend, playhead_, grab)) {
        emitSelection();
    }
}

void WaveformView::mouseMoveEvent(QMouseEvent* event) {
    if (pressX_ < 0 || (event->buttons() & Qt::LeftButton) == 0) {
        return;
    }
    const int x = static_cast<int>(event->position().x());
    if (selection_.drag(frameAt(x), std::abs(x - pressX_) > kClickSlopPixels)) {
        emitSelection();
    }
}

void WaveformView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || pressX_ < 0) {
        return;
    }
    const int x = static_cast<int>(event->position().x());
    if (selection_.drag(frameAt(x), std::abs(x - pressX_) > kClickSlopPixels)) {
        emitSelection();
    }
    // A plain click moves the playhead and lets go of the selection.
    if (selection_.release() && summary_) {
        if (selection_.clear()) {
            emitSelection();
        }
        emit seekRequested(frameAt(x));
    }
    pressX_ = -1;
}

void WaveformView::setSelection(std::int64_t start, std::int64_t end) {
    const bool changed = start < 0 ? selection_.clear() : selection_.set(start, end);
    if (changed) {
        update();
    }
}

void WaveformView::selectAll() {
    if (summary_ && selection_.set(0, totalFrames())) {
        emitSelection();
    }
}

void WaveformView::clearSelection() {
    if (selection_.clear()) {
        emitSelection();
    }
}

void WaveformView::emitSelection() {
    update();
    emit selectionChanged(selection_.start(), selection_.end());
}

QColor WaveformView::selectionColor() const {
    QColor colour = palette().color(QPalette::Highlight);
    colour.setAlpha(kSelectionAlpha);
    return colour;
}

void WaveformView::paintSelection(QPainter& painter, const QRect& area) const {
    if (selection_.isEmpty()) {
        return;
    }
    const int left = std::max(area.left(), xForFrame(static_cast<double>(selection_.start())));
    const int right = std::min(area.right() + 1, xForFrame(static_cast<double>(selection_.end())));
    if (right <= left) {
        return;
    }
    painter.fillRect(QRect(left, area.top(), right - left, area.height()), selectionColor());
}

void WaveformView::keyPressEvent(QKeyEvent* event) {
    const double visible = waveformRect().width() * framesPerPixel_;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        zoomToFit();
        break;
    case Qt::Key_Left:
        setView(startFrame_ - visible * kKeyScrollFraction, framesPerPixel_);
        break;
    case Qt::Key_Right:
        setView(startFrame_ + visible * kKeyScrollFraction, framesPerPixel_);
        break;
    case Qt::Key_Home:
        setView(0.0, framesPerPixel_);
        break;
    case Qt::Key_End:
        setView(static_cast<double>(totalFrames()), framesPerPixel_);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void WaveformView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        update();
    }
    QWidget::changeEvent(event);
}

void WaveformView::updateAccessibleDescription() {
    if (!summary_ || sampleRate_ <= 0) {
        setAccessibleDescription(tr("No audio"));
        return;
    }
    const double seconds = static_cast<double>(totalFrames()) / sampleRate_;
    QString description = tr("%n channel(s), %1 long", nullptr, summary_->channels())
                              .arg(WaveformRuler::formatTime(seconds, 1.0));
    if (!markers_.empty())
        description += QLatin1Char(' ') +
                       tr("%n dropout(s) marked", nullptr, static_cast<int>(markers_.size()));
    setAccessibleDescription(description);
}

} // namespace tapedeck
