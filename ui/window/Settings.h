#pragma once

#include "ui/devices/DeviceChoice.h"
#include "ui/devices/SecondInputChoice.h"
#include "ui/recording/TakeOptions.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class QSettings;

namespace tapedeck {

// What Tapedeck remembers across restarts, over QSettings. The app uses the default store
// (organization and application "Tapedeck"); tests pass a store in a temporary folder.
// GUI thread only.
class Settings {
public:
    static constexpr int kMaxRecentFiles = 10;

    Settings();
    explicit Settings(std::unique_ptr<QSettings> store);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    DeviceChoice deviceChoice() const;
    // Also remembers the choice's inputs (first input and channels) for its input device.
    void setDeviceChoice(const DeviceChoice& choice);
    // The inputs last chosen for each input device.
    RememberedInputs rememberedInputs() const;
    // The "Also record" input the person chose last (none: one input), and the layout.
    SecondInputChoice secondInput() const;
    void setSecondInput(const SecondInputChoice& choice);

    QString recordingFolder() const; // the default folder if never set
    void setRecordingFolder(const QString& path);

    QStringList recentFiles() const; // most recent first
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    // The file at `from` is now at `to` (renamed): its place in the list is kept.
    void renameRecentFile(const QString& from, const QString& to);
    void clearRecentFiles();

    bool loop() const;
    void setLoop(bool loop);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray& geometry, const QByteArray& state);
    // The takes panel's width in pixels (0 when never set). The window state holds it too,
    // but Qt lays the docks out afresh when the window first shows, so it is kept apart.
    int takesPanelWidth() const;
    void setTakesPanelWidth(int width);

    // Pre-roll, sound-activated start and stop, length limit.
    TakeOptions takeOptions() const;
    void setTakeOptions(const TakeOptions& options);

    void sync();

private:
    std::unique_ptr<QSettings> store_;
};

} // namespace tapedeck
