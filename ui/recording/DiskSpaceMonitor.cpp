#include "ui/recording/DiskSpaceMonitor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

#include <cmath>

namespace tapedeck {

namespace {

constexpr int kSecondsPerMinute = 60;

// Gives tr() the context "tapedeck::DiskSpaceMonitor".
class Text {
    Q_DECLARE_TR_FUNCTIONS(tapedeck::DiskSpaceMonitor)

public:
    static UserMessage lowSpace(int minutes, const QString& disk) {
        return {minutes < 1 ? tr("Less than a minute of recording space is left on %1.").arg(disk)
                : minutes == 1
                    ? tr("Only 1 minute of recording space left on %1.").arg(disk)
                    : tr("Only %1 minutes of recording space left on %2.").arg(minutes).arg(disk),
                tr("The recording goes on until the disk is full, and everything written is "
                   "kept. Stop soon, or free some disk space.")};
    }
};

} // namespace

DiskSpace DiskSpaceMonitor::measure(const QString& folder) {
    QDir existing(folder);
    while (!existing.exists() && !existing.isRoot())
        existing.setPath(QFileInfo(existing.path()).path());
    const QStorageInfo storage(existing.path());
    if (!storage.isValid() || !storage.isReady())
        return {};
    QString name = storage.displayName();
    if (name.isEmpty())
        name = storage.rootPath();
    return {storage.bytesAvailable(), QDir::toNativeSeparators(name)};
}

DiskSpaceMonitor::DiskSpaceMonitor() : measure_(&DiskSpaceMonitor::measure) {}

void DiskSpaceMonitor::setMeasure(DiskSpaceFn measure) {
    measure_ = measure ? std::move(measure) : DiskSpaceFn(&DiskSpaceMonitor::measure);
}

double DiskSpaceMonitor::secondsLeft(const QString& folder, double bytesPerSecond) {
    const DiskSpace space = measure_(folder);
    diskName_ = space.diskName;
    if (space.bytesAvailable < 0 || bytesPerSecond <= 0)
        return -1;
    return static_cast<double>(space.bytesAvailable) / bytesPerSecond;
}

std::optional<UserMessage> DiskSpaceMonitor::warningFor(double secondsLeft) {
    if (warned_ || secondsLeft < 0 || secondsLeft >= kWarnSeconds)
        return std::nullopt;
    warned_ = true;
    const int minutes = static_cast<int>(std::floor(secondsLeft / kSecondsPerMinute));
    return Text::lowSpace(minutes, diskName_);
}

} // namespace tapedeck
