#pragma once

#include <QDBusConnection>
#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QString>

#include <cstdint>

namespace tapedeck {

// Asks the desktop not to suspend the computer while a take runs (or a sound-activated take
// waits): a laptop that sleeps mid-take stops the recording. The screen may still lock.
//
// First the XDG desktop portal's Inhibit (org.freedesktop.portal.Inhibit, flag "suspend"),
// which every desktop and sandbox provides; released by closing the request it returns.
// Failing that, logind's sleep inhibitor (org.freedesktop.login1.Manager.Inhibit, mode
// "block"), held as the file descriptor it returns; released by closing it. If neither
// answers, unavailable() is emitted once, so the window can say so.
//
// The calls are asynchronous, so the GUI never waits on the bus. GUI thread only.
class SleepInhibitor : public QObject {
    Q_OBJECT
public:
    static constexpr std::uint32_t kPortalSuspendFlag = 4;

    // The real buses: the portal is on the session bus, logind on the system bus. They are
    // connected to at the first hold(), so a window that never records opens no connection.
    explicit SleepInhibitor(QObject* parent = nullptr);
    // Other buses (tests: fake services on a private bus).
    SleepInhibitor(QDBusConnection portalBus, QDBusConnection logindBus, QObject* parent = nullptr);
    ~SleepInhibitor() override; // releases what it holds

    // Keeps the computer awake until release(). `reason` is shown by the desktop ("Recording
    // a take"). Calling it again while held changes nothing.
    void hold(const QString& reason);
    // Lets the computer sleep again. Safe to call when nothing is held, and before the
    // desktop has answered hold() (the answer is then released as it arrives).
    void release();

    // Whether hold() is in force (asked for, and not released).
    bool isHeld() const { return wanted_; }
    // What keeps the computer awake now.
    enum class Holder { None, Portal, Logind };
    Q_ENUM(Holder)
    Holder holder() const { return holder_; }

signals:
    // Neither the portal nor logind would keep the computer awake: a sentence for the
    // status bar. Emitted at most once per inhibitor.
    void unavailable(const QString& message);
    // Something now keeps the computer awake, or nothing does any more.
    void holderChanged(tapedeck::SleepInhibitor::Holder holder);

private:
    void askPortal();
    void askLogind();
    void onPortalAnswer(quint64 generation, const QString& requestPath, bool ok);
    void onLogindAnswer(quint64 generation, const QDBusUnixFileDescriptor& fd, bool ok);
    void giveUp();
    void setHolder(Holder holder);

    void connectBuses();

    bool systemBuses_ = false; // connect to the session and system bus at the first hold()
    QDBusConnection portalBus_;
    QDBusConnection logindBus_;
    QString reason_;
    bool wanted_ = false;
    // Each hold() gets a number; an answer to an older one is released as it arrives.
    quint64 generation_ = 0;
    Holder holder_ = Holder::None;
    QString portalRequest_;
    QDBusUnixFileDescriptor logindLock_;
    bool toldUnavailable_ = false;
};

} // namespace tapedeck
