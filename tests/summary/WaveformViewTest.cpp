// WaveformView renders known signals correctly (checked pixel by pixel on grab()), at a
// coarse zoom from the summary and at sample-level zoom from raw samples; and
// WaveformDocument opens files, from a scan and then from the cache.

#include "ui/waveform/WaveformView.h"
#include "SignalFiles.h"
#include "core/summary/WaveformSummary.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/waveform/WaveformPainter.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tapedeck;

namespace {

constexpr int kRate = 48000;
const QColor kBase(255, 255, 255);
const QColor kHighlight(0, 0, 200);
const QColor kText(0, 0, 0);

QPalette testPalette() {
    QPalette palette;
    palette.setColor(QPalette::Base, kBase);
    palette.setColor(QPalette::Highlight, kHighlight);
    palette.setColor(QPalette::Text, kText);
    palette.setColor(QPalette::Mid, QColor(128, 128, 128));
    return palette;
}

// The row of a sample value in a lane (the same mapping the painter documents: +1 at the
// top row, -1 at the bottom row).
int rowFor(const QRect& lane, double value) {
    const double half = (lane.height() - 1) / 2.0;
    return static_cast<int>(std::lround(lane.top() + half - value * half));
}

bool isBackground(const QImage& image, int x, int y) {
    return image.pixelColor(x, y) == kBase;
}

bool isWave(const QImage& image, int x, int y) {
    const QColor c = image.pixelColor(x, y);
    return c != kBase && c.blue() > c.red() + 50; // the peak or the RMS shade
}

// Stereo: channel 0 a constant 0.5; channel 1 silence, then from the middle a 0.9 sine.
std::vector<float> coarseSignal(std::int64_t frames) {
    std::vector<float> s(frames * 2);
    for (std::int64_t f = 0; f < frames; ++f) {
        s[f * 2] = 0.5f;
        s[f * 2 + 1] = f < frames / 2 ? 0.0f : static_cast<float>(0.9 * std::sin(0.01 * f));
    }
    return s;
}

} // namespace

class WaveformViewTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void coarseZoomDrawsMinMaxPerLane();
    void sampleLevelZoomDrawsTheSamples();
    void zoomsFinerThanTheFinestBlockDrawSamplesNotBlocks();
    void aGrowingSummaryShowsProgressUntilComplete();
    void clickingRequestsASeek();
    void theDocumentOpensThenReopensFromTheCache();

private:
    QTemporaryDir dir_;
};

void WaveformViewTest::initTestCase() {
    QVERIFY(dir_.isValid());
    qputenv("XDG_CACHE_HOME", dir_.filePath("xdg").toUtf8());
}

void WaveformViewTest::coarseZoomDrawsMinMaxPerLane() {
    const std::int64_t frames = kRate * 120;
    const std::vector<float> s = coarseSignal(frames);
    auto summary = std::make_shared<WaveformSummary>(2);
    summary->appendInterleaved(s.data(), frames);
    summary->finish();

    WaveformView view;
    view.setPalette(testPalette());
    view.resize(400, 300);
    view.setSummary(summary, kRate, frames);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.framesPerPixel() > WaveformSummary::kBlockFrames[1]); // coarse levels in use
    const QImage image = view.grab().toImage();
    const QRect wave = view.waveformRect();
    const QRect lane0 = WaveformPainter::laneRect(wave, 2, 0);
    const QRect lane1 = WaveformPainter::laneRect(wave, 2, 1);
    const int left = wave.left() + wave.width() / 4;
    const int right = wave.left() + wave.width() * 3 / 4;
    for (int x : {left, right}) {
        QVERIFY2(isWave(image, x, rowFor(lane0, 0.5)), "DC 0.5 drawn at +0.5");
        QVERIFY2(isBackground(image, x, rowFor(lane0, 0.25)), "nothing below a DC line");
        QVERIFY2(isBackground(image, x, rowFor(lane0, 0.75)), "nothing above a DC line");
    }
    QVERIFY2(isBackground(image, left, rowFor(lane1, 0.5)), "silence draws nothing");
    QVERIFY2(isBackground(image, left, rowFor(lane1, -0.5)), "silence draws nothing");
    QVERIFY2(isWave(image, right, rowFor(lane1, 0.85)), "sine reaches +0.85");
    QVERIFY2(isWave(image, right, rowFor(lane1, -0.85)), "sine reaches -0.85");
    QVERIFY2(isWave(image, right, rowFor(lane1, 0.3)), "inside the sine's range");
    QVERIFY2(isBackground(image, right, rowFor(lane1, 0.97)), "nothing beyond the peak");
    // RMS (0.9/√2 ≈ 0.64) is shaded differently from the peaks.
    QVERIFY(image.pixelColor(right, rowFor(lane1, 0.3)) !=
            image.pixelColor(right, rowFor(lane1, 0.85)));
}

