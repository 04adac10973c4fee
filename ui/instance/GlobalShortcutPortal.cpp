#include "ui/instance/GlobalShortcutPortal.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace {

// One entry of BindShortcuts' a(sa{sv}): the shortcut's id and its description.
struct PortalShortcut {
    QString id;
    QVariantMap properties;
};

QDBusArgument& operator<<(QDBusArgument& argument, const PortalShortcut& shortcut) {
    argument.beginStructure();
    argument << shortcut.id << shortcut.properties;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, PortalShortcut& shortcut) {
    argument.beginStructure();
    argument >> shortcut.id >> shortcut.properties;
    argument.endStructure();
    return argument;
}

} // namespace

Q_DECLARE_METATYPE(PortalShortcut)

namespace tapedeck {

namespace {

const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kShortcutsInterface = QStringLiteral("org.freedesktop.portal.GlobalShortcuts");
const QString kRequestInterface = QStringLiteral("org.freedesktop.portal.Request");
const QString kToggleRecordId = QStringLiteral("toggle-record");
constexpr uint kResponseSuccess = 0;

} // namespace

GlobalShortcutPortal::GlobalShortcutPortal(const QDBusConnection& bus, QObject* parent)
    : QObject(parent), bus_(bus) {
    qDBusRegisterMetaType<PortalShortcut>();
    qDBusRegisterMetaType<QList<PortalShortcut>>();
}

void GlobalShortcutPortal::start() {
    // Only where the portal implements GlobalShortcuts: its version property answers.
    QDBusMessage probe = QDBusMessage::createMethodCall(
        kPortalService, kPortalPath, QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"));
    probe.setArguments({kShortcutsInterface, QStringLiteral("version")});
    auto* watcher = new QDBusPendingCallWatcher(bus_.asyncCall(probe), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* w) {
        w->deleteLater();
        if (w->isError())
            return; // no portal, or none with global shortcuts: quietly nothing
        request(QStringLiteral("CreateSession"), {},
                {{QStringLiteral("session_handle_token"), QStringLiteral("tapedeck")}},
                SLOT(onSessionCreated(uint, QVariantMap)));
    });
}

void GlobalShortcutPortal::request(const QString& method, QVariantList arguments,
                                   QVariantMap options, const char* slot) {
    const QString token = QStringLiteral("tapedeck%1").arg(++tokens_);
    options.insert(QStringLiteral("handle_token"), token);
    // The portal answers on a Request object whose path it derives from our bus name and the
    // token; listening there before calling means the answer cannot be missed.
    QString sender = bus_.baseService().mid(1);
    sender.replace(QLatin1Char('.'), QLatin1Char('_'));
    const QString requestPath = QStringLiteral("%1/request/%2/%3").arg(kPortalPath, sender, token);
    if (slot)
        bus_.connect(kPortalService, requestPath, kRequestInterface, QStringLiteral("Response"),
                     this, slot);
    QDBusMessage call =
        QDBusMessage::createMethodCall(kPortalService, kPortalPath, kShortcutsInterface, method);
    arguments.append(options);
    call.setArguments(arguments);
    bus_.asyncCall(call);
}

void GlobalShortcutPortal::onSessionCreated(uint response, const QVariantMap& results) {
    if (response != kResponseSuccess)
        return;
    const QVariant handle = results.value(QStringLiteral("session_handle"));
    session_ = handle.canConvert<QDBusObjectPath>() ? handle.value<QDBusObjectPath>().path()
                                                    : handle.toString();
    if (session_.isEmpty())
        return;
    bus_.connect(kPortalService, kPortalPath, kShortcutsInterface, QStringLiteral("Activated"),
                 this, SLOT(onActivated(QDBusObjectPath, QString, qulonglong, QVariantMap)));
    const QList<PortalShortcut> shortcuts = {
        {kToggleRecordId,
         {{QStringLiteral("description"), tr("Start or stop recording")},
          {QStringLiteral("preferred_trigger"), QStringLiteral("CTRL+ALT+R")}}}};
    request(
        QStringLiteral("BindShortcuts"),
        {QVariant::fromValue(QDBusObjectPath(session_)), QVariant::fromValue(shortcuts), QString()},
        {}, nullptr);
    // Whatever the answer, the person may bind or change the key in the desktop's settings
    // at any time; Activated arrives then.
}

void GlobalShortcutPortal::onActivated(const QDBusObjectPath& session, const QString& shortcut,
                                       qulonglong timestamp, const QVariantMap& options) {
    Q_UNUSED(timestamp);
    Q_UNUSED(options);
    if (session.path() == session_ && shortcut == kToggleRecordId)
        emit toggleRecordPressed();
}

} // namespace tapedeck
