#include "ui/recording/SleepInhibitor.h"

#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace tapedeck {

namespace {
const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalInterface = QStringLiteral("org.freedesktop.portal.Inhibit");
const QString kRequestInterface = QStringLiteral("org.freedesktop.portal.Request");
const QString kLogindService = QStringLiteral("org.freedesktop.login1");
const QString kLogindPath = QStringLiteral("/org/freedesktop/login1");
const QString kLogindInterface = QStringLiteral("org.freedesktop.login1.Manager");
// A desktop that does not answer within this is treated as absent (the default D-Bus
// timeout is 25 s; a take should not run that long unprotected before we look elsewhere).
constexpr int kCallTimeoutMs = 5000;
} // namespace

SleepInhibitor::SleepInhibitor(QObject* parent)
    : QObject(parent), systemBuses_(true), portalBus_(QString()), logindBus_(QString()) {}

SleepInhibitor::SleepInhibitor(QDBusConnection portalBus, QDBusConnection logindBus,
                               QObject* parent)
    : QObject(parent), portalBus_(std::move(portalBus)), logindBus_(std::move(logindBus)) {}

SleepInhibitor::~SleepInhibitor() {
    release();
}

void SleepInhibitor::hold(const QString& reason) {
    if (wanted_) {
        return;
    }
    wanted_ = true;
    reason_ = reason;
    connectBuses();
    ++generation_;
    askPortal();
}

void SleepInhibitor::release() {
    wanted_ = false;
    ++generation_; // answers still on their way are released when they arrive
    if (!portalRequest_.isEmpty()) {
        // Fire and forget: the portal drops the inhibition when the request is closed.
        portalBus_.asyncCall(QDBusMessage::createMethodCall(
            kPortalService, portalRequest_, kRequestInterface, QStringLiteral("Close")));
        portalRequest_.clear();
    }
    logindLock_ = QDBusUnixFileDescriptor(); // closing our copy ends logind's inhibitor
    setHolder(Holder::None);
}

void SleepInhibitor::connectBuses() {
    if (!systemBuses_)
        return;
    systemBuses_ = false;
    portalBus_ = QDBusConnection::sessionBus();
    logindBus_ = QDBusConnection::systemBus();
}

void SleepInhibitor::askPortal() {
    if (!portalBus_.isConnected()) {
        askLogind();
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kPortalService, kPortalPath,
                                                       kPortalInterface, QStringLiteral("Inhibit"));
    QVariantMap options;
    options.insert(QStringLiteral("reason"), reason_);
    // No parent window identifier: the inhibition is for the application, not one window.
    call << QString() << static_cast<uint>(kPortalSuspendFlag) << options;
    auto* watcher = new QDBusPendingCallWatcher(portalBus_.asyncCall(call, kCallTimeoutMs), this);
    const quint64 generation = generation_;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, generation](QDBusPendingCallWatcher* w) {
                const QDBusPendingReply<QDBusObjectPath> reply = *w;
                w->deleteLater();
                onPortalAnswer(generation, reply.isValid() ? reply.value().path() : QString(),
                               reply.isValid());
            });
}

void SleepInhibitor::onPortalAnswer(quint64 generation, const QString& requestPath, bool ok) {
    if (!ok) {
        if (generation == generation_ && wanted_) {
            askLogind();
        }
        return;
    }
    if (generation != generation_ || !wanted_) {
        // Released before the portal answered: let go of what it granted.
        portalBus_.asyncCall(QDBusMessage::createMethodCall(
            kPortalService, requestPath, kRequestInterface, QStringLiteral("Close")));
        return;
    }
    portalRequest_ = requestPath;
    setHolder(Holder::Portal);
}

void SleepInhibitor::askLogind() {
    if (!logindBus_.isConnected()) {
        giveUp();
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kLogindService, kLogindPath,
                                                       kLogindInterface, QStringLiteral("Inhibit"));
    call << QStringLiteral("sleep") << QStringLiteral("Tapedeck") << reason_
         << QStringLiteral("block");
    auto* watcher = new QDBusPendingCallWatcher(logindBus_.asyncCall(call, kCallTimeoutMs), this);
    const quint64 generation = generation_;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, generation](QDBusPendingCallWatcher* w) {
                const QDBusPendingReply<QDBusUnixFileDescriptor> reply = *w;
                w->deleteLater();
                onLogindAnswer(generation,
                               reply.isValid() ? reply.value() : QDBusUnixFileDescriptor(),
                               reply.isValid() && reply.value().isValid());
            });
}

void SleepInhibitor::onLogindAnswer(quint64 generation, const QDBusUnixFileDescriptor& fd,
                                    bool ok) {
    if (generation != generation_ || !wanted_) {
        return; // released meanwhile: `fd` closes as it goes out of scope
    }
    if (!ok) {
        giveUp();
        return;
    }
    logindLock_ = fd;
    setHolder(Holder::Logind);
}

void SleepInhibitor::giveUp() {
    if (toldUnavailable_) {
        return;
    }
    toldUnavailable_ = true;
    // Queued: when no bus is there at all this runs within hold(), and what the window says
    // about the take starting would cover the message at once.
    const QString message =
        tr("Nothing would keep the computer awake: it may sleep during this take.");
    QMetaObject::invokeMethod(
        this, [this, message] { emit unavailable(message); }, Qt::QueuedConnection);
}

void SleepInhibitor::setHolder(Holder holder) {
    if (holder == holder_) {
        return;
    }
    holder_ = holder;
    emit holderChanged(holder);
}

} // namespace tapedeck