void WaveformViewTest::sampleLevelZoomDrawsTheSamples() {
    // Mono square wave: 10 frames at +0.5, 10 at -0.5.
    const std::int64_t frames = kRate;
    std::vector<float> s(frames);
    for (std::int64_t f = 0; f < frames; ++f) {
        s[f] = (f / 10) % 2 == 0 ? 0.5f : -0.5f;
    }
    const QString path = dir_.filePath("square.wav");
    QVERIFY(testsignals::writeFile(path.toStdString(), s, 1, kRate));
    auto summary = std::make_shared<WaveformSummary>(1);
    summary->appendInterleaved(s.data(), frames);
    summary->finish();

    WaveformView view;
    view.setPalette(testPalette());
    view.resize(400, 200);
    view.setSummary(summary, kRate, frames, path);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    constexpr double kFramesPerPixel = 1.0 / 8.0;
    constexpr std::int64_t kStart = 1000;
    view.setView(static_cast<double>(kStart), kFramesPerPixel);
    QTRY_VERIFY(view.showsSamples());
    const QImage image = view.grab().toImage();
    const QRect lane = WaveformPainter::laneRect(view.waveformRect(), 1, 0);
    int checked = 0;
    for (std::int64_t f = kStart; f < kStart + 40; ++f) {
        if (f % 10 < 3 || f % 10 > 6) {
            continue; // away from the transitions, where the line crosses the lane
        }
        const int x = view.waveformRect().left() + static_cast<int>((f - kStart) * 8);
        const double v = s[f];
        QVERIFY2(isWave(image, x, rowFor(lane, v)),
                 qPrintable(QString("frame %1 drawn at %2").arg(f).arg(v)));
        QVERIFY2(isBackground(image, x, rowFor(lane, -v)),
                 qPrintable(QString("frame %1 not drawn at %2").arg(f).arg(-v)));
        ++checked;
    }
    QVERIFY(checked >= 12);
}

void WaveformViewTest::zoomsFinerThanTheFinestBlockDrawSamplesNotBlocks() {
    // Silence with one +0.8 sample inside the third finest block. Below one block per pixel
    // the view reads samples: the pixel holding the sample reaches +0.8 and the next pixel,
    // which lies wholly inside the same block (and would show it, drawn from the summary),
    // stays empty.
    constexpr std::int64_t kBlock = WaveformSummary::kBlockFrames[0];
    constexpr double kFramesPerPixel = 0.6 * kBlock;
    constexpr std::int64_t kPulse = 2 * kBlock + 10;
    const std::int64_t frames = kRate * 10;
    std::vector<float> s(frames, 0.0f);
    s[kPulse] = 0.8f;
    const QString path = dir_.filePath("pulse.wav");
    QVERIFY(testsignals::writeFile(path.toStdString(), s, 1, kRate));
    auto summary = std::make_shared<WaveformSummary>(1);
    summary->appendInterleaved(s.data(), frames);
    summary->finish();

    WaveformView view;
    view.setPalette(testPalette());
    view.resize(400, 200);
    view.setSummary(summary, kRate, frames, path);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setView(0.0, static_cast<double>(kBlock));
    QVERIFY(!view.showsSamples()); // one block per pixel: the summary
    view.setView(0.0, kBlock - 1.0);
    QTRY_VERIFY(view.showsSamples());
    view.setView(0.0, kFramesPerPixel);
    QTRY_VERIFY(view.showsSamples());
    const QImage image = view.grab().toImage();
    const QRect lane = WaveformPainter::laneRect(view.waveformRect(), 1, 0);
    const int pulseX = view.waveformRect().left() + static_cast<int>(kPulse / kFramesPerPixel);
    const int emptyX = pulseX + 1;
    const double emptyFrom = (emptyX - view.waveformRect().left()) * kFramesPerPixel;
    QVERIFY(emptyFrom > kPulse && std::floor(emptyFrom / kBlock) == kPulse / kBlock &&
            emptyFrom + kFramesPerPixel <= static_cast<double>((kPulse / kBlock + 1) * kBlock));
    std::vector<PixelSummary> fromSummary(1);
    summary->query(0, emptyFrom, kFramesPerPixel, fromSummary);
    QVERIFY(fromSummary[0].valid && fromSummary[0].max >= 0.8f); // what blocks would draw
    QVERIFY2(isWave(image, pulseX, rowFor(lane, 0.4)), "the pulse's pixel reaches up");
    QVERIFY2(isBackground(image, emptyX, rowFor(lane, 0.4)), "its neighbour stays empty");
}

