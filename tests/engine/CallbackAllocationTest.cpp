#include "core/devices/AudioSystem.h"
#include "core/engine/RealtimeScope.h"
#include "core/playback/Player.h"
#include "core/recording/Recorder.h"
#include "support/NamedSource.h"

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <cstdlib>
#include <new>
#include <thread>

// Every allocation in this test program goes through these, so an allocation made while our
// audio callback runs is counted, whichever library makes it.
namespace {
std::atomic<long> callbackAllocations{0};

void* countedAllocate(std::size_t size) {
    if (tapedeck::realtime::isInCallback()) {
        callbackAllocations.fetch_add(1, std::memory_order_relaxed);
    }
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}
} // namespace

void* operator new(std::size_t size) {
    return countedAllocate(size);
}
void* operator new[](std::size_t size) {
    return countedAllocate(size);
}
// The nothrow forms too (std::stable_sort's buffer uses them): their memory is freed by the
// operator delete below, so it must come from the same malloc.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return countedAllocate(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return countedAllocate(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}

using namespace tapedeck;

// Runs real streams against the test sound server and proves the callbacks never allocate.
// Also prints what a callback costs at 48 kHz stereo, 256 frames.
class CallbackAllocationTest : public QObject {
    Q_OBJECT

    std::unique_ptr<AudioSystem> system_;
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        auto system = AudioSystem::start();
        QVERIFY2(system.ok(), system.ok() ? "" : system.error().message.c_str());
        system_ = std::move(*system);
        QVERIFY(!system_->devices().empty());
    }

    void recordingCallbacksNeverAllocate() {
        RecordSettings settings;
        settings.path = dir_.filePath("take.wav").toStdString();
        settings.sampleRate = 48000;
        settings.channels = 2;
        settings.framesPerBuffer = 256;
        recordWithoutAllocating(settings, "record 48 kHz stereo, 256 frames");
    }

    // The callback copies input 2 of the stereo monitor into a mono take.
    void recordingAChosenInputNeverAllocates() {
        RecordSettings settings;
        settings.path = dir_.filePath("input2.wav").toStdString();
        settings.deviceName = "testsink.monitor";
        settings.sampleRate = 48000;
        settings.channels = 1;
        settings.firstInputChannel = 2;
        settings.framesPerBuffer = 256;
        recordWithoutAllocating(settings, "record input 2 of 2, 256 frames");
    }

    // Two streams, each with its own callback, anchor and ring (a call): neither allocates.
    void recordingTwoInputsNeverAllocates() {
        testing::NamedSource mic(QStringLiteral("allocmic"), QStringLiteral("Allocation Mic"), 1);
        QVERIFY2(mic.plug(), qPrintable(mic.errorString()));
        system_->refreshServerDevices(); // the new source
        RecordSettings settings;
        settings.path = dir_.filePath("call.wav").toStdString();
        settings.deviceName = "testsink.monitor";
        settings.secondDeviceName = "allocmic";
        settings.sampleRate = 48000;
        settings.framesPerBuffer = 256;
        recordWithoutAllocating(settings, "record two inputs, 256 frames");
    }

private:
    void recordWithoutAllocating(const RecordSettings& settings, const char* what) {
        callbackAllocations = 0;
        auto recorder = Recorder::start(*system_, settings);
        QVERIFY2(recorder.ok(), recorder.ok() ? "" : recorder.error().message.c_str());
        QCOMPARE((*recorder)->channels(), settings.channels);
        EngineEvent event;
        for (int i = 0; i < 50; ++i) { // one second
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            QVERIFY(!(*recorder)->poll().has_value());
            while ((*recorder)->nextEvent(event)) {
            }
        }
        QVERIFY((*recorder)->stop().ok());
        const StreamStats stats = (*recorder)->stats();
        QVERIFY(stats.callbacks > 50);
        QCOMPARE(callbackAllocations.load(), 0L);
        if (settings.secondDeviceName.empty()) {
            QCOMPARE(stats.framesWritten, stats.framesProcessed); // every captured frame on disk
        } else {
            // Every frame of the first input, and the second's last ones after it.
            QVERIFY(stats.framesWritten >= stats.framesProcessed);
        }
        qInfo("%s: %lld callbacks, median %.1f us, worst %.1f us (period %.0f us)", what,
              static_cast<long long>(stats.callbacks), stats.callbackMedianMicros,
              stats.callbackWorstMicros, 256.0 / 48000 * 1e6);
    }

private slots:
    void playbackCallbacksNeverAllocateEvenWhenSeekingAndPausing() {
        PlaySettings settings;
        settings.path = dir_.filePath("take.wav").toStdString();
        settings.framesPerBuffer = 256;
        callbackAllocations = 0;
        auto player = Player::open(*system_, settings);
        QVERIFY2(player.ok(), player.ok() ? "" : player.error().message.c_str());
        Player& p = **player;
        p.play();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        p.seek(1000);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        p.pause();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        p.play();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QVERIFY(!p.poll().has_value());
        QVERIFY(p.stop().ok());
        const StreamStats stats = p.stats();
        QVERIFY(stats.callbacks > 20);
        QCOMPARE(callbackAllocations.load(), 0L);
        qInfo("play 48 kHz stereo, 256 frames: %lld callbacks, median %.1f us, worst %.1f us",
              static_cast<long long>(stats.callbacks), stats.callbackMedianMicros,
              stats.callbackWorstMicros);
    }
};

QTEST_APPLESS_MAIN(CallbackAllocationTest)
#include "CallbackAllocationTest.moc"
