#include "core/devices/InputChannelPicker.h"

#include <QtTest>

#include <vector>

using namespace tapedeck;

namespace {
DeviceInfo device(int inputs, bool server) {
    DeviceInfo d;
    d.name = "Four-in";
    d.maxInputChannels = inputs;
    if (server) {
        d.serverId = "four.monitor";
        d.hostApi = DeviceInfo::kSoundServer;
    }
    return d;
}

// Frames whose samples say where they came from: frame f, channel c holds f*10 + c.
std::vector<float> numbered(int frames, int channels) {
    std::vector<float> out;
    for (int f = 0; f < frames; ++f) {
        for (int c = 0; c < channels; ++c) {
            out.push_back(static_cast<float>(f * 10 + c));
        }
    }
    return out;
}
} // namespace

class InputChannelPickerTest : public QObject {
    Q_OBJECT
private slots:
    void monoFromTheSecondOfFourInputs() {
        const auto picker = InputChannelPicker::forDevice(device(4, false), 2, 1);
        QVERIFY(picker.ok());
        QCOMPARE(picker->streamChannels(), 2); // a direct device opens inputs 1..2
        QCOMPARE(picker->channels(), 1);
        QVERIFY(picker->picks());
        const auto stream = numbered(3, 2);
        std::vector<float> take(3, -1.0f);
        picker->pick(stream.data(), take.data(), 3);
        QCOMPARE(take, (std::vector<float>{1, 11, 21}));
    }

    void aServerSourceOpensAllItsChannels() {
        const auto picker = InputChannelPicker::forDevice(device(4, true), 3, 2);
        QVERIFY(picker.ok());
        QCOMPARE(picker->streamChannels(), 4); // so the server does not remix them
        const auto stream = numbered(2, 4);
        std::vector<float> take(4, -1.0f);
        picker->pick(stream.data(), take.data(), 2);
        QCOMPARE(take, (std::vector<float>{2, 3, 12, 13}));
    }

    void theFirstInputsOfADirectDeviceNeedNoCopy() {
        const auto picker = InputChannelPicker::forDevice(device(8, false), 1, 2);
        QVERIFY(picker.ok());
        QCOMPARE(picker->streamChannels(), 2);
        QVERIFY(!picker->picks());
    }

    void theLastInputIsAllowed() {
        const auto picker = InputChannelPicker::forDevice(device(4, true), 4, 1);
        QVERIFY(picker.ok());
        const auto stream = numbered(2, 4);
        std::vector<float> take(2, -1.0f);
        picker->pick(stream.data(), take.data(), 2);
        QCOMPARE(take, (std::vector<float>{3, 13}));
    }

    void inputsBeyondTheDeviceAreAnError() {
        const auto beyond = InputChannelPicker::forDevice(device(2, true), 3, 1);
        QVERIFY(!beyond.ok());
        QCOMPARE(beyond.error().code, ErrorCode::UnsupportedChannels);
        QVERIFY2(beyond.error().message.find("has 2 inputs") != std::string::npos,
                 beyond.error().message.c_str());
        QVERIFY(beyond.error().message.find("input 3") != std::string::npos);
        const auto overhanging = InputChannelPicker::forDevice(device(4, false), 4, 2);
        QVERIFY(!overhanging.ok());
        QVERIFY(overhanging.error().message.find("inputs 4-5") != std::string::npos);
        QCOMPARE(InputChannelPicker::forDevice(device(4, false), 0, 1).error().code,
                 ErrorCode::InvalidArgument);
    }
};

QTEST_APPLESS_MAIN(InputChannelPickerTest)
#include "InputChannelPickerTest.moc"
