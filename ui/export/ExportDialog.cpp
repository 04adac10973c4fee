#include "ui/export/ExportDialog.h"

#include "ui/dialogs/FileChooser.h"
#include "ui/export/LoudnessPreview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tapedeck {

namespace {

struct PresetValue {
    ExportDialog::Preset preset;
    const char* name;
    double lufs;
};

// EBU R128 and the platforms' published targets, all with a -1 dBTP ceiling.
const PresetValue kPresets[] = {
    {ExportDialog::Preset::None,
     QT_TRANSLATE_NOOP("tapedeck::ExportDialog", "None (level as recorded)"), 0.0},
    {ExportDialog::Preset::Podcast,
     QT_TRANSLATE_NOOP("tapedeck::ExportDialog", "Podcast (−16 LUFS)"), -16.0},
    {ExportDialog::Preset::PodcastMono,
     QT_TRANSLATE_NOOP("tapedeck::ExportDialog", "Podcast, mono (−19 LUFS)"), -19.0},
    {ExportDialog::Preset::Broadcast,
     QT_TRANSLATE_NOOP("tapedeck::ExportDialog", "Broadcast, EBU R128 (−23 LUFS)"), -23.0},
    {ExportDialog::Preset::Streaming,
     QT_TRANSLATE_NOOP("tapedeck::ExportDialog", "Streaming (−14 LUFS)"), -14.0},
    {ExportDialog::Preset::Custom, QT_TRANSLATE_NOOP("tapedeck::ExportDialog", "Custom"), -18.0},
};

constexpr double kDefaultCeilingDbtp = -1.0;

QString suffixOf(ExportDialog::Format format) {
    switch (format) {
    case ExportDialog::Format::Flac:
        return QStringLiteral("flac");
    case ExportDialog::Format::Ogg:
        return QStringLiteral("ogg");
    case ExportDialog::Format::Mp3:
        return QStringLiteral("mp3");
    case ExportDialog::Format::Opus:
        return QStringLiteral("opus");
    default:
        return QStringLiteral("wav");
    }
}

QString number(double value) {
    // A real minus sign, as the presets show it.
    return QString::number(value, 'f', 1).replace(QLatin1Char('-'), QChar(0x2212));
}

} // namespace

