#include "ui/waveform/WaveformInteraction.h"

#include "ui/waveform/WaveformView.h"

#include <QKeyEvent>
#include <QMouseEvent>
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
constexpr int kClickSlopPixels = 4;
constexpr int kEdgeGrabPixels = 5; // a press this close to a selection edge drags the edge
constexpr double kMinFramesPerPixel = WaveformView::kMinFramesPerPixel;

} // namespace

WaveformInteraction::WaveformInteraction(const WaveformView& view) : view_(view) {}

void WaveformInteraction::setLiveMode(bool follow, std::int64_t newestFrame) {
    live_ = follow;
    liveDefaultZoom_ = follow;
    if (live_) {
        fitted_ = false;
        const double width = std::max(1, view_.waveformRect().width());
        const double span = sampleRate_ > 0 ? sampleRate_ * kLiveWindowSeconds : width;
        framesPerPixel_ = std::max(kMinFramesPerPixel, span / width);
        const double visible = width * framesPerPixel_;
        startFrame_ =
            std::max(0.0, static_cast<double>(newestFrame) - visible * kFollowKeepFraction);
        emit rangeChanged();
    }
}

std::int64_t WaveformInteraction::frameAt(int x) const {
    const double frame = startFrame_ + (x - view_.waveformRect().left()) * framesPerPixel_;
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor(frame)), 0,
                                    view_.totalFrames());
}

int WaveformInteraction::xForFrame(double frame) const {
    return view_.waveformRect().left() +
           static_cast<int>(std::floor((frame - startFrame_) / framesPerPixel_));
}

double WaveformInteraction::visibleFrames() const {
    return view_.waveformRect().width() * framesPerPixel_;
}

double WaveformInteraction::fitFramesPerPixel() const {
    const double frames = static_cast<double>(view_.totalFrames());
    const double width = std::max(1, view_.waveformRect().width());
    return frames > 0.0 ? std::max(kMinFramesPerPixel, frames / width) : 1.0;
}

double WaveformInteraction::clampStart(double start, double framesPerPixel) const {
    const double visible = view_.waveformRect().width() * framesPerPixel;
    const double maxStart = std::max(0.0, static_cast<double>(view_.totalFrames()) - visible);
    return std::clamp(start, 0.0, maxStart);
}

void WaveformInteraction::setView(double startFrame, double framesPerPixel) {
    double maxFramesPerPixel = fitFramesPerPixel();
    if (live_ && sampleRate_ > 0) {
        maxFramesPerPixel =
            std::max(maxFramesPerPixel,
                     sampleRate_ * kLiveWindowSeconds / std::max(1, view_.waveformRect().width()));
    }
    framesPerPixel_ = std::clamp(framesPerPixel, kMinFramesPerPixel, maxFramesPerPixel);
    fitted_ = !live_ && framesPerPixel_ >= fitFramesPerPixel();
    startFrame_ = clampStart(startFrame, framesPerPixel_);
    emit rangeChanged();
}

void WaveformInteraction::zoomIn() {
    zoomAround(1.0 / kZoomStep, view_.waveformRect().center().x());
}

void WaveformInteraction::zoomOut() {
    zoomAround(kZoomStep, view_.waveformRect().center().x());
}

void WaveformInteraction::zoomToFit() {
    setView(0.0, fitFramesPerPixel());
}

void WaveformInteraction::zoomAround(double factor, int x) {
    liveDefaultZoom_ = false;
    const int offset = x - view_.waveformRect().left();
    const double anchor = startFrame_ + offset * framesPerPixel_;
    const double next = framesPerPixel_ * factor;
    setView(anchor - offset * next, next);
}

void WaveformInteraction::scrollTo(double startFrame) {
    startFrame_ = clampStart(startFrame, framesPerPixel_);
}

bool WaveformInteraction::followGrowth(std::int64_t frames, bool lengthKnown) {
    const double visible = visibleFrames();
    if (live_ && static_cast<double>(frames) > startFrame_ + visible) {
        // Jump so the newest frame sits at three quarters: a full redraw only now and then.
        startFrame_ = std::max(0.0, frames - visible * kFollowKeepFraction);
        emit rangeChanged();
        return true;
    }
    if (fitted_ && !lengthKnown) {
        framesPerPixel_ = fitFramesPerPixel();
        emit rangeChanged();
        return true;
    }
    return false;
}

