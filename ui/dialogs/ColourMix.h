#pragma once

#include <QColor>

namespace tapedeck {

// The colour `amount` of the way from `base` to `tint` (0: base, 1: tint). Used to tint
// palette colours, so what is drawn follows light and dark palettes. Any thread.
inline QColor mixColours(const QColor& base, const QColor& tint, double amount) {
    return QColor::fromRgbF(
        static_cast<float>(base.redF() + (tint.redF() - base.redF()) * amount),
        static_cast<float>(base.greenF() + (tint.greenF() - base.greenF()) * amount),
        static_cast<float>(base.blueF() + (tint.blueF() - base.blueF()) * amount));
}

} // namespace tapedeck
