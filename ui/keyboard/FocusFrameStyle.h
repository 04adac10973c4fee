#pragma once

#include <QProxyStyle>

namespace tapedeck {

// The application's style with a focus frame that can be seen: two pixels of the palette's
// highlight colour instead of the base style's faint tint. Tool buttons, which take the
// focus only from the keyboard (or when the window opens), always show it; lists wear it
// round their frame (an empty list, or one with no current row, shows nothing else); other
// widgets show it after a key moved the focus, as the base style does. GUI thread only.
class FocusFrameStyle : public QProxyStyle {
    Q_OBJECT
public:
    static constexpr int kFrameWidth = 2;

    // Wraps the style called `baseStyle` (the application's own when empty).
    explicit FocusFrameStyle(const QString& baseStyle = {});

    // Makes it the application's style, unless it already is. Called by every window before
    // it builds its widgets, so tests get the same look as the app.
    static void install();

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;

private:
    static void drawFrame(const QRect& rect, const QColor& colour, QPainter* painter);
};

} // namespace tapedeck
