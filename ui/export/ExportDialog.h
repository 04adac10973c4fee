#pragma once

#include "core/export/TakeExport.h"
#include "core/loudness/LoudnessReading.h"

#include <QDialog>
#include <QString>

#include <cstdint>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tapedeck {

class LoudnessPreview;

// File › Export…: where to, the format and its quality, the channels, and a loudness target
// from presets (Podcast −16, Podcast mono −19, Broadcast EBU R128 −23, Streaming −14) or a
// custom value, with the true-peak ceiling. It shows the loudness of what will be exported,
// measured off the GUI thread (LoudnessPreview), and what the target will do to it. The
// dialog only asks; ExportActions runs the export. GUI thread only.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Preset { None, Podcast, PodcastMono, Broadcast, Streaming, Custom };
    enum class Format { Wav, Flac, Ogg, Mp3, Opus };

    ExportDialog(LoudnessPreview& preview, QWidget* parent = nullptr);

    // What is exported: [from, to) of `path` (to -1: the end); `what` says it in words ("the
    // whole take", "the selection, 0:05 to 0:15"). Starts measuring it.
    void setSource(const QString& path, std::int64_t from, std::int64_t to, const QString& what);
    void setDestination(const QString& path);
    QString destination() const;

    void choosePreset(Preset preset);
    void chooseFormat(Format format);
    Preset preset() const;
    Format format() const;

    ExportRequest request() const;
    ExportSettings settings() const;
    // The preview's text ("Measuring…", "−19.8 LUFS, true peak −1.4 dBTP…"), for tests.
    QString previewText() const;

private:
    void onFormatChanged();
    void onPresetChanged();
    void remeasure();
    void showReading();
    void browse();
    void updateAccept();

    LoudnessPreview& preview_;
    QString source_;
    std::int64_t from_ = 0;
    std::int64_t to_ = -1;
    int sourceChannels_ = 0;
    std::optional<LoudnessReading> reading_;

    QLabel* what_;
    QLineEdit* path_;
    QPushButton* browse_;
    QComboBox* format_;
    QComboBox* quality_;
    QComboBox* channels_;
    QComboBox* preset_;
    QDoubleSpinBox* target_;
    QDoubleSpinBox* ceiling_;
    QLabel* measured_;
    QPushButton* accept_;
};

} // namespace tapedeck
