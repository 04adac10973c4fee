#include "ui/accessibility/WaveformSpeech.h"

#include "ui/window/StatusPanel.h"

#include <QStringList>

#include <algorithm>

namespace tapedeck {

QString WaveformSpeech::describe(const Facts& facts) {
    if (facts.sampleRate <= 0 || facts.totalFrames <= 0)
        return {};
    const auto time = [&](std::int64_t frame) {
        return StatusPanel::formatTime(static_cast<double>(std::max<std::int64_t>(0, frame)) /
                                       facts.sampleRate);
    };
    QStringList parts;
    parts << tr("Position %1 of %2").arg(time(facts.playhead), time(facts.totalFrames));
    if (facts.selectionStart >= 0 && facts.selectionEnd > facts.selectionStart)
        parts << tr("selection %1 to %2").arg(time(facts.selectionStart), time(facts.selectionEnd));
    else
        parts << tr("no selection");

    const int count = static_cast<int>(facts.markers.size());
    if (count == 0) {
        parts << tr("no markers");
    } else {
        QStringList spoken;
        for (int i = 0; i < std::min(count, kMaxMarkersSpoken); ++i) {
            const Marker& marker = facts.markers[static_cast<std::size_t>(i)];
            spoken << tr("%1 at %2").arg(QString::fromStdString(marker.name), time(marker.frame));
        }
        QString list =
            tr("%n marker(s): %1", nullptr, count).arg(spoken.join(QStringLiteral(", ")));
        if (count > kMaxMarkersSpoken)
            list += QLatin1Char(' ') + tr("and %n more", nullptr, count - kMaxMarkersSpoken);
        parts << list;
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace tapedeck
