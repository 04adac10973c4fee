#include "ui/instance/InstanceClient.h"

#include "ui/instance/InstanceNames.h"

#include <QDBusConnectionInterface>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QUrl>
#include <QVariantMap>

#include <csignal>
#include <cstdio>

namespace tapedeck {

namespace {

constexpr int kStartPollMs = 50;

// What the launcher gave this process to pass on: the Wayland activation token and the X11
// startup id, under the names org.freedesktop.Application uses.
QVariantMap platformData() {
    QVariantMap data;
    const QString token = qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
    if (!token.isEmpty())
        data.insert(QStringLiteral("activation-token"), token);
    const QString startupId = qEnvironmentVariable("DESKTOP_STARTUP_ID");
    if (!startupId.isEmpty())
        data.insert(QStringLiteral("desktop-startup-id"), startupId);
    return data;
}

} // namespace

InstanceClient::InstanceClient(const QDBusConnection& bus) : bus_(bus) {}

bool InstanceClient::windowIsRunning() const {
    const auto registered =
        bus_.interface()->isServiceRegistered(QString::fromLatin1(instance::kServiceName));
    return registered.isValid() && registered.value();
}

QDBusMessage InstanceClient::call(const char* interface, const QString& method,
                                  const QVariantList& arguments) const {
    QDBusMessage message = QDBusMessage::createMethodCall(
        QString::fromLatin1(instance::kServiceName), QString::fromLatin1(instance::kObjectPath),
        QString::fromLatin1(interface), method);
    message.setArguments(arguments);
    return bus_.call(message, QDBus::Block, kAnswerTimeoutMs);
}

QVariant InstanceClient::property(const QString& name) const {
    const QDBusMessage reply = call("org.freedesktop.DBus.Properties", QStringLiteral("Get"),
                                    {QString::fromLatin1(instance::kWindowInterface), name});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    return reply.arguments().first().value<QDBusVariant>().variant();
}

QString InstanceClient::open(const QStringList& files) const {
    QDBusMessage reply;
    if (files.isEmpty()) {
        reply = call(instance::kApplicationInterface, QStringLiteral("Activate"), {platformData()});
    } else {
        QStringList uris;
        for (const QString& file : files)
            uris.append(QUrl::fromLocalFile(QFileInfo(file).absoluteFilePath()).toString());
        reply =
            call(instance::kApplicationInterface, QStringLiteral("Open"), {uris, platformData()});
    }
    return reply.type() == QDBusMessage::ErrorMessage ? reply.errorMessage() : QString();
}

int InstanceClient::toggleRecord() const {
    const QDBusMessage reply =
        call(instance::kApplicationInterface, QStringLiteral("ActivateAction"),
             {QString::fromLatin1(instance::kToggleRecordAction), QVariantList(), platformData()});
    if (reply.type() == QDBusMessage::ErrorMessage) {
        std::fprintf(stderr, "tapedeck: the Tapedeck window did not start or stop a take: %s\n",
                     qPrintable(reply.errorMessage()));
        return 1;
    }
    const QString file = property(QStringLiteral("CurrentFile")).toString();
    if (property(QStringLiteral("Recording")).toBool()) {
        std::printf("Started recording in the open Tapedeck window, to %s.\n", qPrintable(file));
    } else if (file.isEmpty()) {
        // Stopped while it still waited for sound (the take's "start above" option).
        std::printf("Stopped recording; no sound had come, so nothing was saved.\n");
    } else {
        std::printf("Stopped recording; saved %s.\n", qPrintable(file));
    }
    std::fflush(stdout);
    return 0;
}

QString InstanceClient::startWindow(const QString& executable) const {
    QProcess window;
    window.setProgram(executable);
    // The window outlives this process, so it must not write to this command's output,
    // which may be a pipe closed when the command ends (and a write there would end the
    // window). It shows its errors in its own banner.
    window.setStandardOutputFile(QProcess::nullDevice());
    window.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!window.startDetached(&pid))
        return QStringLiteral("%1 could not be started.").arg(executable);
    const QDeadlineTimer deadline(kAnswerTimeoutMs);
    while (!windowIsRunning()) {
        if (::kill(static_cast<pid_t>(pid), 0) != 0)
            return QStringLiteral("the new window closed before it could record (see the "
                                  "messages above).");
        if (deadline.hasExpired())
            return QStringLiteral("the new window did not answer within %1 s.")
                .arg(kAnswerTimeoutMs / 1000);
        QThread::msleep(kStartPollMs);
    }
    return {};
}

} // namespace tapedeck
