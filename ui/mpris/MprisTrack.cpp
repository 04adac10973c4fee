#include "ui/mpris/MprisTrack.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <cmath>

namespace tapedeck {

namespace {

constexpr double kMicrosecondsPerSecond = 1e6;

} // namespace

QDBusObjectPath MprisTrack::trackId() const {
    return QDBusObjectPath(QStringLiteral("/io/github/tapedeck/Tapedeck/track/%1").arg(number));
}

QVariantMap MprisTrack::metadata() const {
    if (!isTrack())
        return {};
    const QString name = QFileInfo(path).completeBaseName();
    QVariantMap map;
    map.insert(QStringLiteral("mpris:trackid"), QVariant::fromValue(trackId()));
    map.insert(QStringLiteral("xesam:url"), QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded));
    // During a take the widget says so first: that is what someone glancing at it needs.
    map.insert(QStringLiteral("xesam:title"),
               recording
                   ? QCoreApplication::translate("tapedeck::MprisTrack", "Recording: %1").arg(name)
                   : name);
    if (!recording && lengthUs() > 0)
        map.insert(QStringLiteral("mpris:length"), lengthUs());
    return map;
}

qint64 MprisTrack::toMicroseconds(std::int64_t frames, int sampleRate) {
    if (sampleRate <= 0)
        return 0;
    return std::llround(static_cast<double>(frames) * kMicrosecondsPerSecond / sampleRate);
}

std::int64_t MprisTrack::toFrames(qint64 microseconds, int sampleRate) {
    if (sampleRate <= 0)
        return 0;
    return std::llround(static_cast<double>(microseconds) * sampleRate / kMicrosecondsPerSecond);
}

} // namespace tapedeck
