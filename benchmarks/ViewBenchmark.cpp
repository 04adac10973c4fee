#include "ViewBenchmark.h"

#include "BenchmarkFile.h"
#include "core/summary/SummaryCache.h"
#include "core/summary/WaveformSummary.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformView.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace tapedeck::bench {

namespace {

constexpr int kViewWidth = 1920;
constexpr int kViewHeight = 400;
constexpr int kRepaints = 30;
constexpr int kTimeoutMs = 60000;

// Runs the event loop until `done` returns true, sleeping between events (timers in the view
// and the document wake it at least every 50 ms) so it leaves the cores to the scan.
template <typename Done> bool spinUntil(Done done) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > kTimeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

double renderMillis(WaveformView& view, QImage& image) {
    QElapsedTimer timer;
    timer.start();
    view.render(&image);
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

bool runViewBenchmark(const std::string& path, double yardstickMs) {
    const QString file = QString::fromStdString(path);
    // Start from a cold summary cache (the page cache stays warm: see the raw read above).
    if (Result<SummaryCacheKey> key = SummaryCache::keyFor(path)) {
        std::remove(SummaryCache().cachePathFor(*key).c_str());
    }
    WaveformView view;
    view.resize(kViewWidth, kViewHeight);
    view.show();
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);

    WaveformDocument doc;
    bool failed = false;
    QObject::connect(&doc, &WaveformDocument::failed, [&](const QString& message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        failed = true;
    });
    QObject::connect(&doc, &WaveformDocument::opened, [&] {
        view.setSummary(doc.summary(), doc.format().sampleRate, doc.format().frames, file);
    });
    QElapsedTimer clock;
    clock.start();
    doc.open(file);
    if (!spinUntil([&] { return failed || doc.isOpen(); }) || failed) {
        return false;
    }
    const double openedMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    spinUntil([&] { return doc.summary()->frames() > 0; });
    view.render(&image);
    const double firstMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    spinUntil([&] { return failed || doc.isComplete(); });
    view.render(&image);
    const double completeMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    std::printf("Open (format known, view live): %7.1f ms\n", openedMs);
    std::printf("First pixels:                   %7.1f ms\n", firstMs);
    std::printf("Complete overview drawn:        %7.1f ms  (%.2f x the yardstick)\n", completeMs,
                completeMs / yardstickMs);
    std::printf("RSS with the file open:         %7.1f MB\n", residentMegabytes());

    struct Zoom {
        const char* name;
        double framesPerPixel; // 0: fit
    };
    const std::vector<Zoom> zooms = {
        {"fit (whole hour)", 0.0},     {"65536 frames/px", 65536.0},
        {"4096 frames/px", 4096.0},    {"1000 frames/px", 1000.0},
        {"256 frames/px", 256.0},      {"16 frames/px (samples)", 16.0},
        {"1 frame/px (samples)", 1.0}, {"1/8 frame/px (samples)", 0.125}};
    std::printf("Repaint at %d x %d px (median / worst of %d):\n", kViewWidth, kViewHeight,
                kRepaints);
    const double middle = static_cast<double>(doc.format().frames) / 2.0;
    for (const Zoom& zoom : zooms) {
        if (zoom.framesPerPixel == 0.0) {
            view.zoomToFit();
        } else {
            view.setView(middle, zoom.framesPerPixel);
        }
        if (zoom.framesPerPixel > 0.0 &&
            zoom.framesPerPixel < static_cast<double>(WaveformSummary::kBlockFrames[0])) {
            spinUntil([&] { return view.showsSamples(); });
        }
        std::vector<double> times;
        for (int i = 0; i < kRepaints; ++i) {
            times.push_back(renderMillis(view, image));
        }
        std::sort(times.begin(), times.end());
        std::printf("  %-24s %6.2f ms / %6.2f ms\n", zoom.name, times[times.size() / 2],
                    times.back());
    }

    WaveformDocument again;
    clock.restart();
    again.open(file);
    spinUntil([&] { return again.isComplete() || !again.path().size(); });
    std::printf("Reopen from cache (complete):   %7.1f ms  (%s)\n",
                static_cast<double>(clock.nsecsElapsed()) / 1e6,
                again.cameFromCache() ? "cache hit" : "cache MISS");
    return true;
}

} // namespace tapedeck::bench