ExportDialog::ExportDialog(LoudnessPreview& preview, QWidget* parent)
    : QDialog(parent), preview_(preview) {
    setObjectName(QStringLiteral("ExportDialog"));
    setWindowTitle(tr("Export"));
    what_ = new QLabel(this);
    path_ = new QLineEdit(this);
    path_->setAccessibleName(tr("Export to"));
    browse_ = new QPushButton(tr("&Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse_);

    format_ = new QComboBox(this);
    format_->addItem(tr("WAV (lossless)"), static_cast<int>(Format::Wav));
    format_->addItem(tr("FLAC (lossless, smaller)"), static_cast<int>(Format::Flac));
    format_->addItem(tr("Ogg Vorbis"), static_cast<int>(Format::Ogg));
    format_->addItem(tr("MP3"), static_cast<int>(Format::Mp3));
    format_->addItem(tr("Opus"), static_cast<int>(Format::Opus));
    quality_ = new QComboBox(this);
    channels_ = new QComboBox(this);
    channels_->addItem(tr("As recorded"), 0);
    channels_->addItem(tr("Mono (all channels mixed)"), 1);
    channels_->addItem(tr("Stereo (odd channels left, even right)"), 2);

    preset_ = new QComboBox(this);
    for (const PresetValue& p : kPresets)
        preset_->addItem(tr(p.name), static_cast<int>(p.preset));
    target_ = new QDoubleSpinBox(this);
    target_->setRange(-50.0, -5.0);
    target_->setDecimals(1);
    target_->setSingleStep(0.5);
    target_->setSuffix(tr(" LUFS"));
    target_->setAccessibleName(tr("Target loudness"));
    ceiling_ = new QDoubleSpinBox(this);
    ceiling_->setRange(-20.0, 0.0);
    ceiling_->setDecimals(1);
    ceiling_->setSingleStep(0.5);
    ceiling_->setValue(kDefaultCeilingDbtp);
    ceiling_->setSuffix(tr(" dBTP"));
    ceiling_->setAccessibleName(tr("True-peak ceiling"));
    measured_ = new QLabel(this);
    measured_->setObjectName(QStringLiteral("LoudnessPreviewText"));
    measured_->setWordWrap(true);
    measured_->setMinimumWidth(360);

    auto* form = new QFormLayout;
    form->addRow(tr("Exporting:"), what_);
    // A row whose field is a layout gets no buddy of its own: the label needs one for Alt+T.
    auto* toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(path_);
    form->addRow(toLabel, pathRow);
    form->addRow(tr("&Format:"), format_);
    form->addRow(tr("&Quality:"), quality_);
    form->addRow(tr("C&hannels:"), channels_);
    form->addRow(tr("&Loudness:"), preset_);
    form->addRow(tr("T&arget:"), target_);
    form->addRow(tr("True-peak &ceiling:"), ceiling_);
    form->addRow(tr("Measured:"), measured_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    accept_ = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    accept_->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse_, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(path_, &QLineEdit::textChanged, this, &ExportDialog::updateAccept);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(preset_, &QComboBox::currentIndexChanged, this, &ExportDialog::onPresetChanged);
    connect(channels_, &QComboBox::currentIndexChanged, this, &ExportDialog::remeasure);
    connect(target_, &QDoubleSpinBox::valueChanged, this, &ExportDialog::showReading);
    connect(ceiling_, &QDoubleSpinBox::valueChanged, this, &ExportDialog::showReading);
    connect(&preview_, &LoudnessPreview::measured, this,
            [this](const QString& path, const LoudnessReading& reading, int channels, int) {
                if (path != source_)
                    return;
                reading_ = reading;
                sourceChannels_ = channels;
                showReading();
            });
    connect(&preview_, &LoudnessPreview::failed, this,
            [this](const QString& path, const QString& message) {
                if (path == source_)
                    measured_->setText(message);
            });
    onFormatChanged();
    onPresetChanged();
}

void ExportDialog::setSource(const QString& path, std::int64_t from, std::int64_t to,
                             const QString& what) {
    source_ = path;
    from_ = from;
    to_ = to;
    what_->setText(what);
    remeasure();
}

void ExportDialog::setDestination(const QString& path) {
    path_->setText(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (int i = 0; i < format_->count(); ++i) {
        if (suffixOf(static_cast<Format>(format_->itemData(i).toInt())) == suffix)
            format_->setCurrentIndex(i);
    }
}

QString ExportDialog::destination() const {
    return path_->text();
}

void ExportDialog::choosePreset(Preset preset) {
    preset_->setCurrentIndex(preset_->findData(static_cast<int>(preset)));
}

void ExportDialog::chooseFormat(Format format) {
    format_->setCurrentIndex(format_->findData(static_cast<int>(format)));
}

ExportDialog::Preset ExportDialog::preset() const {
    return static_cast<Preset>(preset_->currentData().toInt());
}

ExportDialog::Format ExportDialog::format() const {
    return static_cast<Format>(format_->currentData().toInt());
}

ExportRequest ExportDialog::request() const {
    ExportRequest request;
    request.sourcePath = source_.toStdString();
    request.destinationPath = path_->text().toStdString();
    request.fromFrame = from_;
    request.toFrame = to_;
    request.format = parseExportFormat(suffixOf(format()).toStdString());
    return request;
}

ExportSettings ExportDialog::settings() const {
    ExportSettings settings;
    settings.channels = channels_->currentData().toInt();
    if (preset() != Preset::None)
        settings.loudness = LoudnessTarget{target_->value(), ceiling_->value()};
    const int quality = quality_->currentData().toInt();
    if (format() == Format::Mp3 && quality < 0)
        settings.encoder.vbrQuality = -quality - 1;
    else if (format() == Format::Mp3 || format() == Format::Opus)
        settings.encoder.bitrateKbps = quality;
    return settings;
}

QString ExportDialog::previewText() const {
    return measured_->text();
}

void ExportDialog::onFormatChanged() {
    quality_->clear();
    switch (format()) {
    case Format::Mp3:
        for (int kbps : {320, 256, 192, 160, 128, 96, 64})
            quality_->addItem(tr("%1 kbit/s constant").arg(kbps), kbps);
        // Variable quality is stored as -(q + 1).
        quality_->addItem(tr("Variable, best (V0)"), -1);
        quality_->addItem(tr("Variable, good (V2)"), -3);
        quality_->addItem(tr("Variable, small (V5)"), -6);
        quality_->setCurrentIndex(quality_->findData(kDefaultMp3Kbps));
        break;
    case Format::Opus:
        for (int kbps : {128, 96, 64, 48, 32, 24})
            quality_->addItem(tr("%1 kbit/s per channel").arg(kbps), kbps);
        quality_->setCurrentIndex(quality_->findData(kDefaultOpusKbpsPerChannel));
        break;
    default:
        quality_->addItem(format() == Format::Ogg ? tr("Vorbis default") : tr("Lossless"), 0);
        break;
    }
    quality_->setEnabled(format() == Format::Mp3 || format() == Format::Opus);
    QString path = path_->text();
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        path = info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffixOf(format()));
        path_->setText(path);
    }
    showReading();
}

void ExportDialog::onPresetChanged() {
    const Preset chosen = preset();
    for (const PresetValue& p : kPresets) {
        if (p.preset == chosen && chosen != Preset::Custom && chosen != Preset::None)
            target_->setValue(p.lufs);
    }
    target_->setEnabled(chosen == Preset::Custom);
    ceiling_->setEnabled(chosen != Preset::None);
    if (chosen == Preset::PodcastMono)
        channels_->setCurrentIndex(channels_->findData(1));
    showReading();
}

void ExportDialog::remeasure() {
    if (source_.isEmpty())
        return;
    reading_.reset();
    measured_->setText(tr("Measuring…"));
    preview_.measure(source_, from_, to_, channels_->currentData().toInt());
}

void ExportDialog::showReading() {
    updateAccept();
    if (!reading_)
        return;
    const LoudnessReading& r = *reading_;
    if (!r.integratedLufs) {
        measured_->setText(
            tr("Too short or too quiet to measure (%1).").arg(QString::fromStdString(r.reason)));
        return;
    }
    QString text = tr("%1 LUFS").arg(number(*r.integratedLufs));
    if (r.truePeakDbtp)
        text += tr(", true peak %1 dBTP").arg(number(*r.truePeakDbtp));
    if (r.rangeLu)
        text += tr(", range %1 LU").arg(QString::number(*r.rangeLu, 'f', 1));
    if (preset() != Preset::None) {
        const double gain = target_->value() - *r.integratedLufs;
        text += QLatin1Char('\n') +
                tr("To reach %1 LUFS: %2 dB")
                    .arg(number(target_->value()))
                    .arg((gain >= 0 ? QStringLiteral("+") : QString()) + number(gain));
        if (r.truePeakDbtp && *r.truePeakDbtp + gain > ceiling_->value())
            text += tr(", peaks above %1 dBTP held by the limiter").arg(number(ceiling_->value()));
    }
    const int channels = channels_->currentData().toInt();
    if (format() == Format::Mp3 && channels == 0 && sourceChannels_ > 2)
        text += QLatin1Char('\n') +
                tr("MP3 holds mono or stereo only: choose Mono or Stereo under Channels.");
    measured_->setText(text);
}

void ExportDialog::browse() {
    askForFile(this,
               {FileQuestion::Kind::Save, tr("Export To"), path_->text(),
                tr("WAV (*.wav);;FLAC (*.flac);;Ogg Vorbis (*.ogg);;MP3 (*.mp3);;Opus (*.opus)"),
                false},
               [this](const QString& chosen) { setDestination(chosen); });
}

void ExportDialog::updateAccept() {
    accept_->setEnabled(!path_->text().trimmed().isEmpty() && !source_.isEmpty());
}

} // namespace tapedeck
