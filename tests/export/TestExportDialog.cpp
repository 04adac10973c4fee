// File › Export…: the dialog's presets and preview, an export run from the window, and a
// cancelled one that leaves nothing. Offscreen, no sound server.
#include "export/ReferenceLoudness.h"
#include "export/SpeechLikeSignal.h"
#include "support/SoundFileIo.h"
#include "ui/export/ExportActions.h"
#include "ui/export/ExportDialog.h"
#include "ui/export/LoudnessPreview.h"
#include "ui/selection/ExportJob.h"
#include "ui/session/Session.h"
#include "ui/waveform/WaveformDocument.h"
#include "ui/window/MainWindow.h"
#include "ui/window/Settings.h"

#include <QAction>
#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <sndfile.h>

using namespace tapedeck;
using namespace tapedeck::testing;

namespace {

constexpr int kRate = 48000;
constexpr int kJobTimeoutMs = 60000;

// The first number of a preview text ("−19.8 LUFS, …"), with its real minus sign.
double firstNumber(QString text) {
    text.replace(QChar(0x2212), QLatin1Char('-'));
    const QRegularExpressionMatch m = QRegularExpression(R"((-?\d+\.\d))").match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : 0.0;
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;
    QString take_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<MainWindow> window_;

    QStringList filesBesideTake() const {
        QStringList names = QDir(temp_.path()).entryList({"*"}, QDir::Files | QDir::Hidden);
        names.removeAll("take.wav");
        names.removeAll("tapedeck.ini");
        return names;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(temp_.isValid());
        take_ = temp_.filePath("take.wav");
        QVERIFY(writeSoundFile(take_.toStdString(), speechLikeSignal(12.0, 2, kRate, 0.2, 21), 2,
                               kRate, SF_FORMAT_WAV | SF_FORMAT_PCM_24)
                    .ok());
        settings_ = std::make_unique<Settings>(std::make_unique<QSettings>(
            temp_.filePath(QStringLiteral("tapedeck.ini")), QSettings::IniFormat));
        session_ = std::make_unique<Session>(*settings_);
        window_ = std::make_unique<MainWindow>(*session_, *settings_);
        window_->resize(1000, 600);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void presetsSetTheTargetTheCeilingAndTheChannels() {
        LoudnessPreview preview;
        ExportDialog dialog(preview);
        dialog.chooseFormat(ExportDialog::Format::Mp3);
        dialog.choosePreset(ExportDialog::Preset::Podcast);
        ExportSettings s = dialog.settings();
        QVERIFY(s.loudness);
        QCOMPARE(s.loudness->integratedLufs, -16.0);
        QCOMPARE(s.loudness->truePeakDbtp, -1.0);
        QCOMPARE(s.encoder.bitrateKbps, std::optional<int>(192));
        QCOMPARE(s.channels, 0);
        dialog.choosePreset(ExportDialog::Preset::PodcastMono);
        s = dialog.settings();
        QCOMPARE(s.loudness->integratedLufs, -19.0);
        QCOMPARE(s.channels, 1);
        dialog.choosePreset(ExportDialog::Preset::Broadcast);
        QCOMPARE(dialog.settings().loudness->integratedLufs, -23.0);
        dialog.choosePreset(ExportDialog::Preset::Streaming);
        QCOMPARE(dialog.settings().loudness->integratedLufs, -14.0);
        dialog.choosePreset(ExportDialog::Preset::None);
        QVERIFY(!dialog.settings().loudness);
        dialog.setDestination(temp_.filePath("x.opus"));
        QCOMPARE(dialog.format(), ExportDialog::Format::Opus);
        QCOMPARE(dialog.request().format, std::optional(ExportFormat::Opus));
        QCOMPARE(dialog.settings().encoder.bitrateKbps, std::optional<int>(64));
        dialog.chooseFormat(ExportDialog::Format::Flac);
        QVERIFY(dialog.destination().endsWith(".flac"));
        QVERIFY(!dialog.settings().encoder.bitrateKbps);
    }

    void thePreviewShowsWhatWillBeExported() {
        LoudnessPreview preview;
        ExportDialog dialog(preview);
        dialog.choosePreset(ExportDialog::Preset::Podcast);
        dialog.setSource(take_, 0, -1, "the whole file");
        QTRY_VERIFY_WITH_TIMEOUT(dialog.previewText().contains("LUFS"), kJobTimeoutMs);
        const Result<AudioBuffer> source = readSoundFile(take_.toStdString());
        QVERIFY(source.ok());
        const ReferenceReading reference = measureReference(source->samples, 2, kRate);
        QVERIFY2(std::abs(firstNumber(dialog.previewText()) - *reference.integratedLufs) < 0.2,
                 qPrintable(dialog.previewText()));
        QVERIFY2(dialog.previewText().contains("To reach"), qPrintable(dialog.previewText()));
        QVERIFY(!preview.isMeasuring());
    }

    void anExportFromTheWindowReachesItsTarget() {
        QVERIFY(session_->openFile(take_));
        QTRY_VERIFY_WITH_TIMEOUT(window_->waveformDocument()->isComplete(), kJobTimeoutMs);
        ExportActions* actions = window_->exportActions();
        QVERIFY(actions->exportAction()->isEnabled());
        const QString out = temp_.filePath("episode.opus");
        actions->setDialogRunner([&](ExportDialog& dialog) {
            dialog.setDestination(out);
            dialog.choosePreset(ExportDialog::Preset::PodcastMono);
            return true;
        });
        QSignalSpy finished(actions->job(), &ExportJob::finished);
        actions->exportAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kJobTimeoutMs);
        QCOMPARE(finished.front().at(3).toBool(), false);
        QVERIFY2(window_->statusBar()->currentMessage().contains("LUFS"),
                 qPrintable(window_->statusBar()->currentMessage()));
        const Result<AudioBuffer> written = readSoundFile(out.toStdString());
        QVERIFY(written.ok());
        QCOMPARE(written->channels, 1);
        QCOMPARE(written->sampleRate, 48000);
        const ReferenceReading r = measureReference(written->samples, 1, 48000);
        QVERIFY2(std::abs(*r.integratedLufs + 19.0) <= 0.5,
                 qPrintable(QString::number(*r.integratedLufs)));
        QVERIFY(r.truePeakDbtp <= -1.0);
        QFile::remove(out);
    }

    void aCancelledExportLeavesNoFile() {
        ExportJob* job = window_->exportActions()->job();
        QSignalSpy finished(job, &ExportJob::finished);
        ExportRequest request;
        request.sourcePath = take_.toStdString();
        request.destinationPath = temp_.filePath("cancelled.mp3").toStdString();
        ExportSettings settings;
        settings.loudness = LoudnessTarget{};
        job->start(request, "Exporting", settings);
        job->cancel(); // as the progress window's Cancel does
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kJobTimeoutMs);
        QCOMPARE(finished.front().at(3).toBool(), true);
        QCOMPARE(filesBesideTake(), QStringList());
    }
};

QTEST_MAIN(TestExportDialog)
#include "TestExportDialog.moc"
