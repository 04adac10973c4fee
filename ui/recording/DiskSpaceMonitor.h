#pragma once

#include "ui/dialogs/UserMessage.h"

#include <QString>

#include <functional>
#include <optional>

namespace tapedeck {

// Free space on the disk that holds a folder.
struct DiskSpace {
    qint64 bytesAvailable = -1; // negative: unknown
    QString diskName;           // how people know the disk: its label, or where it is mounted
};

// Measures free space for a folder. Replaceable so tests can pretend the disk is nearly full.
using DiskSpaceFn = std::function<DiskSpace(const QString& folder)>;

// Turns free space into recording time left, and warns once per take when less than
// kWarnSeconds are left. GUI thread only (the default measure asks the file system for its
// free space, which is quick; it reads no file).
class DiskSpaceMonitor {
public:
    static constexpr double kWarnSeconds = 10 * 60;

    // The free space of the disk holding `folder`, or of the nearest existing folder above
    // it when `folder` does not exist yet.
    static DiskSpace measure(const QString& folder);

    DiskSpaceMonitor();
    void setMeasure(DiskSpaceFn measure);

    // Seconds of recording left in `folder` at `bytesPerSecond`; negative if unknown.
    double secondsLeft(const QString& folder, double bytesPerSecond);
    // The disk measured last.
    const QString& diskName() const { return diskName_; }

    // A new take starts: the next low reading warns again.
    void rearm() { warned_ = false; }
    // While recording: the warning to show, the first time fewer than kWarnSeconds are left.
    std::optional<UserMessage> warningFor(double secondsLeft);

private:
    DiskSpaceFn measure_;
    QString diskName_;
    bool warned_ = false;
};

} // namespace tapedeck
