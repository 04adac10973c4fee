#include "ui/window/Settings.h"

#include "ui/recording/RecordingFolder.h"

#include <QFileInfo>
#include <QSettings>
#include <algorithm>

namespace tapedeck {

namespace {
const QString kHostApi = QStringLiteral("devices/hostApi");
const QString kInput = QStringLiteral("devices/input");
const QString kOutput = QStringLiteral("devices/output");
const QString kSampleRate = QStringLiteral("devices/sampleRate");
const QString kChannels = QStringLiteral("devices/channels");
const QString kFirstInput = QStringLiteral("devices/firstInput");
const QString kInputsByDevice = QStringLiteral("devices/inputsByDevice");
const QString kSecondInput = QStringLiteral("devices/alsoRecord");
const QString kInputLayout = QStringLiteral("devices/inputLayout");
const QString kFramesPerBuffer = QStringLiteral("devices/framesPerBuffer");
const QString kFormat = QStringLiteral("recording/format");
const QString kFolder = QStringLiteral("recording/folder");
const QString kRecent = QStringLiteral("files/recent");
const QString kLoop = QStringLiteral("transport/loop");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kTakesPanelWidth = QStringLiteral("window/takesPanelWidth");
const QString kOrganization = QStringLiteral("Tapedeck");
const QString kApplication = QStringLiteral("Tapedeck");

bool isKnownFormat(int value) {
    return value >= static_cast<int>(FileFormat::Wav16) &&
           value <= static_cast<int>(FileFormat::OggVorbis);
}
} // namespace

TakeOptions Settings::takeOptions() const {
    TakeOptions o;
    const auto number = [this](const char* key, double fallback, double low, double high) {
        bool ok = false;
        const double value = store_->value(QLatin1String(key), fallback).toDouble(&ok);
        return ok ? std::clamp(value, low, high) : fallback;
    };
    o.preRollSeconds = number("take/preRoll", o.preRollSeconds, 0, TakeOptions::kMaxPreRollSeconds);
    o.startOnSound = store_->value(QStringLiteral("take/startOnSound"), false).toBool();
    o.startAboveDbfs = number("take/startAboveDbfs", o.startAboveDbfs, -90, 0);
    o.stopOnSilence = store_->value(QStringLiteral("take/stopOnSilence"), false).toBool();
    o.silenceSeconds = number("take/silenceSeconds", o.silenceSeconds, 0.1, 3600);
    o.stopAfterLength = store_->value(QStringLiteral("take/stopAfterLength"), false).toBool();
    o.lengthSeconds = number("take/lengthSeconds", o.lengthSeconds, 1, 24 * 3600);
    return o;
}

void Settings::setTakeOptions(const TakeOptions& o) {
    store_->setValue(QStringLiteral("take/preRoll"), o.preRollSeconds);
    store_->setValue(QStringLiteral("take/startOnSound"), o.startOnSound);
    store_->setValue(QStringLiteral("take/startAboveDbfs"), o.startAboveDbfs);
    store_->setValue(QStringLiteral("take/stopOnSilence"), o.stopOnSilence);
    store_->setValue(QStringLiteral("take/silenceSeconds"), o.silenceSeconds);
    store_->setValue(QStringLiteral("take/stopAfterLength"), o.stopAfterLength);
    store_->setValue(QStringLiteral("take/lengthSeconds"), o.lengthSeconds);
}

Settings::Settings() : Settings(std::make_unique<QSettings>(kOrganization, kApplication)) {}

Settings::Settings(std::unique_ptr<QSettings> store) : store_(std::move(store)) {}

Settings::~Settings() {
    sync();
}

DeviceChoice Settings::deviceChoice() const {
    DeviceChoice choice;
    choice.hostApi = store_->value(kHostApi).toString();
    choice.inputDevice = store_->value(kInput).toString();
    choice.outputDevice = store_->value(kOutput).toString();
    choice.sampleRate = store_->value(kSampleRate, choice.sampleRate).toInt();
    choice.channels = store_->value(kChannels, choice.channels).toInt();
    choice.firstInput = std::max(0, store_->value(kFirstInput, 0).toInt());
    choice.framesPerBuffer = store_->value(kFramesPerBuffer, choice.framesPerBuffer).toInt();
    const int format = store_->value(kFormat, static_cast<int>(choice.format)).toInt();
    if (isKnownFormat(format))
        choice.format = static_cast<FileFormat>(format);
    return choice;
}

void Settings::setDeviceChoice(const DeviceChoice& choice) {
    store_->setValue(kHostApi, choice.hostApi);
    store_->setValue(kInput, choice.inputDevice);
    store_->setValue(kOutput, choice.outputDevice);
    store_->setValue(kSampleRate, choice.sampleRate);
    store_->setValue(kChannels, choice.channels);
    store_->setValue(kFirstInput, choice.firstInput);
    if (!choice.inputDevice.isEmpty()) {
        QVariantMap byDevice = store_->value(kInputsByDevice).toMap();
        byDevice.insert(choice.inputDevice, QVariantList{choice.firstInput, choice.channels});
        store_->setValue(kInputsByDevice, byDevice);
    }
    store_->setValue(kFramesPerBuffer, choice.framesPerBuffer);
    store_->setValue(kFormat, static_cast<int>(choice.format));
}

RememberedInputs Settings::rememberedInputs() const {
    RememberedInputs inputs;
    const QVariantMap byDevice = store_->value(kInputsByDevice).toMap();
    for (auto it = byDevice.cbegin(); it != byDevice.cend(); ++it) {
        const QVariantList span = it.value().toList();
        if (span.size() == 2 && span[0].toInt() >= 0 && span[1].toInt() > 0)
            inputs.insert(it.key(), InputSpan{span[0].toInt(), span[1].toInt()});
    }
    return inputs;
}

SecondInputChoice Settings::secondInput() const {
    SecondInputChoice choice;
    choice.device = store_->value(kSecondInput).toString();
    // Stored as a word, so a file edited by hand or from another version reads plainly.
    if (store_->value(kInputLayout).toString() == QLatin1String("mix"))
        choice.layout = InputLayout::Mix;
    return choice;
}

void Settings::setSecondInput(const SecondInputChoice& choice) {
    store_->setValue(kSecondInput, choice.device);
    store_->setValue(kInputLayout, choice.layout == InputLayout::Mix ? QStringLiteral("mix")
                                                                     : QStringLiteral("split"));
}

QString Settings::recordingFolder() const {
    const QString folder = store_->value(kFolder).toString();
    return folder.isEmpty() ? RecordingFolder::defaultPath() : folder;
}

void Settings::setRecordingFolder(const QString& path) {
    store_->setValue(kFolder, path);
}

QStringList Settings::recentFiles() const {
    return store_->value(kRecent).toStringList();
}

void Settings::addRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    store_->setValue(kRecent, files);
}

void Settings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    store_->setValue(kRecent, files);
}

void Settings::renameRecentFile(const QString& from, const QString& to) {
    QStringList files = recentFiles();
    const QString now = QFileInfo(to).absoluteFilePath();
    files.removeAll(now);
    std::replace(files.begin(), files.end(), from, now);
    store_->setValue(kRecent, files);
}

void Settings::clearRecentFiles() {
    store_->remove(kRecent);
}

bool Settings::loop() const {
    return store_->value(kLoop, false).toBool();
}

void Settings::setLoop(bool loop) {
    store_->setValue(kLoop, loop);
}

QByteArray Settings::windowGeometry() const {
    return store_->value(kGeometry).toByteArray();
}

QByteArray Settings::windowState() const {
    return store_->value(kState).toByteArray();
}

void Settings::setWindow(const QByteArray& geometry, const QByteArray& state) {
    store_->setValue(kGeometry, geometry);
    store_->setValue(kState, state);
}

int Settings::takesPanelWidth() const {
    return store_->value(kTakesPanelWidth, 0).toInt();
}

void Settings::setTakesPanelWidth(int width) {
    store_->setValue(kTakesPanelWidth, width);
}

void Settings::sync() {
    store_->sync();
}

} // namespace tapedeck
