#include "ui/mpris/MprisService.h"

#include "ui/mpris/MprisPlayerAdaptor.h"
#include "ui/mpris/MprisRootAdaptor.h"
#include "ui/window/MainWindow.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>

namespace tapedeck {

MprisService* MprisService::publish(MainWindow& window, Session& session) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return nullptr;
    auto* service = new MprisService(window, session, bus, &window);
    if (!service->isRegistered()) {
        delete service;
        return nullptr;
    }
    return service;
}

MprisService::MprisService(MainWindow& window, Session& session, QDBusConnection bus,
                           QObject* parent)
    : QObject(parent), bus_(std::move(bus)) {
    root_ = new MprisRootAdaptor(*this, window, *window.quitAction());
    player_ = new MprisPlayerAdaptor(*this, {session, *window.transport(), *window.speedControl()},
                                     bus_, QString::fromLatin1(kObjectPath));
    if (!bus_.isConnected())
        return;
    objectRegistered_ = bus_.registerObject(QString::fromLatin1(kObjectPath), this,
                                            QDBusConnection::ExportAdaptors);
    if (!objectRegistered_)
        return;
    const QString name = QString::fromLatin1(kServiceName);
    const QString instance =
        QStringLiteral("%1.instance%2").arg(name).arg(QCoreApplication::applicationPid());
    for (const QString& candidate : {name, instance}) {
        if (bus_.registerService(candidate)) {
            serviceName_ = candidate;
            return;
        }
    }
}

MprisService::~MprisService() {
    if (!serviceName_.isEmpty())
        bus_.unregisterService(serviceName_);
    if (objectRegistered_)
        bus_.unregisterObject(QString::fromLatin1(kObjectPath));
}

} // namespace tapedeck
