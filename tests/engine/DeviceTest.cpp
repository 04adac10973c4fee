#include "core/devices/AudioSystem.h"
#include "core/recording/Recorder.h"
#include "support/NamedSource.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tapedeck;
using tapedeck::testing::NamedSource;

// Device listing, lookup, rate support and re-scanning against the test sound server.
class DeviceTest : public QObject {
    Q_OBJECT

    std::unique_ptr<AudioSystem> system_;
    NamedSource studio_{QStringLiteral("studio_mic"), QStringLiteral("Studio Mic"), 2};
    NamedSource headset_{QStringLiteral("headset_mic"), QStringLiteral("Headset Mic"), 1};

    const DeviceInfo& defaultInput() {
        for (const auto& d : system_->devices()) {
            if (d.isDefaultInput) {
                return d;
            }
        }
        qFatal("no default input");
    }

private slots:
    void initTestCase() {
        QVERIFY2(studio_.plug(), qPrintable(studio_.errorString()));
        QVERIFY2(headset_.plug(), qPrintable(headset_.errorString()));
        auto system = AudioSystem::start();
        QVERIFY(system.ok());
        system_ = std::move(*system);
    }

    void theServerIsListedWithDefaults() {
        const auto& devices = system_->devices();
        QVERIFY(!devices.empty());
        int defaultInputs = 0;
        int defaultOutputs = 0;
        for (const auto& d : devices) {
            QVERIFY(!d.name.empty());
            QVERIFY(!d.hostApi.empty());
            QVERIFY(d.defaultSampleRate > 0);
            defaultInputs += d.isDefaultInput ? 1 : 0;
            defaultOutputs += d.isDefaultOutput ? 1 : 0;
        }
        QCOMPARE(defaultInputs, 1);
        QCOMPARE(defaultOutputs, 1);
    }

    void devicesAreFoundByExactNameByUniquePartOrAsTheDefault() {
        const DeviceInfo& input = defaultInput();
        QCOMPARE(system_->findDevice("", Direction::Input)->name, input.name);
        QCOMPARE(system_->findDevice(input.name, Direction::Input)->name, input.name);
        QVERIFY(system_->findExact(input.hostApi, input.name) != nullptr);
        QVERIFY(system_->findExact("No API", input.name) == nullptr);
        const auto missing = system_->findDevice("Nonexistent Microphone", Direction::Input);
        QCOMPARE(missing.error().code, ErrorCode::DeviceNotFound);
        // A part of a name two microphones share is ambiguous.
        const auto both = system_->findDevice("Mic", Direction::Input);
        QCOMPARE(both.error().code, ErrorCode::DeviceAmbiguous);
        QVERIFY(both.error().message.find("several devices") != std::string::npos);
        QCOMPARE(system_->findDevice("HEADSET", Direction::Input)->serverId, "headset_mic");
        // The server's id works too, and a microphone wins over a monitor ("Sound from
        // feed-studio_mic" also holds "studio").
        QCOMPARE(system_->findDevice("studio_mic", Direction::Input)->name, "Studio Mic");
        QCOMPARE(system_->findDevice("studio", Direction::Input)->name, "Studio Mic");
        QVERIFY(system_->findDevice("Studio Mic", Direction::Output).error().code ==
                ErrorCode::DeviceNotFound);
    }

    void theServersDevicesComeFirstAndRawOnesAreAdvanced() {
        QVERIFY(!system_->soundServer().empty());
        const DeviceInfo* studio = system_->findServerDevice("studio_mic");
        QVERIFY(studio != nullptr);
        QCOMPARE(studio->hostApi, std::string(DeviceInfo::kSoundServer));
        QCOMPARE(studio->maxInputChannels, 2);
        QCOMPARE(studio->maxOutputChannels, 0);
        QCOMPARE(studio->defaultSampleRate, 48000.0);
        QCOMPARE(system_->findServerDevice("headset_mic")->maxInputChannels, 1);
        QVERIFY(system_->findServerDevice("testsink.monitor")->isMonitor);
        bool seenAdvanced = false;
        for (const auto& d : system_->devices()) {
            // PortAudio's own "pulse"/"default" are the server under another name: not listed.
            QVERIFY(!(d.hostApi == "ALSA" && (d.name == "pulse" || d.name == "default")));
            QVERIFY2(!seenAdvanced || d.advanced, "advanced devices come last");
            seenAdvanced = seenAdvanced || d.advanced;
            QVERIFY(d.advanced == d.serverId.empty());
        }
    }

    void standardRatesAreCheckedAndExplained() {
        const DeviceInfo& input = defaultInput();
        const auto rates = system_->supportedRates(input, Direction::Input, 2);
        QVERIFY(std::find(rates.begin(), rates.end(), 48000) != rates.end());
        QVERIFY(std::find(rates.begin(), rates.end(), 44100) != rates.end());
        QVERIFY(system_->checkFormat(input, Direction::Input, 2, 48000).ok());
        const Status tooMany = system_->checkFormat(input, Direction::Input, 1000, 48000);
        QCOMPARE(tooMany.error().code, ErrorCode::UnsupportedChannels);
        QVERIFY(tooMany.error().message.find(input.name) != std::string::npos);
        const Status absurd = system_->checkFormat(input, Direction::Input, 2, 5'000'000);
        QCOMPARE(absurd.error().code, ErrorCode::UnsupportedRate);
        QVERIFY2(absurd.error().message.find("it supports") != std::string::npos,
                 absurd.error().message.c_str());
    }

    void rescanningWorksWithNoStreamOpenAndKeepsTheDevices() {
        const auto before = system_->devices();
        QVERIFY(system_->rescan().ok());
        QCOMPARE(system_->devices().size(), before.size());
        for (const auto& d : before) {
            QVERIFY(system_->findExact(d.hostApi, d.name) != nullptr);
        }
    }

    // A sound server that goes away and comes back: the client sees it through its socket
    // address, so pointing that elsewhere and back is what a restart looks like from here.
    void rescanningFindsTheServerAgainWhenItReturns() {
        const QByteArray server = qgetenv("PULSE_SERVER");
        QVERIFY(!server.isEmpty());
        qputenv("PULSE_SERVER", "unix:/nonexistent/tapedeck-no-server");
        QVERIFY(system_->rescan().ok());
        const auto gone = system_->findDevice("", Direction::Input);
        qputenv("PULSE_SERVER", server);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::NoDevice);
        QVERIFY(gone.error().message.find("refresh") != std::string::npos);
        QVERIFY(system_->rescan().ok());
        QVERIFY(system_->findDevice("", Direction::Input).ok());
        QVERIFY(system_->findDevice("", Direction::Output).ok());
    }

    void rescanningIsRefusedWhileRecording() {
        QTemporaryDir dir;
        RecordSettings settings;
        settings.path = dir.filePath("t.wav").toStdString();
        auto recorder = Recorder::start(*system_, settings);
        QVERIFY(recorder.ok());
        const Status refused = system_->rescan();
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.find("Stop first") != std::string::npos);
        QVERIFY((*recorder)->stop().ok());
        QVERIFY(system_->rescan().ok());
    }
};

QTEST_GUILESS_MAIN(DeviceTest)
#include "DeviceTest.moc"
