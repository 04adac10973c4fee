#include "ui/recording/RecordingScreen.h"

#include "ui/meters/LoudnessReadout.h"
#include "ui/window/StatusPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace tapedeck {

namespace {
// Red that reads as "recording" on light and dark themes alike.
const char* const kRecRed = "#d32f2f";
const char* const kPausedGrey = "#8a8a8a";
// U+2212, the minus sign typography uses for numbers.
const QChar kMinus(0x2212);

QLabel* bigLabel(QWidget* parent, int pointSize, bool bold) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSize(pointSize);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

bool isCompressed(FileFormat format) {
    return format == FileFormat::Flac || format == FileFormat::OggVorbis;
}
} // namespace

RecordingScreen::RecordingScreen(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("RecordingScreen"));
    setAccessibleName(tr("Recording"));
    rec_ = bigLabel(this, kTimePointSize / 2, true);
    rec_->setTextFormat(Qt::RichText);
    showMark();
    elapsed_ = bigLabel(this, kTimePointSize, true);
    elapsed_->setAccessibleName(tr("Time recorded"));
    size_ = bigLabel(this, kTimePointSize * 2 / 3, false);
    size_->setAccessibleName(tr("Size of the take"));
    disk_ = new QLabel(this);
    disk_->setAccessibleName(tr("Time left on disk"));
    input_ = new QLabel(this);
    input_->setAccessibleName(tr("Inputs recorded"));
    input_->setWordWrap(true);
    loudness_ = new LoudnessReadout(this, true);

    auto* top = new QHBoxLayout;
    top->addWidget(rec_, 0, Qt::AlignVCenter);
    top->addSpacing(16);
    top->addWidget(elapsed_, 0, Qt::AlignVCenter);
    top->addStretch(1);
    top->addWidget(size_, 0, Qt::AlignVCenter);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(input_, 1);
    bottom->addWidget(disk_, 0, Qt::AlignRight);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(top);
    layout->addWidget(loudness_);
    layout->addLayout(bottom);
    hide();
}

void RecordingScreen::start(const QString& inputDescription, FileFormat format, int sampleRate,
                            int channels) {
    format_ = format;
    paused_ = false;
    setWaiting(false); // shows REC
    sampleRate_ = sampleRate;
    channels_ = channels;
    input_->setText(inputDescription);
    setElapsed(0, sampleRate);
    disk_->clear();
}

void RecordingScreen::setElapsed(std::int64_t frames, int sampleRate) {
    if (sampleRate <= 0)
        sampleRate = sampleRate_;
    const double seconds = sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0;
    elapsed_->setText(StatusPanel::formatTime(seconds));
    if (sampleRate_ > 0 && channels_ > 0) {
        const double bytes = seconds * bytesPerSecond(format_, sampleRate_, channels_);
        size_->setText(formatSize(bytes, isCompressed(format_)));
    } else {
        size_->clear();
    }
}

void RecordingScreen::setDiskTimeLeft(double seconds) {
    disk_->setText(seconds < 0 ? QString()
                               : tr("%1 left on disk").arg(StatusPanel::formatDuration(seconds)));
}

void RecordingScreen::setPaused(bool paused) {
    paused_ = paused;
    showMark();
}

void RecordingScreen::setWaiting(bool waiting, double thresholdDbfs) {
    waiting_ = waiting;
    if (waiting)
        thresholdDbfs_ = thresholdDbfs;
    elapsed_->setVisible(!waiting);
    size_->setVisible(!waiting);
    showMark();
}

QString RecordingScreen::formatDbfs(double dbfs) {
    QString text = QString::number(dbfs, 'f', std::fmod(dbfs, 1.0) == 0.0 ? 0 : 1);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, kMinus);
    return text;
}

void RecordingScreen::showMark() {
    if (waiting_) {
        rec_->setText(QStringLiteral("<span style=\"color:%1\">◌ %2</span>")
                          .arg(QLatin1String(kPausedGrey), tr("Waiting for sound above %1 dBFS")
                                                               .arg(formatDbfs(thresholdDbfs_))
                                                               .toHtmlEscaped()));
        rec_->setAccessibleName(tr("Waiting for sound"));
    } else if (paused_) {
        rec_->setText(QStringLiteral("<span style=\"color:%1\">❚❚</span> %2")
                          .arg(QLatin1String(kPausedGrey), tr("PAUSED")));
        rec_->setAccessibleName(tr("Recording paused"));
    } else {
        rec_->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                          .arg(QLatin1String(kRecRed), tr("REC")));
        rec_->setAccessibleName(tr("Recording"));
    }
}

QString RecordingScreen::formatSize(double bytes, bool estimate) {
    const QString size = bytes >= 1000 * kMegabyte
                             ? tr("%1 GB").arg(bytes / (1000 * kMegabyte), 0, 'f', 2)
                             : tr("%1 MB").arg(bytes / kMegabyte, 0, 'f', 1);
    return estimate ? tr("about %1").arg(size) : size;
}

QString RecordingScreen::elapsedText() const {
    return elapsed_->text();
}
QString RecordingScreen::sizeText() const {
    return size_->text();
}
QString RecordingScreen::diskText() const {
    return disk_->text();
}
QString RecordingScreen::inputText() const {
    return input_->text();
}
QString RecordingScreen::recText() const {
    return rec_->text();
}

} // namespace tapedeck
