#include "ui/mpris/MprisRootAdaptor.h"

#include <QAction>
#include <QTimer>
#include <QWidget>

namespace tapedeck {

MprisRootAdaptor::MprisRootAdaptor(QObject& object, QWidget& window, QAction& quit)
    : QDBusAbstractAdaptor(&object), window_(window), quit_(quit) {}

QString MprisRootAdaptor::identity() const {
    return QStringLiteral("Tapedeck"); // a name, not translated (MPRIS shows it as the player)
}

QStringList MprisRootAdaptor::supportedMimeTypes() const {
    return {
        QStringLiteral("audio/x-wav"),        QStringLiteral("audio/wav"),
        QStringLiteral("audio/vnd.wave"),     QStringLiteral("audio/flac"),
        QStringLiteral("audio/x-flac"),       QStringLiteral("audio/ogg"),
        QStringLiteral("audio/x-vorbis+ogg"), QStringLiteral("audio/x-opus+ogg"),
        QStringLiteral("audio/x-flac+ogg"),   QStringLiteral("audio/mpeg"),
        QStringLiteral("audio/x-aiff"),       QStringLiteral("audio/x-aifc"),
    };
}

void MprisRootAdaptor::Raise() {
    if (window_.isMinimized())
        window_.showNormal();
    else
        window_.show();
    window_.raise();
    window_.activateWindow();
}

void MprisRootAdaptor::Quit() {
    // After the reply: during a take the window asks first, and the caller must not wait
    // on that question (gdbus would time out).
    QTimer::singleShot(0, &quit_, &QAction::trigger);
}

} // namespace tapedeck
