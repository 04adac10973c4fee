#include "ui/window/StatusPanel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>
#include <cmath>

namespace tapedeck {

namespace {

constexpr int kSecondsPerMinute = 60;
constexpr int kSecondsPerHour = 3600;
constexpr int kTenthsPerSecond = 10;

QLabel* makeLabel(QWidget* parent, const QString& accessibleName, const QString& tip) {
    auto* label = new QLabel(parent);
    label->setAccessibleName(accessibleName);
    label->setToolTip(tip);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QFrame* separator(QWidget* parent) {
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

StatusPanel::StatusPanel(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Status"));
    transport_ = makeLabel(this, tr("Playback"), tr("Playback is paused: Play goes on from here"));
    transport_->setText(tr("Paused"));
    QFont bold = transport_->font();
    bold.setBold(true);
    transport_->setFont(bold);
    transport_->hide();
    position_ = makeLabel(this, tr("Position"), tr("Position and duration"));
    stream_ = makeLabel(this, tr("Format"), tr("Sample rate, channels and file format"));
    counts_ = makeLabel(this, tr("Dropouts"),
                        tr("Dropouts: audio the computer could not keep up with during this "
                           "take. Zero means nothing was lost."));
    disk_ = makeLabel(this, tr("Disk space"),
                      tr("How long you can record in the current format before the disk is "
                         "full"));
    // Digits of the running clock should not jiggle the layout.
    QFont digits = position_->font();
    digits.setStyleHint(QFont::Monospace);
    digits.setFamily(QStringLiteral("monospace"));
    position_->setFont(digits);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    streamSeparator_ = separator(this);
    countsSeparator_ = separator(this);
    layout->addWidget(transport_);
    layout->addWidget(position_);
    layout->addWidget(streamSeparator_);
    layout->addWidget(stream_);
    layout->addWidget(countsSeparator_);
    layout->addWidget(counts_);
    layout->addWidget(separator(this));
    layout->addWidget(disk_);
    clear();
}

QString StatusPanel::formatTime(double seconds) {
    const auto tenths =
        static_cast<std::int64_t>(std::floor(std::max(0.0, seconds) * kTenthsPerSecond));
    const std::int64_t whole = tenths / kTenthsPerSecond;
    const std::int64_t hours = whole / kSecondsPerHour;
    const std::int64_t minutes = (whole % kSecondsPerHour) / kSecondsPerMinute;
    const std::int64_t secs = whole % kSecondsPerMinute;
    const std::int64_t tenth = tenths % kTenthsPerSecond;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3.%4")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(secs, 2, 10, QLatin1Char('0'))
            .arg(tenth);
    return QStringLiteral("%1:%2.%3").arg(minutes).arg(secs, 2, 10, QLatin1Char('0')).arg(tenth);
}

QString StatusPanel::formatDuration(double seconds) {
    if (seconds < kSecondsPerMinute)
        return tr("under a minute");
    const auto minutes = static_cast<std::int64_t>(seconds / kSecondsPerMinute);
    if (minutes < kSecondsPerMinute)
        return tr("%n min", nullptr, static_cast<int>(minutes));
    return tr("%1 h %2 min").arg(minutes / kSecondsPerMinute).arg(minutes % kSecondsPerMinute);
}

void StatusPanel::setPosition(std::int64_t frame, std::int64_t length, int sampleRate) {
    if (sampleRate <= 0) {
        position_->setText(tr("No file"));
        return;
    }
    const double at = static_cast<double>(frame) / sampleRate;
    if (length < 0)
        position_->setText(tr("Recording %1").arg(formatTime(at)));
    else
        position_->setText(QStringLiteral("%1 / %2").arg(
            formatTime(at), formatTime(static_cast<double>(length) / sampleRate)));
}

void StatusPanel::setStreamDescription(const QString& text) {
    stream_->setText(text);
    stream_->setVisible(!text.isEmpty());
    streamSeparator_->setVisible(!text.isEmpty());
}

void StatusPanel::setTransportState(TransportState state) {
    transport_->setVisible(state == TransportState::Paused);
}

void StatusPanel::setCounts(std::int64_t dropouts, std::int64_t xruns) {
    const std::int64_t total = dropouts + xruns;
    counts_->setText(tr("Dropouts: %1").arg(total));
    counts_->setToolTip(tr("%1 blocks lost because the disk fell behind, %2 reported by the "
                           "audio device. Zero means nothing was lost.")
                            .arg(dropouts)
                            .arg(xruns));
    QPalette colours = palette();
    if (total > 0)
        colours.setColor(QPalette::WindowText, QColor(218, 54, 51));
    counts_->setPalette(colours);
}

void StatusPanel::setCountsVisible(bool visible) {
    countsWanted_ = visible;
    counts_->setVisible(visible || fileDropouts_ > 0);
    countsSeparator_->setVisible(visible || fileDropouts_ > 0);
}

void StatusPanel::setFileDropouts(int count) {
    fileDropouts_ = std::max(0, count);
    if (fileDropouts_ > 0) {
        setCounts(fileDropouts_, 0);
        counts_->setToolTip(tr("Audio was lost at %n place(s) while this take was recorded; "
                               "the red marks on the waveform show where.",
                               nullptr, fileDropouts_));
    }
    setCountsVisible(countsWanted_);
}

void StatusPanel::setDiskTimeLeft(double seconds) {
    if (seconds < 0) {
        disk_->setText(tr("Disk space unknown"));
        return;
    }
    disk_->setText(tr("Disk: %1 left").arg(formatDuration(seconds)));
    QPalette colours = palette();
    if (seconds < kLowDiskSeconds)
        colours.setColor(QPalette::WindowText, QColor(218, 54, 51));
    disk_->setPalette(colours);
}

void StatusPanel::clear() {
    position_->setText(tr("No file"));
    setStreamDescription({});
    fileDropouts_ = 0;
    setCounts(0, 0);
    setCountsVisible(false);
    disk_->clear();
}

QString StatusPanel::positionText() const {
    return position_->text();
}

QString StatusPanel::transportText() const {
    return transport_->isVisibleTo(this) ? transport_->text() : QString();
}

QString StatusPanel::countsText() const {
    return counts_->text();
}

QString StatusPanel::diskText() const {
    return disk_->text();
}

} // namespace tapedeck
