#pragma once

#include <QDBusAbstractAdaptor>
#include <QStringList>

class QAction;
class QWidget;

namespace tapedeck {

// org.mpris.MediaPlayer2: who the player is (Identity, DesktopEntry), what it opens, and
// Raise and Quit. Quit goes through File › Quit, so a running take is never ended without
// the window asking first. The D-Bus names are MPRIS's own (capitalised). GUI thread only.
class MprisRootAdaptor : public QDBusAbstractAdaptor {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.mpris.MediaPlayer2")
    Q_PROPERTY(bool CanQuit READ canQuit)
    Q_PROPERTY(bool CanRaise READ canRaise)
    Q_PROPERTY(bool Fullscreen READ fullscreen)
    Q_PROPERTY(bool CanSetFullscreen READ canSetFullscreen)
    Q_PROPERTY(bool HasTrackList READ hasTrackList)
    Q_PROPERTY(QString Identity READ identity)
    Q_PROPERTY(QString DesktopEntry READ desktopEntry)
    Q_PROPERTY(QStringList SupportedUriSchemes READ supportedUriSchemes)
    Q_PROPERTY(QStringList SupportedMimeTypes READ supportedMimeTypes)
public:
    // The desktop file's name without ".desktop".
    static constexpr const char* kDesktopEntry = "io.github.tapedeck.Tapedeck";

    // `object`: the object registered on the bus (owns this adaptor). `window` is raised;
    // `quit` is the window's File › Quit.
    MprisRootAdaptor(QObject& object, QWidget& window, QAction& quit);

    bool canQuit() const { return true; }
    bool canRaise() const { return true; }
    bool fullscreen() const { return false; }
    bool canSetFullscreen() const { return false; }
    bool hasTrackList() const { return false; }
    QString identity() const;
    QString desktopEntry() const { return QString::fromLatin1(kDesktopEntry); }
    QStringList supportedUriSchemes() const { return {QStringLiteral("file")}; }
    // The desktop file's MimeType list (keep them in step; a test compares them).
    QStringList supportedMimeTypes() const;

public slots: // D-Bus methods
    void Raise();
    void Quit();

private:
    QWidget& window_;
    QAction& quit_;
};

} // namespace tapedeck
