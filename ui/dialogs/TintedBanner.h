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

    QLabel* makeIcon(QStyle::StandardPixmap pixmap, const QString& accessibleName);
    QToolButton* makeCloseButton(const QString& toolTip, const QString& accessibleName);
    // Call after the tint changed, and once at the end of the derived constructor.
    void applyColours();

    void changeEvent(QEvent* event) override;
};

} // namespace tapedeck
