#include "ui/waveform/WaveformView.h"

#include "ui/waveform/SampleWindowLoader.h"
#include "ui/waveform/WaveformPainter.h"
#include "ui/waveform/WaveformRuler.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

constexpr double kMaxScrollUnits = 1 << 30;
constexpr int kPlayheadWidth = 2;
constexpr int kSelectionAlpha = 70;
constexpr int kMinWidth = 120;
constexpr int kMinHeight = 80;
constexpr QSize kPreferredSize(800, 240);

} // namespace

WaveformView::WaveformView(QWidget* parent) : QWidget(parent), interaction_(*this) {
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
    connect(&interaction_, &WaveformInteraction::rangeChanged, this,
            &WaveformView::afterViewChange);
    connect(&interaction_, &WaveformInteraction::selectionEdited, this,
            &WaveformView::emitSelection);
    connect(&interaction_, &WaveformInteraction::seekRequested, this, &WaveformView::seekRequested);
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
    interaction_.setSampleRate(sampleRate);
    interaction_.setSelection(-1, -1); // a new file or take starts with nothing selected
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
    if (interaction_.isLive() && sampleRate > 0) {
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
    interaction_.setLiveMode(follow, seenFrames_);
}

QColor WaveformView::markerColor() {
    return WaveformPainter::markerColor();
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
    const int x = interaction_.xForFrame(static_cast<double>(frame));
    return QRect(x - 1, wave.top(), WaveformPainter::kFlagWidth + 2, wave.height());
}

void WaveformView::setPlayhead(std::int64_t frame) {
    if (frame == playhead_) {
        return;
    }
    const QRect wave = waveformRect();
    const int oldX = interaction_.xForFrame(static_cast<double>(playhead_));
    playhead_ = frame;
    const int newX = interaction_.xForFrame(static_cast<double>(playhead_));
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
    return interaction_.frameAt(x);
}

void WaveformView::setView(double startFrame, double framesPerPixel) {
    interaction_.setView(startFrame, framesPerPixel);
}

void WaveformView::zoomIn() {
    interaction_.zoomIn();
}

void WaveformView::zoomOut() {
    interaction_.zoomOut();
}

void WaveformView::zoomToFit() {
    interaction_.zoomToFit();
}

void WaveformView::afterViewChange() {
    syncScrollBar();
    requestSamplesIfNeeded();
    update();
    emit viewChanged(startFrame(), framesPerPixel());
}

void WaveformView::syncScrollBar() {
    const double total = static_cast<double>(totalFrames());
    const double visible = waveformRect().width() * framesPerPixel();
    scrollUnitFrames_ = std::max(framesPerPixel(), total / kMaxScrollUnits);
    const int maximum =
        static_cast<int>(std::ceil(std::max(0.0, total - visible) / scrollUnitFrames_));
    const int page = std::max(1, static_cast<int>(visible / scrollUnitFrames_));
    syncingScrollBar_ = true;
    scrollBar_->setRange(0, maximum);
    scrollBar_->setPageStep(page);
    scrollBar_->setSingleStep(std::max(1, page / 10));
    scrollBar_->setValue(static_cast<int>(std::lround(startFrame() / scrollUnitFrames_)));
    syncingScrollBar_ = false;
}

void WaveformView::onScrollBar(int value) {
    if (syncingScrollBar_) {
        return;
    }
    interaction_.scrollTo(value * scrollUnitFrames_);
    requestSamplesIfNeeded();
    update();
    emit viewChanged(startFrame(), framesPerPixel());
}

void WaveformView::poll() {
    if (!summary_) {
        return;
    }
    const std::int64_t frames = summary_->frames();
    const bool complete = summary_->isComplete();
    if (complete && !interaction_.isLive()) {
        pollTimer_.stop(); // nothing more will arrive: an idle window wakes for nothing
    }
    if (frames == seenFrames_ && complete == seenComplete_) {
        return;
    }
    const std::int64_t before = seenFrames_;
    seenFrames_ = frames;
    seenComplete_ = complete;
    if (interaction_.followGrowth(frames, expectedFrames_ != 0)) {
        return;
    }
    const QRect wave = waveformRect();
    syncScrollBar();
    if (complete) {
        update(); // the last partial blocks, and the progress indicator goes away
        return;
    }
    // Only the columns that gained data (one more to the left: a block counts where it starts).
    const int x0 = std::max(wave.left(), interaction_.xForFrame(static_cast<double>(before)) - 1);
    const int x1 =
        std::min(wave.right() + 1, interaction_.xForFrame(static_cast<double>(frames)) + 2);
    if (x1 > x0) {
        update(QRect(x0, wave.top(), x1 - x0, wave.height()));
    }
    if (isBuilding()) {
        update(WaveformPainter::progressBarRect(wave));
        update(WaveformPainter::progressTextRect(wave, QFontMetrics(font()),
                                                 tr("Building waveform… 100%")));
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
        std::min(total, startFrame() + waveformRect().width() * framesPerPixel());
    const double windowEnd = static_cast<double>(window.startFrame + window.frames);
    return window.startFrame <= std::max(0.0, std::floor(startFrame())) &&
           (windowEnd >= std::ceil(visibleEnd) || windowEnd >= total);
}

bool WaveformView::showsSamples() const {
    return samples_ && framesPerPixel() < WaveformSummary::kBlockFrames[0] &&
           samples_->frames > 0 && windowCovers(*samples_);
}

void WaveformView::requestSamplesIfNeeded() {
    if (!summary_ || samplePath_.isEmpty() || interaction_.isLive() ||
        framesPerPixel() >= WaveformSummary::kBlockFrames[0]) {
        loader_->cancel();
        requestedStart_ = -1;
        return;
    }
    if (showsSamples()) {
        return;
    }
    const double visible = waveformRect().width() * framesPerPixel();
    const double visibleEnd = startFrame() + visible;
    if (loader_->isBusy() && requestedStart_ <= startFrame() &&
        static_cast<double>(requestedStart_ + requestedFrames_) >= visibleEnd) {
        return; // the read in progress will cover this view
    }
    // Half a screen either side, so small scrolls need no new read.
    const double margin = visible / 2.0;
    requestedStart_ = std::max<std::int64_t>(0, static_cast<std::int64_t>(startFrame() - margin));
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
        WaveformRuler::paint(painter, ruler, startFrame(), framesPerPixel(),
                             interaction_.sampleRate(), palette());
    }
    const QRect wave = waveformRect();
    const int x0 = std::max(dirty.left(), wave.left());
    const int x1 = std::min(dirty.right() + 1, wave.right() + 1);
    const WaveformColors colors = WaveformColors::fromPalette(palette());
    const auto paintFocusFrame = [&] {
        if (hasFocus()) {
            WaveformPainter::paintFocusFrame(painter, rect(), palette().color(QPalette::Highlight));
        }
    };
    if (!summary_) {
        painter.fillRect(wave, colors.background);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(wave, Qt::AlignCenter, tr("No audio"));
        paintFocusFrame();
        return;
    }
    WaveformPainter::paintBackground(painter, wave, x0, x1, summary_->channels(), colors);
    if (showsSamples()) {
        WaveformPainter::paintSamples(painter, wave, x0, x1, *samples_, startFrame(),
                                      framesPerPixel(), colors);
    } else {
        WaveformPainter::paintSummary(painter, wave, x0, x1, *summary_, startFrame(),
                                      framesPerPixel(), colors);
    }
    if (!selection().isEmpty()) {
        WaveformPainter::paintSpan(
            painter, wave, interaction_.xForFrame(static_cast<double>(selection().start())),
            interaction_.xForFrame(static_cast<double>(selection().end())), selectionColor());
    }
    WaveformPainter::paintMarkers(painter, wave, x0, x1, markers_, startFrame(), framesPerPixel());
    if (playhead_ >= 0) {
        const int x = interaction_.xForFrame(static_cast<double>(playhead_));
        if (x + kPlayheadWidth > x0 && x < x1) {
            painter.fillRect(QRect(x, wave.top(), kPlayheadWidth, wave.height()),
                             palette().color(QPalette::Text));
        }
    }
    if (isBuilding()) {
        const double fraction =
            std::clamp(static_cast<double>(summary_->frames()) / expectedFrames_, 0.0, 1.0);
        const QString text =
            tr("Building waveform… %1%").arg(static_cast<int>(std::floor(fraction * 100.0)));
        WaveformPainter::paintProgress(painter, wave, fraction, text, QFontMetrics(font()),
                                       palette());
    }
    paintFocusFrame();
}

void WaveformView::focusInEvent(QFocusEvent* event) {
    QWidget::focusInEvent(event);
    update();
}

void WaveformView::focusOutEvent(QFocusEvent* event) {
    QWidget::focusOutEvent(event);
    update();
}

void WaveformView::resizeEvent(QResizeEvent*) {
    const int scrollHeight = scrollBar_->sizeHint().height();
    scrollBar_->setGeometry(0, height() - scrollHeight, width(), scrollHeight);
    interaction_.resized();
}

void WaveformView::wheelEvent(QWheelEvent* event) {
    if (interaction_.wheel(*event)) {
        event->accept();
    }
}

void WaveformView::mousePressEvent(QMouseEvent* event) {
    interaction_.mousePress(*event);
}

void WaveformView::mouseMoveEvent(QMouseEvent* event) {
    interaction_.mouseMove(*event);
}

void WaveformView::mouseReleaseEvent(QMouseEvent* event) {
    interaction_.mouseRelease(*event);
}

void WaveformView::setSelection(std::int64_t start, std::int64_t end) {
    if (interaction_.setSelection(start, end)) {
        update();
    }
}

void WaveformView::selectAll() {
    interaction_.selectAll();
}

void WaveformView::clearSelection() {
    interaction_.clearSelection();
}

void WaveformView::emitSelection() {
    update();
    emit selectionChanged(selection().start(), selection().end());
}

QColor WaveformView::selectionColor() const {
    QColor colour = palette().color(QPalette::Highlight);
    colour.setAlpha(kSelectionAlpha);
    return colour;
}

void WaveformView::keyPressEvent(QKeyEvent* event) {
    if (interaction_.keyPress(*event)) {
        event->accept();
    } else {
        QWidget::keyPressEvent(event);
    }
}

void WaveformView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        update();
    }
    QWidget::changeEvent(event);
}

void WaveformView::updateAccessibleDescription() {
    if (!summary_ || interaction_.sampleRate() <= 0) {
        setAccessibleDescription(tr("No audio"));
        return;
    }
    const double seconds = static_cast<double>(totalFrames()) / interaction_.sampleRate();
    QString description = tr("%n channel(s), %1 long", nullptr, summary_->channels())
                              .arg(WaveformRuler::formatTime(seconds, 1.0));
    if (!markers_.empty())
        description += QLatin1Char(' ') +
                       tr("%n dropout(s) marked", nullptr, static_cast<int>(markers_.size()));
    setAccessibleDescription(description);
}

} // namespace tapedeck
