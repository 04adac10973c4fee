#pragma once

#include "ui/instance/RunningWindow.h"

#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace tapedeck {

// org.freedesktop.Application on the running window: what a desktop calls to launch a
// DBusActivatable application (Activate), to open files in it (Open, from the file manager's
// Open With or a later `tapedeck FILE`), and to run one of its actions (ActivateAction;
// Tapedeck has "toggle-record"). Each call is answered once it has been carried out, so the
// caller knows it worked. GUI thread only.
class ApplicationAdaptor : public QDBusAbstractAdaptor {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Application")

public:
    // `bus`: the connection the window is exported on, for the answers sent later.
    ApplicationAdaptor(RunningWindow& window, const QDBusConnection& bus);

public slots:
    void Activate(const QVariantMap& platformData);
    void Open(const QStringList& uris, const QVariantMap& platformData,
              const QDBusMessage& message);
    void ActivateAction(const QString& name, const QVariantList& parameter,
                        const QVariantMap& platformData, const QDBusMessage& message);

private:
    // Sends the delayed answer to `message`: empty, or the error's text.
    RunningWindow::Done answer(const QDBusMessage& message) const;

    RunningWindow& window_;
    QDBusConnection bus_;
};

} // namespace tapedeck
