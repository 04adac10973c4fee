#include "NamedSource.h"

#include "PulseClient.h"

#include <QElapsedTimer>
#include <QThread>

namespace tapedeck::testing {

namespace {
constexpr int kTimeoutMs = 5000;
constexpr int kPollMs = 20;

QStringList listedSources() {
    QProcess pactl;
    pactl.start(QStringLiteral("pactl"),
                {QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sources")});
    pactl.waitForFinished();
    QStringList names;
    for (const QByteArray& line : pactl.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() > 1) {
            names += QString::fromUtf8(fields[1]);
        }
    }
    return names;
}
} // namespace

NamedSource::NamedSource(QString id, QString description, int channels)
    : id_(std::move(id)), description_(std::move(description)), channels_(channels) {}

NamedSource::~NamedSource() {
    if (loopback_.state() != QProcess::NotRunning) {
        loopback_.kill();
        loopback_.waitForFinished();
    }
}

bool NamedSource::plug() {
    if (!PulseClient::insideTestServer()) {
        error_ = QStringLiteral("not inside the test sound server");
        return false;
    }
    const QString position = channels_ == 1 ? QStringLiteral("[MONO]") : QStringLiteral("[FL FR]");
    // Like a real microphone, the source runs whenever it is open, whether or not anything
    // plays into its feed, and is never suspended while idle: a suspended virtual source can
    // miss its wake-up when a stream links to it at that moment, and stop delivering.
    const QString common = QStringLiteral("audio.channels=%1 audio.position=%2 audio.rate=48000 "
                                          "node.always-process=true node.pause-on-idle=false "
                                          "session.suspend-timeout-seconds=0")
                               .arg(channels_)
                               .arg(position);
    loopback_.start(QStringLiteral("pw-loopback"),
                    {QStringLiteral("--capture-props=media.class=Audio/Sink node.name=%1 "
                                    "node.description=feed-%2 %3")
                         .arg(feedSink(), id_, common),
                     QStringLiteral("--playback-props=media.class=Audio/Source node.name=%1 "
                                    "node.description=\"%2\" %3")
                         .arg(id_, description_, common)});
    if (!loopback_.waitForStarted(kTimeoutMs)) {
        error_ = QStringLiteral("cannot run pw-loopback: ") + loopback_.errorString();
        return false;
    }
    return waitUntilListed(true);
}

bool NamedSource::unplug() {
    loopback_.kill();
    loopback_.waitForFinished(kTimeoutMs);
    return waitUntilListed(false);
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