void WaveformViewTest::aGrowingSummaryShowsProgressUntilComplete() {
    const std::int64_t frames = kRate * 10;
    const std::vector<float> s = testsignals::sine(frames, 2);
    auto summary = std::make_shared<WaveformSummary>(2);
    summary->appendInterleaved(s.data(), frames / 2);

    WaveformView view;
    view.setPalette(testPalette());
    view.resize(400, 200);
    view.setSummary(summary, kRate, frames);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect wave = view.waveformRect();
    const QRect lane = WaveformPainter::laneRect(wave, 2, 0);
    const int builtX = wave.left() + wave.width() / 4;
    const int pendingX = wave.left() + wave.width() * 3 / 4;
    QImage image = view.grab().toImage();
    QCOMPARE(image.pixelColor(wave.left() + 1, wave.top()), kHighlight); // progress bar
    // Below the zero line: clear of the progress text in the top right corner.
    QVERIFY(isWave(image, builtX, rowFor(lane, -0.5)));
    QVERIFY(isBackground(image, pendingX, rowFor(lane, -0.5)));

    summary->appendInterleaved(s.data() + frames, frames / 2);
    summary->finish();
    QTRY_VERIFY(isWave(view.grab().toImage(), pendingX, rowFor(lane, -0.5)));
    image = view.grab().toImage();
    // Inside the focus frame (the view is the window's only widget, so it has the focus).
    QVERIFY(image.pixelColor(wave.right() - 4, wave.top()) != kHighlight);
}

void WaveformViewTest::clickingRequestsASeek() {
    const std::int64_t frames = kRate * 4;
    const std::vector<float> s = testsignals::sine(frames, 1);
    auto summary = std::make_shared<WaveformSummary>(1);
    summary->appendInterleaved(s.data(), frames);
    summary->finish();
    WaveformView view;
    view.resize(400, 200);
    view.setSummary(summary, kRate, frames);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &WaveformView::seekRequested);
    const QPoint at(view.waveformRect().left() + 100, view.waveformRect().center().y());
    QTest::mouseClick(&view, Qt::LeftButton, {}, at);
    QCOMPARE(spy.count(), 1);
    const auto frame = spy.at(0).at(0).value<std::int64_t>();
    QCOMPARE(frame, view.frameAt(at.x()));
    QVERIFY(std::abs(frame - static_cast<std::int64_t>(100 * view.framesPerPixel())) <= 1);
    view.setPlayhead(frame);
    const QImage image = view.grab().toImage();
    QCOMPARE(image.pixelColor(at.x(), view.waveformRect().top() + 2),
             view.palette().color(QPalette::Text));
}

void WaveformViewTest::theDocumentOpensThenReopensFromTheCache() {
    const std::int64_t frames = kRate * 5 + 3;
    const QString path = dir_.filePath("doc.wav");
    QVERIFY(testsignals::writeFile(path.toStdString(), testsignals::dc(frames, 2), 2, kRate));
    {
        WaveformDocument doc;
        QSignalSpy opened(&doc, &WaveformDocument::opened);
        QSignalSpy finished(&doc, &WaveformDocument::finished);
        doc.open(path);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(doc.format().frames, frames);
        QCOMPARE(doc.summary()->frames(), frames);
        QCOMPARE(doc.statistics().channels.at(0).peak, double(testsignals::dcLevel(0)));
    }
    WaveformDocument doc;
    QSignalSpy finished(&doc, &WaveformDocument::finished);
    doc.open(path);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(doc.cameFromCache());
    QCOMPARE(doc.summary()->frames(), frames);

    QSignalSpy failed(&doc, &WaveformDocument::failed);
    doc.open(dir_.filePath("missing.wav"));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(!doc.isOpen());
}

QTEST_MAIN(WaveformViewTest)
#include "WaveformViewTest.moc"
