#include "ui/recording/TakeRecovery.h"

#include "ui/window/StatusPanel.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>

namespace tapedeck {

TakeRecovery::TakeRecovery(QObject* parent) : QObject(parent) {}

TakeRecovery::~TakeRecovery() {
    if (worker_.joinable())
        worker_.join();
}

void TakeRecovery::startWorker(std::function<void()> work) {
    if (worker_.joinable())
        worker_.join(); // the previous job has posted its result already
    busy_ = true;
    worker_ = std::thread(std::move(work));
}

void TakeRecovery::scan(const QString& folder) {
    if (busy_)
        return;
    startWorker([this, path = folder.toStdString()] {
        Result<std::vector<UnfinishedTake>> found = Recovery::findUnfinishedTakes(path);
        std::vector<UnfinishedTake> takes =
            found ? std::move(found.value()) : std::vector<UnfinishedTake>{};
        QMetaObject::invokeMethod(
            this, [this, takes = std::move(takes)]() mutable { onScanned(std::move(takes)); },
            Qt::QueuedConnection);
    });
}

void TakeRecovery::onScanned(std::vector<UnfinishedTake> takes) {
    busy_ = false;
    takes_ = std::move(takes);
    if (!takes_.empty())
        emit unfinishedTakesFound(takePaths());
}

QStringList TakeRecovery::takePaths() const {
    QStringList paths;
    for (const UnfinishedTake& take : takes_)
        paths.append(QString::fromStdString(take.takePath));
    return paths;
}

QString TakeRecovery::describe(const RecoveredTake& take) {
    return tr("%1 (%2)").arg(QFileInfo(QString::fromStdString(take.takePath)).fileName(),
                             StatusPanel::formatTime(take.seconds()));
}

void TakeRecovery::recoverAll() {
    if (busy_ || takes_.empty())
        return;
    startWorker([this, takes = takes_] {
        QStringList descriptions;
        QString lastPlayable;
        QStringList failures;
        for (const UnfinishedTake& take : takes) {
            Result<RecoveredTake> repaired = Recovery::recoverTake(take);
            if (!repaired) {
                failures.append(QFileInfo(QString::fromStdString(take.takePath)).fileName() +
                                QStringLiteral(": ") +
                                QString::fromStdString(repaired.error().message));
                continue;
            }
            if (repaired->method == RepairMethod::Missing)
                continue;
            descriptions.append(describe(*repaired));
            if (repaired->frames > 0)
                lastPlayable = QString::fromStdString(repaired->takePath);
        }
        QMetaObject::invokeMethod(
            this,
            [this, descriptions, lastPlayable, failures] {
                busy_ = false;
                takes_.clear();
                if (failures.isEmpty()) {
                    emit recovered(descriptions, lastPlayable);
                    return;
                }
                emit failed(
                    {tr("Tapedeck could not repair %1.").arg(failures.join(QStringLiteral("; "))),
                     tr("The file is left as it was. Copy it somewhere safe before "
                        "recording more; Tapedeck tries again at the next start.")},
                    descriptions, lastPlayable);
            },
            Qt::QueuedConnection);
    });
}

} // namespace tapedeck
