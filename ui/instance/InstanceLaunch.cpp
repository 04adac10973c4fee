#include "ui/instance/InstanceLaunch.h"

#include "ui/instance/ApplicationAdaptor.h"
#include "ui/instance/GlobalShortcutPortal.h"
#include "ui/instance/InstanceClient.h"
#include "ui/instance/InstanceNames.h"
#include "ui/instance/WindowStateAdaptor.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>

#include <cstdio>

namespace tapedeck {

InstanceLaunch::InstanceLaunch(QStringList files, bool toggleRecord)
    : files_(std::move(files)), toggleRecord_(toggleRecord) {}

InstanceLaunch::~InstanceLaunch() = default;

std::optional<int> InstanceLaunch::handOver() {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fputs("tapedeck: no D-Bus session bus was found, so this window works on its own: "
                   "files opened later open another window, and tapedeck --toggle-record "
                   "cannot reach this one.\n",
                   stderr);
        if (toggleRecord_) {
            running_.toggleRecord([](const QString& error) {
                if (error.isEmpty())
                    std::puts("Started recording in a new Tapedeck window.");
                else
                    std::fprintf(stderr, "tapedeck: nothing was recorded: %s\n", qPrintable(error));
                std::fflush(stdout);
            });
        }
        return std::nullopt;
    }
    const InstanceClient client(bus);
    if (toggleRecord_) {
        // The record key ends at once: with no window running, it starts one on its own
        // and has that one record.
        if (!client.windowIsRunning()) {
            const QString failed = client.startWindow(QCoreApplication::applicationFilePath());
            if (!failed.isEmpty()) {
                std::fprintf(stderr, "tapedeck: nothing was recorded: %s\n", qPrintable(failed));
                return 1;
            }
        }
        return client.toggleRecord();
    }

    // Exported before the name is claimed, so no call can find the name without the object.
    new ApplicationAdaptor(running_, bus);
    new WindowStateAdaptor(running_);
    const QString path = QString::fromLatin1(instance::kObjectPath);
    bus.registerObject(path, &running_, QDBusConnection::ExportAdaptors);
    const auto claimed = bus.interface()->registerService(
        QString::fromLatin1(instance::kServiceName), QDBusConnectionInterface::DontQueueService,
        QDBusConnectionInterface::DontAllowReplacement);
    if (claimed.isValid() && claimed.value() == QDBusConnectionInterface::ServiceRegistered) {
        portal_ = new GlobalShortcutPortal(bus, &running_);
        QObject::connect(portal_, &GlobalShortcutPortal::toggleRecordPressed, &running_,
                         [this] { running_.toggleRecord([](const QString&) {}); });
        portal_->start();
        return std::nullopt;
    }
    bus.unregisterObject(path);
    if (!claimed.isValid()) {
        std::fprintf(stderr,
                     "tapedeck: the session bus refused the name %s (%s), so this window "
                     "works on its own.\n",
                     instance::kServiceName, qPrintable(claimed.error().message()));
        return std::nullopt;
    }
    const QString failed = client.open(files_);
    if (failed.isEmpty())
        return 0;
    std::fprintf(stderr,
                 "tapedeck: the open Tapedeck window did not take the files (%s), so "
                 "another window opens.\n",
                 qPrintable(failed));
    return std::nullopt;
}

void InstanceLaunch::serve(MainWindow& window, Session& session, Settings& settings) {
    running_.attach(window, session, settings);
}

void InstanceLaunch::started() {
    running_.ready();
}

} // namespace tapedeck
