#pragma once

#include <QFrame>
#include <QStyle>

class QLabel;
class QToolButton;

namespace tapedeck {

// What every banner across the top of the window shares: a frame whose background is the
// parent's window colour tinted towards a colour of the banner's choosing (so it fits light
// and dark palettes and keeps the theme's text contrast), a standard icon, and a close
// button that hides it and says so. GUI thread only.
class TintedBanner : public QFrame {
    Q_OBJECT
public:
    explicit TintedBanner(QWidget* parent = nullptr);

signals:
    void dismissed();

protected:
    // The colour mixed into the window colour, and how much of it (0..1).
    virtual QColor tint() const = 0;
    virtual double tintAmount() const = 0;

    // The icon and the close button get their pictures when the banner is first shown: the
    // style's standard icons are looked up in the icon theme on disk, which cost the window's
    // first frame more than ten milliseconds for banners that are mostly never shown.
    QLabel* makeIcon(QStyle::StandardPixmap pixmap, const QString& accessibleName);
    QToolButton* makeCloseButton(const QString& toolTip, const QString& accessibleName);
    // Call after the tint changed, and once at the end of the derived constructor.
    void applyColours();

    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void loadPictures();

    QLabel* pictureLabel_ = nullptr;
    QStyle::StandardPixmap iconPixmap_ = QStyle::SP_MessageBoxInformation;
    QToolButton* closeButton_ = nullptr;
    bool picturesLoaded_ = false;
};

} // namespace tapedeck
