#include "ui/instance/ApplicationAdaptor.h"

#include "ui/instance/InstanceNames.h"
#include "ui/instance/RunningWindow.h"

#include <QUrl>

namespace tapedeck {

ApplicationAdaptor::ApplicationAdaptor(RunningWindow& window, const QDBusConnection& bus)
    : QDBusAbstractAdaptor(&window), window_(window), bus_(bus) {}

void ApplicationAdaptor::Activate(const QVariantMap& platformData) {
    window_.activate(platformData);
}

void ApplicationAdaptor::Open(const QStringList& uris, const QVariantMap& platformData,
                              const QDBusMessage& message) {
    QStringList files;
    for (const QString& uri : uris) {
        const QUrl url(uri);
        // The convention sends file:// URIs; a plain path is taken as one too.
        if (url.isLocalFile()) {
            files.append(url.toLocalFile());
        } else if (url.scheme().isEmpty()) {
            files.append(uri);
        } else {
            message.setDelayedReply(true);
            answer(message)(tr("Tapedeck opens files on this computer only, not %1.").arg(uri));
            return;
        }
    }
    // Answered once the files are open (after the window's start-up, if it is still
    // starting), so the launch that handed them over ends only when they have arrived.
    message.setDelayedReply(true);
    window_.open(files, platformData, answer(message));
}

void ApplicationAdaptor::ActivateAction(const QString& name, const QVariantList& parameter,
                                        const QVariantMap& platformData,
                                        const QDBusMessage& message) {
    Q_UNUSED(parameter);
    Q_UNUSED(platformData);
    message.setDelayedReply(true);
    if (name != QLatin1String(instance::kToggleRecordAction)) {
        bus_.send(message.createErrorReply(QStringLiteral("org.freedesktop.DBus.Error.InvalidArgs"),
                                           tr("Tapedeck has no action called “%1”.").arg(name)));
        return;
    }
    // Answered when the take has started or ended (after the window's start-up, if it is
    // still starting), so `tapedeck --toggle-record` can say what happened.
    window_.toggleRecord(answer(message));
}

RunningWindow::Done ApplicationAdaptor::answer(const QDBusMessage& message) const {
    return [bus = bus_, message](const QString& error) mutable {
        bus.send(error.isEmpty() ? message.createReply()
                                 : message.createErrorReply(
                                       QString::fromLatin1(instance::kFailedError), error));
    };
}

} // namespace tapedeck
