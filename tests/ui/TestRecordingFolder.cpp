#include "ui/dialogs/UserMessage.h"
#include "ui/recording/RecordingFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tapedeck::RecordingFolder;

class TestRecordingFolder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void takesAreNamedByDateAndTime() {
        QTemporaryDir temp;
        const RecordingFolder folder(temp.path());
        const QDateTime when(QDate(2024, 5, 1), QTime(14, 3, 22));
        const QString path = folder.nextTakePath(when, QStringLiteral(".wav"));
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("Take 2024-05-01 14-03-22.wav"));
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(temp.path()).absolutePath());
    }

    void anExistingFileIsNeverChosen() {
        QTemporaryDir temp;
        const RecordingFolder folder(temp.path());
        const QDateTime when(QDate(2024, 5, 1), QTime(14, 3, 22));
        for (int i = 0; i < 3; ++i) {
            const QString path = folder.nextTakePath(when, QStringLiteral(".flac"));
            QVERIFY(!QFileInfo::exists(path));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(QFileInfo::exists(temp.filePath("Take 2024-05-01 14-03-22 (2).flac")));
        QVERIFY(QFileInfo::exists(temp.filePath("Take 2024-05-01 14-03-22 (3).flac")));
    }

    void theFolderIsCreatedWhenNeeded() {
        QTemporaryDir temp;
        const RecordingFolder folder(temp.filePath(QStringLiteral("a/b/c")));
        QVERIFY(folder.ensureExists());
        QVERIFY(QFileInfo(folder.path()).isDir());
    }

    void anUnwritableFolderIsReported() {
        const RecordingFolder folder(QStringLiteral("/proc/tapedeck-cannot-be-here"));
        QVERIFY(!folder.ensureExists());
    }

    void theDefaultFolderIsUnderMusic() {
        QVERIFY(RecordingFolder::defaultPath().endsWith(QStringLiteral("/Tapedeck")));
    }

    void everyErrorCodeSaysWhatToDoNext() {
        using tapedeck::ErrorCode;
        for (ErrorCode code :
             {ErrorCode::NoAudioSystem, ErrorCode::NoDevice, ErrorCode::DeviceNotFound,
              ErrorCode::DeviceAmbiguous, ErrorCode::UnsupportedRate,
              ErrorCode::UnsupportedChannels, ErrorCode::StreamFailed, ErrorCode::DeviceLost,
              ErrorCode::FileNotFound, ErrorCode::FileEmpty, ErrorCode::FileUnreadable,
              ErrorCode::UnsupportedFormat, ErrorCode::FileExists, ErrorCode::Unwritable,
              ErrorCode::WriteFailed, ErrorCode::InvalidArgument}) {
            const tapedeck::UserMessage text = tapedeck::describeError(code);
            QVERIFY(!text.message.isEmpty());
            QVERIFY(!text.nextStep.isEmpty());
        }
        const tapedeck::UserMessage fromEngine =
            tapedeck::describeError(tapedeck::Error{ErrorCode::DeviceLost, "The mic vanished."});
        QCOMPARE(fromEngine.message, QStringLiteral("The mic vanished."));
    }
};

QTEST_MAIN(TestRecordingFolder)
#include "TestRecordingFolder.moc"