void WaveformInteraction::resized() {
    if (fitted_) {
        framesPerPixel_ = fitFramesPerPixel();
    } else if (live_ && liveDefaultZoom_ && sampleRate_ > 0) {
        // Live, not zoomed by hand: the same stretch of time stays in view (the view often
        // gets its real size only after the take has started).
        framesPerPixel_ = std::max(kMinFramesPerPixel,
                                   sampleRate_ * kLiveWindowSeconds / std::max(1, view_.width()));
    }
    startFrame_ = clampStart(startFrame_, framesPerPixel_);
    emit rangeChanged();
}

bool WaveformInteraction::setSelection(std::int64_t start, std::int64_t end) {
    return start < 0 ? selection_.clear() : selection_.set(start, end);
}

void WaveformInteraction::selectAll() {
    if (view_.summary() && selection_.set(0, view_.totalFrames())) {
        emit selectionEdited();
    }
}

void WaveformInteraction::clearSelection() {
    if (selection_.clear()) {
        emit selectionEdited();
    }
}

void WaveformInteraction::mousePress(const QMouseEvent& event) {
    if (event.button() != Qt::LeftButton || event.position().y() >= view_.waveformRect().bottom() ||
        !view_.summary()) {
        return;
    }
    pressX_ = static_cast<int>(event.position().x());
    const auto grab = static_cast<std::int64_t>(std::ceil(kEdgeGrabPixels * framesPerPixel_));
    const bool extend = (event.modifiers() & Qt::ShiftModifier) != 0;
    if (selection_.press(frameAt(pressX_), extend, view_.playhead(), grab)) {
        emit selectionEdited();
    }
}

void WaveformInteraction::mouseMove(const QMouseEvent& event) {
    if (pressX_ < 0 || (event.buttons() & Qt::LeftButton) == 0) {
        return;
    }
    const int x = static_cast<int>(event.position().x());
    if (selection_.drag(frameAt(x), std::abs(x - pressX_) > kClickSlopPixels)) {
        emit selectionEdited();
    }
}

void WaveformInteraction::mouseRelease(const QMouseEvent& event) {
    if (event.button() != Qt::LeftButton || pressX_ < 0) {
        return;
    }
    const int x = static_cast<int>(event.position().x());
    if (selection_.drag(frameAt(x), std::abs(x - pressX_) > kClickSlopPixels)) {
        emit selectionEdited();
    }
    // A plain click moves the playhead and lets go of the selection.
    if (selection_.release() && view_.summary()) {
        if (selection_.clear()) {
            emit selectionEdited();
        }
        emit seekRequested(frameAt(x));
    }
    pressX_ = -1;
}

bool WaveformInteraction::wheel(const QWheelEvent& event) {
    const QPoint delta = event.angleDelta();
    const int degrees = delta.y() != 0 ? delta.y() : delta.x();
    if (degrees == 0) {
        return false;
    }
    const double notches = static_cast<double>(degrees) / kWheelStepDegrees;
    if (event.modifiers() & Qt::ControlModifier) {
        zoomAround(std::pow(kWheelZoomStep, -notches), static_cast<int>(event.position().x()));
    } else {
        setView(startFrame_ - notches * visibleFrames() * kWheelScrollFraction, framesPerPixel_);
    }
    return true;
}

bool WaveformInteraction::keyPress(const QKeyEvent& event) {
    const double visible = visibleFrames();
    switch (event.key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return true;
    case Qt::Key_Minus:
        zoomOut();
        return true;
    case Qt::Key_0:
        zoomToFit();
        return true;
    case Qt::Key_Left:
        setView(startFrame_ - visible * kKeyScrollFraction, framesPerPixel_);
        return true;
    case Qt::Key_Right:
        setView(startFrame_ + visible * kKeyScrollFraction, framesPerPixel_);
        return true;
    case Qt::Key_Home:
        setView(0.0, framesPerPixel_);
        return true;
    case Qt::Key_End:
        setView(static_cast<double>(view_.totalFrames()), framesPerPixel_);
        return true;
    default:
        return false;
    }
}

} // namespace tapedeck
