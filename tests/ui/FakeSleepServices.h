#pragma once

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <vector>

// Stand-ins for the desktop portal's Inhibit and logind's Inhibit, registered on a test's own
// D-Bus connection, recording what Tapedeck asks. Test main thread.

// One org.freedesktop.portal.Request: closed when Tapedeck lets the computer sleep again.
class FakePortalRequest : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Request")
public:
    using QObject::QObject;
    bool closed = false;
public slots:
    void Close() { closed = true; }
};

// org.freedesktop.portal.Inhibit at /org/freedesktop/portal/desktop.
class FakePortal : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Inhibit")
public:
    explicit FakePortal(QDBusConnection bus) : bus_(std::move(bus)) {}
    bool registerOn() {
        return bus_.registerService(QStringLiteral("org.freedesktop.portal.Desktop")) &&
               bus_.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), this,
                                   QDBusConnection::ExportAllSlots);
    }
    struct Call {
        uint flags = 0;
        QString reason;
        QString handle;
    };
    std::vector<Call> calls;
    std::vector<std::unique_ptr<FakePortalRequest>> requests;

    int openRequests() const {
        int open = 0;
        for (const auto& r : requests)
            open += r->closed ? 0 : 1;
        return open;
    }

public slots:
    QDBusObjectPath Inhibit(const QString& /*window*/, uint flags, const QVariantMap& options) {
        const QString handle =
            QStringLiteral("/org/freedesktop/portal/desktop/request/test/t%1").arg(requests.size());
        requests.push_back(std::make_unique<FakePortalRequest>());
        bus_.registerObject(handle, requests.back().get(), QDBusConnection::ExportAllSlots);
        calls.push_back({flags, options.value(QStringLiteral("reason")).toString(), handle});
        return QDBusObjectPath(handle);
    }

private:
    QDBusConnection bus_;
};

// org.freedesktop.login1.Manager at /org/freedesktop/login1: hands out the read end of a
// pipe, so the test can tell when every copy of it has been closed.
class FakeLogind : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Manager")
public:
    explicit FakeLogind(QDBusConnection bus) : bus_(std::move(bus)) {}
    ~FakeLogind() override;
    bool registerOn() {
        return bus_.registerService(QStringLiteral("org.freedesktop.login1")) &&
               bus_.registerObject(QStringLiteral("/org/freedesktop/login1"), this,
                                   QDBusConnection::ExportAllSlots);
    }
    QStringList lastCall; // what, who, why, mode
    int calls = 0;
    // Whether the inhibitor's descriptor is still held by someone (the write end of the pipe
    // has a reader).
    bool held() const;

public slots:
    QDBusUnixFileDescriptor Inhibit(const QString& what, const QString& who, const QString& why,
                                    const QString& mode);

private:
    QDBusConnection bus_;
    int writeEnd_ = -1;
};
