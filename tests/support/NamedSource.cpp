#include "NamedSource.h"

#include "PulseClient.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

namespace tapedeck::testing {

namespace {
constexpr int kTimeoutMs = 5000;
constexpr int kPollMs = 20;

// Runs pactl; its output, trimmed, or an empty string if it failed.
QString pactl(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral("pactl"), arguments);
    if (!process.waitForFinished(kTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QStringList listedSources() {
    QStringList names;
    const QString listing =
        pactl({QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sources")});
    for (const QString& line : listing.split('\n')) {
        const QStringList fields = line.split('\t');
        if (fields.size() > 1) {
            names += fields[1];
        }
    }
    return names;
}
} // namespace

NamedSource::NamedSource(QString id, QString description, int channels)
    : id_(std::move(id)), description_(std::move(description)), channels_(channels) {}

NamedSource::~NamedSource() {
    unloadModules();
}

bool NamedSource::plug() {
    if (!PulseClient::insideTestServer()) {
        error_ = QStringLiteral("not inside the test sound server");
        return false;
    }
    const QStringList format{QStringLiteral("channels=%1").arg(channels_),
                             channels_ == 1 ? QStringLiteral("channel_map=mono")
                                            : QStringLiteral("channel_map=front-left,front-right"),
                             QStringLiteral("rate=48000")};
    // The feed is a null sink, which drives its own graph cycle; the microphone is a remapped
    // copy of its monitor, made inside the server. (A pw-loopback client pair, driven by the
    // server's dummy driver, now and then passed no sound at all under load.) Like a real
    // microphone, the feed runs whether or not anything plays into it and is never suspended.
    feedModule_ =
        pactl(QStringList{QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                          QStringLiteral("sink_name=") + feedSink(),
                          QStringLiteral("sink_properties='device.description=feed-%1 "
                                         "session.suspend-timeout-seconds=0 "
                                         "node.pause-on-idle=false'")
                              .arg(id_)} +
              format);
    if (feedModule_.isEmpty()) {
        error_ = QStringLiteral("pactl could not load the feed sink %1").arg(feedSink());
        return false;
    }
    sourceModule_ = pactl(
        QStringList{
            QStringLiteral("load-module"), QStringLiteral("module-remap-source"),
            QStringLiteral("source_name=") + id_,
            QStringLiteral("master=%1.monitor").arg(feedSink()),
            QStringLiteral("source_properties='device.description=\"%1\"'").arg(description_)} +
        format);
    if (sourceModule_.isEmpty()) {
        error_ = QStringLiteral("pactl could not load the source %1").arg(id_);
        unloadModules();
        return false;
    }
    return waitUntilListed(true);
}

bool NamedSource::unplug() {
    unloadModules();
    return waitUntilListed(false);
}

void NamedSource::unloadModules() {
    // The source first, as a microphone pulled out goes; then its feed.
    for (QString* module : {&sourceModule_, &feedModule_}) {
        if (!module->isEmpty()) {
            pactl({QStringLiteral("unload-module"), *module});
            module->clear();
        }
    }
}

bool NamedSource::waitUntilListed(bool listed) {
    QElapsedTimer timer;
    timer.start();
    while (listedSources().contains(id_) != listed) {
        if (timer.elapsed() > kTimeoutMs) {
            error_ = QStringLiteral("the server did not %1 %2 within %3 ms")
                         .arg(listed ? QStringLiteral("list") : QStringLiteral("drop"), id_)
                         .arg(kTimeoutMs);
            return false;
        }
        QThread::msleep(kPollMs);
    }
    return true;
}

} // namespace tapedeck::testing
